package org.puente.event;

/**
 * The kind of place an event is held at, which the public may know even when the address is hidden
 * ("a church in Pilsen, Chicago"). Places of worship and detention centers hide their address by default.
 */
public enum VenueKind {
    PLACE_OF_WORSHIP(true),
    COMMUNITY_CENTER(false),
    DETENTION_CENTER(true),
    GOVERNMENT_BUILDING(false),
    PARK_OR_STREET(false),
    OFFICE(false),
    OTHER(false);

    private final boolean sensitive;

    VenueKind(boolean sensitive) {
        this.sensitive = sensitive;
    }

    /** Whether a gathering here should keep its address for confirmed attendees unless the host says otherwise. */
    public boolean isSensitive() {
        return sensitive;
    }
}
