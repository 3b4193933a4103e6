/**
 * Accounts over HTTP: administration, and each member of staff's own password and
 * authenticator.
 */
package org.waystation.identity.account.web;
