package org.puente.statement;

import java.util.EnumSet;
import java.util.Set;

/** Where a statement stands: drafted, reviewed by staff, open for sign-on, closed, released, archived. */
public enum StatementState {
    DRAFT,
    IN_REVIEW,
    OPEN,
    CLOSED,
    RELEASED,
    ARCHIVED;

    /** The states the public can read (an archived statement keeps its address, off the lists). */
    public static final Set<StatementState> PUBLIC = EnumSet.of(OPEN, CLOSED, RELEASED, ARCHIVED);

    /** The states listed at {@code /statements}. */
    public static final Set<StatementState> LISTED = EnumSet.of(OPEN, CLOSED, RELEASED);
}
