/** notification-service: tells workers about each step of their appeal. */
package org.waystation.notification;
