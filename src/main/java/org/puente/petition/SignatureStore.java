package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL over {@code signature} that JPA cannot express well: rate counts, the hourly source report,
 * bulk erasures. One place to read when checking the table's indexes ({@code QueryPlansIT} explains every
 * statement here). Its writes run inside the calling service's transaction, never one of their own; its reads
 * join the caller's transaction when there is one.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class SignatureStore {

    /** How many signatures an address sent a petition since a moment, and how many of them since a later one. */
    public static final String SIGNED_FROM_ADDRESS = "SELECT COUNT(*), COALESCE(SUM(created_at >= ?), 0) "
            + "FROM signature WHERE petition_id = ? AND source_key = ? AND created_at >= ?";

    /** A petition's signatures per hour since a moment, and how many of them are held. */
    public static final String HOURLY = "SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00'), COUNT(*), "
            + "SUM(hold_reason IS NOT NULL) FROM signature WHERE petition_id = ? AND created_at >= ? "
            + "GROUP BY 1 ORDER BY 1 DESC";
    /** What {@link #topSql} ranks: the signer's address… */
    public static final String ADDRESS = "source_ip";
    /** …or the domain of their e-mail address. */
    public static final String DOMAIN = "SUBSTRING_INDEX(email_canonical, '@', -1)";
    /** Sources ranked per hour by {@link #topSql}. */
    static final int TOP = 3;

    /** Addresses erased per transaction by {@link #eraseSourcesBefore}. */
    public static final int ERASE_BATCH = 1000;
    /**
     * Signatures still holding an address from before a moment. A plain (non-locking) read that follows the
     * index on (source_ip, created_at): it reads only the signatures that still hold an address, never the
     * whole history, and locks nothing.
     */
    public static final String OLD_SOURCES =
            "SELECT id FROM signature WHERE source_ip IS NOT NULL AND created_at < ? " + "LIMIT " + ERASE_BATCH;
    /** Forgets the address of the signatures listed after it (ids): only these rows are locked. */
    public static final String ERASE_SOURCES =
            "UPDATE signature SET source_ip = NULL, source_key = NULL " + "WHERE source_ip IS NOT NULL AND id IN ";

    /** An erased person's signatures in a state (unconfirmed ones) go. */
    public static final String ERASE_SIGNER = "DELETE FROM signature WHERE email_canonical = ? AND state = ?";
    /**
     * An erased person's remaining signatures stay counted, naming no one. The canonical address is unique
     * per petition; the row's own id keeps it so once anonymized.
     */
    public static final String ANONYMIZE_SIGNER = "UPDATE signature SET first_name = '', last_name = '', "
            + "email = 'erased@invalid', email_canonical = CONCAT('erased-', id), postal_code = NULL, comment = NULL, "
            + "source_ip = NULL, source_key = NULL, token_hash = NULL, token_expires_at = NULL WHERE email_canonical = ?";

    @PersistenceContext
    EntityManager em;

    /** The busiest {@value #TOP} values of {@link #ADDRESS} or {@link #DOMAIN} per hour, computed in the database. */
    public static String topSql(String expression) {
        return "SELECT hour, source, n FROM (SELECT hour, source, n, "
                + "ROW_NUMBER() OVER (PARTITION BY hour ORDER BY n DESC, source) AS place FROM ("
                + "SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00') AS hour, " + expression + " AS source, "
                + "COUNT(*) AS n FROM signature WHERE petition_id = ? AND created_at >= ? GROUP BY 1, 2) counted"
                + ") ranked WHERE place <= " + TOP + " ORDER BY hour DESC, n DESC";
    }

    /**
     * Signatures a rate-limit key sent to a petition: in the hour before {@code now}, and in its last minute.
     *
     * @return {lastHour, lastMinute}
     */
    @Transactional(TxType.SUPPORTS)
    long[] signedFrom(long petitionId, String limitKey, Instant now) {
        Object[] recent = (Object[]) em.createNativeQuery(SIGNED_FROM_ADDRESS)
                .setParameter(1, Timestamp.from(now.minusSeconds(60)))
                .setParameter(2, petitionId)
                .setParameter(3, limitKey)
                .setParameter(4, Timestamp.from(now.minusSeconds(3600)))
                .getSingleResult();
        return new long[] {number(recent[0]), number(recent[1])};
    }

    /** Rows of {@link #HOURLY}: hour, signatures, held. */
    @Transactional(TxType.SUPPORTS)
    List<Object[]> hourly(long petitionId, Instant since) {
        return rows(HOURLY, petitionId, since);
    }

    /** Rows of {@link #topSql}: hour, source, signatures. */
    @Transactional(TxType.SUPPORTS)
    List<Object[]> top(String expression, long petitionId, Instant since) {
        return rows(topSql(expression), petitionId, since);
    }

    /**
     * Forgets the addresses of up to {@value #ERASE_BATCH} signatures made before a moment. The rows are
     * found first and then changed by id, so the change locks those rows and no others.
     *
     * @return how many addresses were erased
     */
    int eraseSourcesBefore(Instant before) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(OLD_SOURCES)
                .setParameter(1, Timestamp.from(before))
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        String list = ids.stream().map(id -> String.valueOf(id.longValue())).collect(Collectors.joining(",", "(", ")"));
        return em.createNativeQuery(ERASE_SOURCES + list).executeUpdate();
    }

    /** A person's unconfirmed signatures go; their confirmed ones stay counted with nothing that names them. */
    void forgetSigner(String canonicalEmail) {
        em.createNativeQuery(ERASE_SIGNER)
                .setParameter(1, canonicalEmail)
                .setParameter(2, SignatureState.PENDING.name())
                .executeUpdate();
        em.createNativeQuery(ANONYMIZE_SIGNER).setParameter(1, canonicalEmail).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long petitionId, Instant since) {
        return em.createNativeQuery(sql)
                .setParameter(1, petitionId)
                .setParameter(2, Timestamp.from(since))
                .getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
