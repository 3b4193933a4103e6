/** Errors as RFC 9457 problem details that name the field and the problem. */
package org.waystation.support.web;
