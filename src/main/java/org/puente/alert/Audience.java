package org.puente.alert;

import org.puente.platform.i18n.Language;

/**
 * Who an alert goes to: every subscribed supporter, or those who signed a petition (a confirmed
 * signature with the same canonical address), narrowed by language, country and postal-code prefix.
 * Unsubscribed, bounced and complaining supporters are never in any audience.
 *
 * <p>Or, for a host's message about their event, the event's confirmed attendees (and, if the host says
 * so, its waitlist), whether or not they agreed to alerts: the message is about the event they registered
 * for, and goes only to people still registered when it is sent.
 *
 * @param petitionId   signers of this petition only, or null for everyone
 * @param language     supporters who read this language only, or null
 * @param country      supporters in this country (ISO 3166 alpha-2) only, or null
 * @param postalPrefix supporters whose postal code starts with this, or null
 * @param eventId      this event's attendees instead of supporters, or null
 * @param withWaitlist with an event, its waitlisted people too
 */
public record Audience(
        Long petitionId, Language language, String country, String postalPrefix, Long eventId, boolean withWaitlist) {

    public Audience(Long petitionId, Language language, String country, String postalPrefix) {
        this(petitionId, language, country, postalPrefix, null, false);
    }

    public static Audience everyone() {
        return new Audience(null, null, null, null);
    }

    /** An event's attendees (confirmed, and waitlisted when asked). */
    public static Audience attendeesOf(long eventId, boolean withWaitlist) {
        return new Audience(null, null, null, null, eventId, withWaitlist);
    }

    public boolean isEventAttendees() {
        return eventId != null;
    }
}
