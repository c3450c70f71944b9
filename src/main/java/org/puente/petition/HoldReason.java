package org.puente.petition;

/** Why a signature is held back from the count until staff release it. */
public enum HoldReason {
    /** More signatures from one address to one petition than the configured burst or hourly rate. */
    RATE_LIMIT,
    /**
     * Sent back faster than a person fills in the form, or without the form's timer, or with one that is
     * too old or was made for another petition's form.
     */
    TOO_FAST
}
