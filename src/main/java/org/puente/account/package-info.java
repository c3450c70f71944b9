/**
 * Accounts: who may sign in, and how they prove it.
 *
 * <p>E-mail and password checked by a Jakarta Security identity store against PBKDF2 hashes; the caller's
 * name is the account id, the group its role. Sign-in failures are throttled and answered identically for
 * unknown addresses; password resets are single-use hashed tokens that expire in an hour.
 * {@link org.puente.account.Caller} is the one place that turns "who is asking" into allow or 403.
 */
package org.puente.account;
