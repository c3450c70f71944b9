package org.puente.petition;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Where a petition is in its life: draft → in review → open → closed → archived. */
public enum PetitionState {
    DRAFT,
    IN_REVIEW,
    OPEN,
    CLOSED,
    ARCHIVED;

    /** States in which people may sign. */
    public static final Set<PetitionState> SIGNABLE = Collections.unmodifiableSet(EnumSet.of(OPEN));

    /** States the public may read. */
    public static final Set<PetitionState> VISIBLE = Collections.unmodifiableSet(EnumSet.of(OPEN, CLOSED));
}
