/**
 * Accounts: who may sign in, and how they prove it.
 *
 * <p>E-mail and password checked by a Jakarta Security identity store against PBKDF2 hashes; the caller's
 * name is the account id, the group its role. Sign-in attempts are reserved with the login throttle before
 * the password is checked (per account and client, so nobody can lock someone else out) and answered
 * identically for unknown addresses. A session remembers the account's credential version; a password
 * change or a deactivation raises it, and {@link org.puente.account.SessionCheck} ends every older session
 * at its next request. Password resets are single-use hashed tokens that expire in an hour; asking for one
 * costs the request the same whatever the address, because the token and the mail are made in the
 * background after the request has answered. Sign-ins, resets and access changes go to the
 * {@link org.puente.account.SecurityLog}. {@link org.puente.account.Caller} is the one place that turns
 * "who is asking" into allow or 403 by role. Accounts know nothing of organizations: which organizations an
 * editor acts for is the organization feature's to keep and to check.
 */
package org.puente.account;
