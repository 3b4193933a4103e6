/** The security log over HTTP, for administrators. */
package org.waystation.identity.audit.web;
