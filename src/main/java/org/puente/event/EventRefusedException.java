package org.puente.event;

/**
 * An event's form does not hold together (an end before its start, a start in the past, a taken address):
 * the page shows the message on the field; nothing was saved.
 */
public class EventRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String key;

    public EventRefusedException(String field, String key) {
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
