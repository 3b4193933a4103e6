/**
 * The in-app inbox: messages addressed to accounts (staff and supervisors by username,
 * workers by their pseudonymous id), and the roster of staff accounts that says who the
 * supervisors of a department are.
 */
package org.waystation.notification.inbox;
