package org.puente.event;

/**
 * Who may learn the street address and the online link of an event. Until they may, only the locality
 * (city, region, country) and the kind of venue are shown.
 */
public enum LocationDisclosure {
    /** On the public page for anyone. */
    PUBLIC,
    /** Only to people whose registration is confirmed: their mails, calendar file and registration page. */
    AFTER_RSVP,
    /** Only to people the host approves (the approval itself arrives with delegations). */
    AFTER_APPROVAL
}
