package org.puente.account;

import java.util.logging.Logger;

/**
 * The log an administrator reads to see an attack or to answer "who did this": sign-ins that worked,
 * failed or were held back, password resets, and changes to who may do what; each line names the
 * account or the address typed, and the client address (the time is the log's own). Never a password
 * or a token. All at INFO under the logger {@code org.puente.account.security}.
 */
public final class SecurityLog {

    private static final Logger LOG = Logger.getLogger("org.puente.account.security");

    private SecurityLog() {}

    static void signedIn(Account account, String from) {
        LOG.info(() -> "sign-in succeeded: " + who(account) + " from=" + clean(from));
    }

    static void signedOut(Account account, String from) {
        LOG.info(() -> "signed out: " + who(account) + " from=" + clean(from));
    }

    static void signInFailed(String email, String from) {
        LOG.info(() -> "sign-in failed: email=" + clean(email) + " from=" + clean(from));
    }

    static void signInHeldBack(String email, String from) {
        LOG.info(() -> "sign-in held back (too many failures): email=" + clean(email) + " from=" + clean(from));
    }

    static void sessionEnded(long accountId, String why, String from) {
        LOG.info(() -> "session ended (" + why + "): account=" + accountId + " from=" + clean(from));
    }

    static void resetRequested(String email, String from) {
        LOG.info(() -> "password reset requested: email=" + clean(email) + " from=" + clean(from));
    }

    static void resetHeldBack(String email, String from, String why) {
        LOG.info(() -> "password reset held back (" + why + "): email=" + clean(email) + " from=" + clean(from));
    }

    static void resetMailed(Account account) {
        LOG.info(() -> "password reset link queued for mail: " + who(account));
    }

    static void resetNotMailed(String email, String why) {
        LOG.info(() -> "password reset link not mailed (" + why + "): email=" + clean(email));
    }

    static void passwordChanged(Account account, String how, String from) {
        LOG.info(() -> "password changed (" + how + "): " + who(account) + " from=" + clean(from));
    }

    static void accountCreated(Account account) {
        LOG.info(() -> "access changed (account created): " + who(account));
    }

    /**
     * A change to who may do what: an account deactivated or reactivated, given or losing an organization.
     *
     * @param by the admin who made it, or null when the person did (accepting an invitation)
     */
    public static void accessChanged(Account account, String change, Account by, String from) {
        LOG.info(() -> "access changed (" + change + "): " + who(account) + " by="
                + (by == null ? "themselves" : "account " + by.getId()) + " from=" + clean(from));
    }

    private static String who(Account account) {
        return "account=" + account.getId() + " email=" + clean(account.getEmail()) + " role=" + account.getRole();
    }

    /** No line breaks or control characters from outside, so nobody can forge a log line; long input cut. */
    static String clean(String value) {
        if (value == null) {
            return "-";
        }
        String shown = value.length() > 120 ? value.substring(0, 120) + "…" : value;
        StringBuilder out = new StringBuilder(shown.length() + 2).append('\'');
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('\'').toString();
    }
}
