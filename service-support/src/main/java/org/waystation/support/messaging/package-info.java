/**
 * Sending messages: the SMS provider interface with an HTTP gateway behind it, the HTTP
 * send API the IM service account shares, and the retry and circuit breaker every
 * provider is called through.
 */
package org.waystation.support.messaging;
