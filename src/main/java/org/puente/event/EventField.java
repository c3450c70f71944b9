package org.puente.event;

/**
 * A field of the event form that only some types of event need. The type decides ({@link EventType#shows});
 * a field the type does not show takes no effect, whatever a form sends for it.
 */
public enum EventField {
    /** Guests each attendee may bring. */
    GUESTS,
    /** Asking attendees for a phone number. */
    PHONE,
    /** The languages spoken. */
    LANGUAGES,
    /** Whether interpretation is offered. */
    INTERPRETATION,
    /** What to bring and accessibility, in both languages. */
    NOTES,
    /** A public contact address. */
    CONTACT,
    /** A second reminder hours before the start. */
    SECOND_REMINDER
}
