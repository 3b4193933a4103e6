/**
 * Sending what is recorded to where people are: a text message for a worker who appealed
 * without the app (by SMS, the hotline, a kiosk, a grid worker, the wish box, an import
 * or Open311), an IM message for one who came by IM, mail for members of staff. Each is
 * kept in a queue in the store until its provider has taken it, retried with growing
 * pauses while it fails, and marked failed (never dropped) when it keeps failing.
 */
package org.waystation.notification.delivery;
