package org.puente.platform.web;

/**
 * A form does not hold together in a way only the service can tell (a deadline in the past, a statement
 * without demands, a taken address): the page shows the message on the field; nothing was saved.
 */
public class FieldRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String key;

    public FieldRefusedException(String field, String key) {
        super(key + " on " + field);
        this.field = field;
        this.key = key;
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
