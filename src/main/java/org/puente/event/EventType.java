package org.puente.event;

import java.util.EnumSet;
import java.util.Set;

/**
 * What kind of gathering an event is. A type decides its icon, the wording its page uses (the bundles'
 * {@code registration.heading.TYPE} and {@code registration.submit.TYPE}), which optional fields the form
 * shows, and how much of the place is public by default. Delegations and briefings are to join as further
 * types of the same event.
 */
public enum EventType {
    /** Vigils and prayer days gather people who may be at risk: nobody is asked for a phone number. */
    VIGIL("🕯", LocationDisclosure.AFTER_RSVP, EnumSet.complementOf(EnumSet.of(EventField.PHONE))),
    PRAYER("🙏", LocationDisclosure.AFTER_RSVP, EnumSet.complementOf(EnumSet.of(EventField.PHONE))),
    TRAINING("📘", LocationDisclosure.PUBLIC, EnumSet.allOf(EventField.class)),
    /** A public action is open to all: nobody registers guests for it. */
    RALLY("📣", LocationDisclosure.PUBLIC, EnumSet.complementOf(EnumSet.of(EventField.GUESTS))),
    MEETING("👥", LocationDisclosure.PUBLIC, EnumSet.allOf(EventField.class)),
    OTHER("★", LocationDisclosure.PUBLIC, EnumSet.allOf(EventField.class));

    private final String icon;
    private final LocationDisclosure defaultDisclosure;
    private final Set<EventField> fields;

    EventType(String icon, LocationDisclosure defaultDisclosure, Set<EventField> fields) {
        this.icon = icon;
        this.defaultDisclosure = defaultDisclosure;
        this.fields = Set.copyOf(fields);
    }

    /** A symbol shown beside the type's name (decorative: the name is always written out). */
    public String getIcon() {
        return icon;
    }

    /** Vigils and prayer days gather people who may be at risk: their address waits for a confirmed RSVP. */
    public LocationDisclosure defaultDisclosure() {
        return defaultDisclosure;
    }

    /** Whether the form shows this optional field for this type (and the event keeps what it says). */
    public boolean shows(EventField field) {
        return fields.contains(field);
    }
}
