/**
 * Tokens: the authorization server's set-up, the rotating signing keys, the sign-in
 * store, what tokens say, and issuing, refreshing and revoking them.
 */
package org.waystation.identity.token;
