package org.puente.event;

/** Why a registration is held back (no mail, never counted): the same checks as signing a petition. */
public enum RegistrationHold {
    RATE_LIMIT,
    TOO_FAST
}
