package org.puente.petition;

/** A correction of an open petition that is not a small fix; the message is a bundle key saying why. */
public class CorrectionRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Object[] arguments;

    public CorrectionRefusedException(String messageKey, Object... arguments) {
        super(messageKey);
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
