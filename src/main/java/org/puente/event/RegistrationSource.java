package org.puente.event;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a registration came from: the client's address (for the per-address limits) and, for the form,
 * how long it took to fill in (empty when its timer is missing, forged or stale); the API has no timer.
 */
public record RegistrationSource(String address, Optional<Duration> timeToSubmit, boolean timed) {

    public static RegistrationSource form(String address, Optional<Duration> timeToSubmit) {
        return new RegistrationSource(address, timeToSubmit, true);
    }

    public static RegistrationSource api(String address) {
        return new RegistrationSource(address, Optional.empty(), false);
    }
}
