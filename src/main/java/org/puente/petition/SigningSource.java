package org.puente.petition;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a signature came from, for the abuse checks: the client's address and, for the signing form,
 * how long the person took to fill it in (empty when the form's timer was missing, forged, too old or
 * made for another form). Partner tools signing through the API have no form, so no timer applies to
 * them; the rate limits do, raised to their key's when they present one.
 *
 * @param address      the client's address as {@link org.puente.platform.web.ClientAddress} resolved it
 * @param timed        whether the submission came through the form, whose timer must then hold
 * @param timeToSubmit how long after the form was made it came back
 * @param partnerLimit the limits of the partner key presented, instead of the usual ones
 */
public record SigningSource(
        String address, boolean timed, Optional<Duration> timeToSubmit, Optional<RateLimit> partnerLimit) {

    /** How many signatures one address may send to one petition in a minute and in an hour. */
    public record RateLimit(int perMinute, int perHour) {}

    public static SigningSource form(String address, Optional<Duration> timeToSubmit) {
        return new SigningSource(address, true, timeToSubmit, Optional.empty());
    }

    public static SigningSource api(String address) {
        return new SigningSource(address, false, Optional.empty(), Optional.empty());
    }

    /** A partner tool's signature, under its key's limits. */
    public static SigningSource partner(String address, RateLimit limit) {
        return new SigningSource(address, false, Optional.empty(), Optional.of(limit));
    }
}
