package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
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
    private static final int TOP = 3;
    /** A source is abnormal when it sent at least this many signatures in the hour… */
    static final int ABNORMAL_MIN = 10;
    /** …and at least this share of the hour's signatures. */
    static final double ABNORMAL_SHARE = 0.25;

    /** Mailbox providers that many genuine signers share: a large share from them is not suspicious. */
    static final Set<String> COMMON_PROVIDERS = Set.of("gmail.com", "googlemail.com", "yahoo.com", "yahoo.com.mx",
            "hotmail.com", "hotmail.es", "outlook.com", "outlook.es", "live.com", "msn.com", "icloud.com", "me.com",
            "aol.com", "proton.me", "protonmail.com", "gmx.com");

    /** A petition's signatures per hour since a moment, and how many of them are held. */
    public static final String HOURLY = "SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00'), COUNT(*), "
            + "SUM(hold_reason IS NOT NULL) FROM signature WHERE petition_id = ? AND created_at >= ? "
            + "GROUP BY 1 ORDER BY 1 DESC";
    /** What {@link #topSql} ranks: the signer's address… */
    public static final String ADDRESS = "source_ip";
    /** …or the domain of their e-mail address. */
    public static final String DOMAIN = "SUBSTRING_INDEX(email_canonical, '@', -1)";

    /** Addresses erased per transaction by {@link #eraseOldSources()}. */
    public static final int ERASE_BATCH = 1000;
    /**
     * Signatures still holding an address from before a moment. A plain (non-locking) read that follows the
     * index on (source_ip, created_at): it reads only the signatures that still hold an address, never the
     * whole history, and locks nothing.
     */
    public static final String OLD_SOURCES = "SELECT id FROM signature WHERE source_ip IS NOT NULL AND created_at < ? "
            + "LIMIT " + ERASE_BATCH;
    /** Forgets the address of the signatures listed after it (ids): only these rows are locked. */
    public static final String ERASE_SOURCES = "UPDATE signature SET source_ip = NULL, source_key = NULL "
            + "WHERE source_ip IS NOT NULL AND id IN ";

    public record Source(String name, long count, boolean abnormal, boolean allowListed) {
    }

    public record Hour(Instant start, long total, long held, List<Source> addresses, List<Source> domains) {

        public boolean isAbnormal() {
            return addresses.stream().anyMatch(Source::abnormal) || domains.stream().anyMatch(Source::abnormal);
        }
    }

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    SigningLimits limits;

    /** The last {@value #HOURS} hours that had signatures, newest first. */
    @Transactional(TxType.SUPPORTS)
    public List<Hour> hourly(long petitionId) {
        Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofHours(HOURS)));
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (Object[] row : rows(HOURLY, petitionId, since)) {
            totals.put((String) row[0], new long[] {number(row[1]), number(row[2])});
        }
        Map<String, List<Source>> addresses = top(ADDRESS, petitionId, since, totals, true);
        Map<String, List<Source>> domains = top(DOMAIN, petitionId, since, totals, false);
        List<Hour> hours = new ArrayList<>();
        totals.forEach((hour, figures) -> hours.add(new Hour(
                LocalDateTime.parse(hour.replace(' ', 'T')).toInstant(ZoneOffset.UTC), figures[0], figures[1],
                addresses.getOrDefault(hour, List.of()), domains.getOrDefault(hour, List.of()))));
        return hours;
    }

    /** The busiest {@value #TOP} values of {@link #ADDRESS} or {@link #DOMAIN} per hour, computed in the database. */
    public static String topSql(String expression) {
        return "SELECT hour, source, n FROM (SELECT hour, source, n, "
                + "ROW_NUMBER() OVER (PARTITION BY hour ORDER BY n DESC, source) AS place FROM ("
                + "SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00') AS hour, " + expression + " AS source, "
                + "COUNT(*) AS n FROM signature WHERE petition_id = ? AND created_at >= ? GROUP BY 1, 2) counted"
                + ") ranked WHERE place <= " + TOP + " ORDER BY hour DESC, n DESC";
    }

    private Map<String, List<Source>> top(String expression, long petitionId, Timestamp since,
            Map<String, long[]> totals, boolean addresses) {
        Map<String, List<Source>> top = new LinkedHashMap<>();
        for (Object[] row : rows(topSql(expression), petitionId, since)) {
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

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long petitionId, Timestamp since) {
        return em.createNativeQuery(sql).setParameter(1, petitionId).setParameter(2, since).getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * Forgets the addresses of up to {@value #ERASE_BATCH} signers older than the retention period, in this
     * transaction; the rest of each signature stays. The caller repeats while a whole batch was erased.
     * The rows are found first and then changed by id, so the change locks those rows and no others: a
     * signature being confirmed or erased meanwhile does not wait for it.
     *
     * @return how many addresses were erased
     */
    public int eraseOldSources() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(OLD_SOURCES)
                .setParameter(1, Timestamp.from(clock.instant().minus(limits.sourceRetention()))).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        String list = ids.stream().map(id -> String.valueOf(id.longValue()))
                .collect(java.util.stream.Collectors.joining(",", "(", ")"));
        return em.createNativeQuery(ERASE_SOURCES + list).executeUpdate();
    }
}
