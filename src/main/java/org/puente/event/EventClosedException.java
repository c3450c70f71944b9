package org.puente.event;

/** The event takes no registrations now: cancelled, started or past, or not published. */
public class EventClosedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventClosedException(String slug) {
        super("event " + slug + " takes no registrations");
    }
}
