package org.puente.event;

/**
 * What kind of gathering an event is. A type decides its icon, the wording its page uses, which optional
 * fields the form shows, and how much of the place is public by default. Delegations and briefings are
 * to join as further types of the same event.
 */
public enum EventType {
    VIGIL("🕯", LocationDisclosure.AFTER_RSVP, false),
    PRAYER("🙏", LocationDisclosure.AFTER_RSVP, false),
    TRAINING("📘", LocationDisclosure.PUBLIC, true),
    RALLY("📣", LocationDisclosure.PUBLIC, false),
    MEETING("👥", LocationDisclosure.PUBLIC, true),
    OTHER("★", LocationDisclosure.PUBLIC, false);

    private final String icon;
    private final LocationDisclosure defaultDisclosure;
    private final boolean offersGuests;

    EventType(String icon, LocationDisclosure defaultDisclosure, boolean offersGuests) {
        this.icon = icon;
        this.defaultDisclosure = defaultDisclosure;
        this.offersGuests = offersGuests;
    }

    /** A symbol shown beside the type's name (decorative: the name is always written out). */
    public String getIcon() {
        return icon;
    }

    /** Vigils and prayer days gather people who may be at risk: their address waits for a confirmed RSVP. */
    public LocationDisclosure defaultDisclosure() {
        return defaultDisclosure;
    }

    /** Whether the form offers guests by default (a training or meeting often brings colleagues). */
    public boolean offersGuests() {
        return offersGuests;
    }
}
