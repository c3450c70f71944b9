package org.puente.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Measures how long a person took to fill in a form, without a session: the page carries a stamp of the
 * time it was made, signed so that software cannot forge an older one. A form sent back seconds after
 * it was made was not typed by a person.
 */
@ApplicationScoped
public class FormTimer {

    /** Clocks of several instances may differ a little; a stamp further in the future is forged. */
    private static final Duration SKEW = Duration.ofSeconds(5);

    @Inject
    SecretSigner secrets;

    /** A stamp of now, for a hidden field. */
    public String start() {
        return stamp(Instant.now().toEpochMilli());
    }

    /** How long ago the stamp was made; empty when it is missing, malformed, forged or from the future. */
    public Optional<Duration> elapsed(String stamp) {
        if (stamp == null || !stamp.matches("\\d{1,15}\\.[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        long millis = Long.parseLong(stamp.substring(0, stamp.indexOf('.')));
        byte[] expected = stamp(millis).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, stamp.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Duration elapsed = Duration.between(Instant.ofEpochMilli(millis), Instant.now());
        if (elapsed.compareTo(SKEW.negated()) < 0) {
            return Optional.empty();
        }
        return Optional.of(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    private String stamp(long epochMilli) {
        return epochMilli + "." + secrets.sign("form-timer", "form-timer:" + epochMilli);
    }
}
