package org.puente.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Measures how long a person took to fill in a form, without a session: the page carries a stamp of the
 * time it was made and of the form it was made for (a petition's, say), signed so that software cannot
 * forge an older one or carry one form's stamp to another. A form sent back seconds after it was made
 * was not typed by a person; one sent back long after, with a stamp fetched once and replayed, was not
 * either.
 */
@ApplicationScoped
public class FormTimer {

    /** Clocks of several instances may differ a little; a stamp further in the future is forged. */
    private static final Duration SKEW = Duration.ofSeconds(5);

    @Inject
    Clock clock;

    @Inject
    SecretSigner secrets;

    /**
     * A stamp of now, for a hidden field.
     *
     * @param form what the form is for, e.g. {@code petition:12}; the stamp is good for that form only
     */
    public String start(String form) {
        return stamp(form, clock.millis());
    }

    /**
     * How long ago the stamp was made for this form; empty when it is missing, malformed, forged, made for
     * another form, older than {@code maxAge} or from the future.
     */
    public Optional<Duration> elapsed(String stamp, String form, Duration maxAge) {
        if (stamp == null || !stamp.matches("\\d{1,15}\\.[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        long millis = Long.parseLong(stamp.substring(0, stamp.indexOf('.')));
        byte[] expected = stamp(form, millis).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, stamp.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Duration elapsed = Duration.between(Instant.ofEpochMilli(millis), clock.instant());
        if (elapsed.compareTo(SKEW.negated()) < 0 || elapsed.compareTo(maxAge) > 0) {
            return Optional.empty();
        }
        return Optional.of(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    private String stamp(String form, long epochMilli) {
        return epochMilli + "." + secrets.sign("form-timer", "form-timer:" + form + ":" + epochMilli);
    }
}
