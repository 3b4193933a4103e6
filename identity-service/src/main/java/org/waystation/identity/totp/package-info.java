/** Authenticator codes (TOTP), the second factor of staff sign-in. */
package org.waystation.identity.totp;
