package org.puente.platform.security;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a public submission came from, for the abuse checks: the client's address and, for a form, how long
 * the person took to fill it in (empty when the form's timer was missing, forged, too old or made for another
 * form). Partner tools posting through the API have no form, so no timer applies to them; the rate limits do.
 *
 * @param address      the client's address as {@link org.puente.platform.web.ClientAddress} resolved it
 * @param timed        whether the submission came through a form, whose timer must then hold
 * @param timeToSubmit how long after the form was made it came back
 */
public record FormOrigin(String address, boolean timed, Optional<Duration> timeToSubmit) {

    public static FormOrigin form(String address, Optional<Duration> timeToSubmit) {
        return new FormOrigin(address, true, timeToSubmit);
    }

    public static FormOrigin api(String address) {
        return new FormOrigin(address, false, Optional.empty());
    }
}
