package org.puente.alert;

import org.puente.platform.i18n.Language;

/**
 * Who an alert goes to: every subscribed supporter, or those who signed a petition (a confirmed
 * signature with the same canonical address), narrowed by language, country and postal-code prefix.
 * Unsubscribed, bounced and complaining supporters are never in any audience.
 *
 * @param petitionId   signers of this petition only, or null for everyone
 * @param language     supporters who read this language only, or null
 * @param country      supporters in this country (ISO 3166 alpha-2) only, or null
 * @param postalPrefix supporters whose postal code starts with this, or null
 */
public record Audience(Long petitionId, Language language, String country, String postalPrefix) {

    public static Audience everyone() {
        return new Audience(null, null, null, null);
    }
}
