/** Sending text messages: one provider interface, an HTTP gateway behind it. */
package org.waystation.support.messaging;
