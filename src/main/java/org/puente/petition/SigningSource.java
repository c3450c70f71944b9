package org.puente.petition;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a signature came from, for the abuse checks: the client's address and, for the signing form,
 * how long the person took to fill it in (empty when the form's timer was missing or forged). Partner
 * tools signing through the API have no form, so no timer applies to them; the rate limits do.
 *
 * @param address     the client's address as {@link org.puente.platform.web.ClientAddress} resolved it
 * @param timed       whether the submission came through the form, whose timer must then hold
 * @param timeToSubmit how long after the form was made it came back
 */
public record SigningSource(String address, boolean timed, Optional<Duration> timeToSubmit) {

    public static SigningSource form(String address, Optional<Duration> timeToSubmit) {
        return new SigningSource(address, true, timeToSubmit);
    }

    public static SigningSource api(String address) {
        return new SigningSource(address, false, Optional.empty());
    }
}
