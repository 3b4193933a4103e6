/** What supervisors see of the delivery of text messages. */
package org.waystation.notification.delivery.web;
