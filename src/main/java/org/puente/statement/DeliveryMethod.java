package org.puente.statement;

/** How a statement reached a policymaker. */
public enum DeliveryMethod {
    EMAIL,
    IN_PERSON,
    BRIEFING,
    POST
}
