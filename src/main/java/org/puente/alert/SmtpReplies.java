package org.puente.alert;

import jakarta.mail.MessagingException;

/**
 * Reads the SMTP reply code out of a failed send: 5xx means the address is refused for good, 4xx try
 * later, none at all means the server could not be reached or did not answer.
 */
final class SmtpReplies {

    private SmtpReplies() {}

    /** The server's reply code, or 0 when it gave none (down, silent, connection lost). */
    static int code(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = nextOf(cause)) {
            try {
                // Angus Mail's SMTPSendFailedException, SMTPAddressFailedException, SMTPSenderFailedException
                Object code = cause.getClass().getMethod("getReturnCode").invoke(cause);
                if (code instanceof Integer value && value > 0) {
                    return value;
                }
            } catch (ReflectiveOperationException e) {
                // not an SMTP reply
            }
        }
        return 0;
    }

    /** What went wrong, starting with the reply code when there is one (reports count 5xx as bounces). */
    static String describe(Throwable failure, int code) {
        Throwable root = failure;
        while (nextOf(root) != null) {
            root = nextOf(root);
        }
        String message = (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()).strip();
        return code > 0 && !message.startsWith(String.valueOf(code)) ? code + " " + message : message;
    }

    /** The cause, or the next exception a MessagingException chains (it keeps per-address failures there). */
    private static Throwable nextOf(Throwable failure) {
        if (failure instanceof MessagingException messaging
                && messaging.getNextException() != null
                && messaging.getNextException() != failure) {
            return messaging.getNextException();
        }
        return failure.getCause() == failure ? null : failure.getCause();
    }
}
