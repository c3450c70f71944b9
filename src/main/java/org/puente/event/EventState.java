package org.puente.event;

import java.util.Set;

/** Where an event stands: {@code DRAFT → IN_REVIEW → PUBLISHED → CANCELLED}; "past" is read from the clock. */
public enum EventState {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    CANCELLED;

    /** Shown to the public (a cancelled event stays visible, marked, so people learn it will not happen). */
    public static final Set<EventState> VISIBLE = Set.of(PUBLISHED, CANCELLED);
}
