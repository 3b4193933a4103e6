package org.waystation.identity.account;

/**
 * Published in-process when an account's sign-ins must end at once: it was disabled, or
 * its password was reset. Whoever keeps the sign-ins (the token feature) revokes them
 * before the administrator's request returns.
 *
 * @param username the account
 * @param reason {@code account-disabled} or {@code account-reset}
 */
public record SignInsEnded(String username, String reason) {
}
