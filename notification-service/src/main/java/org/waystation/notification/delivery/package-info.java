/**
 * Sending what is recorded for workers to where they are: a text message for a worker who
 * appealed without the app (by SMS, the hotline, a kiosk, a grid worker, the wish box or
 * an import), kept in a queue in the store until the provider has taken it, retried with
 * growing pauses while it fails, and marked failed (never dropped) when it keeps failing.
 */
package org.waystation.notification.delivery;
