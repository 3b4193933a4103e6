/** Workers' sign-in with their phone and a one-time code sent by SMS. */
package org.waystation.identity.otp;
