package org.puente.petition;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.puente.platform.web.IpRanges;

/**
 * The abuse limits on signing, from the environment: how many signatures one address may send to one
 * petition in a minute (burst) and in an hour (sustained), which addresses are exempt (community
 * centres, churches, carrier NAT), how fast a person can possibly fill in the form, and how long
 * signers' addresses are kept for the staff's source report.
 */
@ApplicationScoped
public class SigningLimits {

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

    public boolean isAllowListed(String address) {
        return allowed.contains(address);
    }

    public Duration minTimeToSubmit() {
        return Duration.ofSeconds(Math.max(0, minSeconds));
    }

    public Duration sourceRetention() {
        return Duration.ofDays(Math.max(1, sourceRetentionDays));
    }
}
