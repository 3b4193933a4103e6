/** The sign-in API and the signing keys' administration over HTTP. */
package org.waystation.identity.token.web;
