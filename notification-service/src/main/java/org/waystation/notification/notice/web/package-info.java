/** Read access to the notifications recorded for an appeal. */
package org.waystation.notification.notice.web;
