/** The signed-in account's inbox over HTTP. */
package org.waystation.notification.inbox.web;
