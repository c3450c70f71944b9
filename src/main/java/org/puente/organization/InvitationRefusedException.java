package org.puente.organization;

/** An invitation that must not be sent; the message is a bundle key explaining why. */
public class InvitationRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvitationRefusedException(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}
