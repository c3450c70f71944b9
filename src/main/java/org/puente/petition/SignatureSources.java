package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.puente.platform.security.PublicFormLimits;

/**
 * Where a petition's signatures came from, hour by hour: the busiest client addresses and e-mail domains
 * of each hour, with the ones that look abnormal marked. The figures come from the signature rows
 * themselves (held ones included), so addresses are only known within the retention period.
 */
@ApplicationScoped
@Transactional
public class SignatureSources {

    /** Hours the report covers. */
    public static final int HOURS = 48;
    /** A source is abnormal when it sent at least this many signatures in the hour… */
    static final int ABNORMAL_MIN = 10;
    /** …and at least this share of the hour's signatures. */
    static final double ABNORMAL_SHARE = 0.25;

    /** Mailbox providers that many genuine signers share: a large share from them is not suspicious. */
    static final Set<String> COMMON_PROVIDERS = Set.of(
            "gmail.com",
            "googlemail.com",
            "yahoo.com",
            "yahoo.com.mx",
            "hotmail.com",
            "hotmail.es",
            "outlook.com",
            "outlook.es",
            "live.com",
            "msn.com",
            "icloud.com",
            "me.com",
            "aol.com",
            "proton.me",
            "protonmail.com",
            "gmx.com");

    public record Source(String name, long count, boolean abnormal, boolean allowListed) {}

    public record Hour(Instant start, long total, long held, List<Source> addresses, List<Source> domains) {

        public boolean isAbnormal() {
            return addresses.stream().anyMatch(Source::abnormal)
                    || domains.stream().anyMatch(Source::abnormal);
        }
    }

    @Inject
    Clock clock;

    @Inject
    SignatureStore store;

    @Inject
    PublicFormLimits limits;

    /** The last {@value #HOURS} hours that had signatures, newest first. */
    @Transactional(TxType.SUPPORTS)
    public List<Hour> hourly(long petitionId) {
        Instant since = clock.instant().minus(Duration.ofHours(HOURS));
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (Object[] row : store.hourly(petitionId, since)) {
            totals.put((String) row[0], new long[] {number(row[1]), number(row[2])});
        }
        Map<String, List<Source>> addresses = top(SignatureStore.ADDRESS, petitionId, since, totals, true);
        Map<String, List<Source>> domains = top(SignatureStore.DOMAIN, petitionId, since, totals, false);
        List<Hour> hours = new ArrayList<>();
        totals.forEach((hour, figures) -> hours.add(new Hour(
                LocalDateTime.parse(hour.replace(' ', 'T')).toInstant(ZoneOffset.UTC),
                figures[0],
                figures[1],
                addresses.getOrDefault(hour, List.of()),
                domains.getOrDefault(hour, List.of()))));
        return hours;
    }

    /** The busiest sources of each hour, the abnormal ones marked. */
    private Map<String, List<Source>> top(
            String expression, long petitionId, Instant since, Map<String, long[]> totals, boolean addresses) {
        Map<String, List<Source>> top = new LinkedHashMap<>();
        for (Object[] row : store.top(expression, petitionId, since)) {
            String hour = (String) row[0];
            String name = (String) row[1];
            long count = number(row[2]);
            long total = totals.getOrDefault(hour, new long[] {0})[0];
            boolean allowListed = addresses && name != null && limits.isAllowListed(name);
            boolean ordinary = name == null || allowListed || (!addresses && COMMON_PROVIDERS.contains(name));
            top.computeIfAbsent(hour, h -> new ArrayList<>())
                    .add(new Source(name, count, !ordinary && isAbnormal(count, total), allowListed));
        }
        return top;
    }

    static boolean isAbnormal(long count, long hourTotal) {
        return count >= ABNORMAL_MIN && count >= hourTotal * ABNORMAL_SHARE;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * Forgets the addresses of up to {@value SignatureStore#ERASE_BATCH} signers older than the retention
     * period, in this transaction; the rest of each signature stays. The caller repeats while a whole batch
     * was erased. A signature being confirmed or erased meanwhile does not wait for it.
     *
     * @return how many addresses were erased
     */
    public int eraseOldSources() {
        return store.eraseSourcesBefore(clock.instant().minus(limits.sourceRetention()));
    }
}
