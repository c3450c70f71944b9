package org.puente.platform.mail;

/** The SMTP server did not take a message. */
public class MailException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
