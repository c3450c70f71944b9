package org.puente.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.puente.platform.web.ClientAddress;
import org.puente.platform.web.IpRanges;

/**
 * The abuse limits on the public forms (signing a petition, registering for an event), from the
 * environment: how many submissions one address (an IPv6 address counted by its /64) may send to one
 * petition or event in a minute (burst) and in an hour (sustained), which addresses are exempt (community
 * centres, churches, carrier NAT), how fast a person can possibly fill in the form, how long the form
 * stays usable, and how long
 * signers' addresses are kept for the staff's source report.
 */
@ApplicationScoped
public class PublicFormLimits {

    @Inject
    @ConfigProperty(name = "PUENTE_SIGNING_BURST_PER_MINUTE", defaultValue = "5")
    int burstPerMinute;

    @Inject
    @ConfigProperty(name = "PUENTE_SIGNING_PER_HOUR", defaultValue = "30")
    int perHour;

    @Inject
    @ConfigProperty(name = "PUENTE_SIGNING_ALLOW_LIST")
    Optional<String> allowList;

    @Inject
    @ConfigProperty(name = "PUENTE_SIGNING_MIN_SECONDS", defaultValue = "3")
    int minSeconds;

    @Inject
    @ConfigProperty(name = "PUENTE_SOURCE_RETENTION_DAYS", defaultValue = "30")
    int sourceRetentionDays;

    @Inject
    @ConfigProperty(name = "PUENTE_SIGNING_FORM_MAX_HOURS", defaultValue = "2")
    int formMaxHours;

    private IpRanges allowed;

    @PostConstruct
    void parse() {
        // A wrong entry stops the portal at start-up rather than silently allowing or limiting nobody.
        allowed = IpRanges.parse(allowList.orElse(null));
    }

    public int burstPerMinute() {
        return burstPerMinute;
    }

    public int perHour() {
        return perHour;
    }

    /** What the limits count an address under, for the form and the API alike: an IPv6 address's /64. */
    public String limitKey(String address) {
        return ClientAddress.limitKey(address);
    }

    public boolean isAllowListed(String address) {
        return allowed.contains(address);
    }

    public Duration minTimeToSubmit() {
        return Duration.ofSeconds(Math.max(0, minSeconds));
    }

    /** How long a signing form may be filled in; a form older than this (or copied from elsewhere) is held. */
    public Duration maxFormAge() {
        return Duration.ofHours(Math.max(1, formMaxHours));
    }

    public Duration sourceRetention() {
        return Duration.ofDays(Math.max(1, sourceRetentionDays));
    }
    /** Why a submission is held back: nothing is mailed or counted for it, and its sender is answered as usual. */
    public enum Hold {
        /** It came back faster than a person types, or its timer is missing, too old or from another form. */
        TOO_FAST,
        /** Its address sent more than the burst (per minute) or the sustained (per hour) number. */
        RATE_LIMIT
    }

    /** How many submissions one address (its limit key) sent to one petition, event or statement lately. */
    public record Recent(long lastMinute, long lastHour) {}

    /**
     * The one rule of every public form: a timed submission must have taken a person's time; then, unless its
     * address is allow-listed, the address may not have sent more than {@code perMinute} in the last minute or
     * {@code perHour} in the last hour ({@code recent} counts them, from the feature's own table).
     */
    public Optional<Hold> check(FormOrigin origin, int perMinute, int perHour, Function<String, Recent> recent) {
        if (origin.timed()
                && origin.timeToSubmit()
                        .filter(t -> t.compareTo(minTimeToSubmit()) >= 0)
                        .isEmpty()) {
            return Optional.of(Hold.TOO_FAST);
        }
        if (origin.address() == null || isAllowListed(origin.address())) {
            return Optional.empty();
        }
        Recent sent = recent.apply(limitKey(origin.address()));
        return sent.lastMinute() >= perMinute || sent.lastHour() >= perHour
                ? Optional.of(Hold.RATE_LIMIT)
                : Optional.empty();
    }

    /** {@link #check(FormOrigin, int, int, Function)} under the usual limits. */
    public Optional<Hold> check(FormOrigin origin, Function<String, Recent> recent) {
        return check(origin, burstPerMinute(), perHour(), recent);
    }
}
