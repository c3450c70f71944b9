package org.puente.platform.web;

/**
 * A form does not hold together in a way only the service can tell (a deadline in the past, a statement
 * without demands, a taken address): the page shows the message on the field; nothing was saved.
 */
public class FieldRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String key;
    private final transient Object[] arguments;

    public FieldRefusedException(String field, String key, Object... arguments) {
        super(key + " on " + field);
        this.field = field;
        this.key = key;
        this.arguments = arguments.clone();
    }

    /** What the message names ("demand 3"), in its placeholders' order. */
    public Object[] arguments() {
        return arguments.clone();
    }

    /** The form field the message belongs to. */
    public String field() {
        return field;
    }

    /** The message bundle key. */
    public String key() {
        return key;
    }
}
