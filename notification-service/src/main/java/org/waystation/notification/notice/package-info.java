/** Notifications: rendering each status change for the worker and recording it once. */
package org.waystation.notification.notice;
