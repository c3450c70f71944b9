package org.puente.alert;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.puente.event.Attendees;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.persistence.PuenteDataSource;
import org.puente.supporter.Subscribers.Recipient;

/**
 * The alert engine's SQL, all of it in one place, next to the entities: the claims that let any number of
 * workers and instances share the deliveries ({@code FOR UPDATE SKIP LOCKED} under a lease), the bulk
 * writes and the grouped figures. It names only alert's own tables ({@code alert}, {@code alert_delivery});
 * state names are bound from {@link AlertState} and {@link DeliveryState}, never written into the SQL.
 *
 * <p>The sending engine's methods take a connection of their own from the pool (auto-commit, outside any
 * JTA transaction, so one SMTP conversation never holds a transaction open); the others join the calling
 * service's transaction through its {@link EntityManager}.
 */
@ApplicationScoped
public class AlertDeliveries {

    /** Alerts in this state have deliveries to send. */
    public static final String SENDING_ALERTS = "SELECT id FROM alert WHERE state = ? ORDER BY id";
    /** Up to {@code LIMIT} deliveries of one alert whose holder's lease ran out (it died), locked for this worker. */
    public static final String EXPIRED_CLAIMS =
            "SELECT id, supporter_id, registration_id, email, language, attempts FROM alert_delivery "
                    + "WHERE alert_id = ? AND state = ? AND claimed_until < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
    /** Up to {@code LIMIT} deliveries of one alert due now, locked for this worker. */
    public static final String DUE_DELIVERIES =
            "SELECT id, supporter_id, registration_id, email, language, attempts FROM alert_delivery "
                    + "WHERE alert_id = ? AND state = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ? "
                    + "FOR UPDATE SKIP LOCKED";

    public static final String MARK_CLAIMED = "UPDATE alert_delivery SET state = ?, claimed_by = ?, claimed_until = ?, "
            + "attempts = attempts + 1 WHERE id = ?";
    /**
     * A claim's outcome, written only while the claim is still this worker's: one taken over after its lease
     * ran out belongs to the new holder. Who sent it stays on record; a delivery going back to the queue
     * belongs to no one.
     */
    public static final String SETTLE = "UPDATE alert_delivery SET state = ?, last_error = ?, "
            + "next_attempt_at = COALESCE(?, next_attempt_at), sent_at = ?, claimed_until = NULL, "
            + "claimed_by = CASE WHEN ? = ? THEN NULL ELSE claimed_by END "
            + "WHERE id = ? AND state = ? AND claimed_by = ?";
    /** Claims given back untouched (the server was down, or the worker stops): their attempt did not count. */
    public static final String RELEASE =
            "UPDATE alert_delivery SET state = ?, attempts = attempts - 1, claimed_by = NULL, "
                    + "claimed_until = NULL, next_attempt_at = ? WHERE id = ? AND state = ? AND claimed_by = ?";
    /** Sending alerts none of whose deliveries is still open. */
    public static final String SETTLED_ALERTS = "SELECT a.id FROM alert a WHERE a.state = ? AND NOT EXISTS "
            + "(SELECT 1 FROM alert_delivery d WHERE d.alert_id = a.id AND d.state IN (?, ?))";
    /** Scheduled alerts whose time has come, locked by the instance that starts them. */
    public static final String DUE_ALERTS =
            "SELECT id FROM alert WHERE state = ? AND scheduled_at <= ? " + "FOR UPDATE SKIP LOCKED";
    /** One delivery of the audience snapshot. */
    public static final String SNAPSHOT = "INSERT INTO alert_delivery (alert_id, supporter_id, email, language, state, "
            + "attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, 0, ?)";
    /**
     * One delivery of a host's message to an event's attendees: the registration, never a copy of its
     * address (asked of the event feature when sending).
     */
    public static final String SNAPSHOT_ATTENDEE = "INSERT INTO alert_delivery (alert_id, registration_id, language, "
            + "state, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 0, ?)";

    /** An alert's deliveries per recipient language and state. */
    public static final String REPORT =
            "SELECT language, state, COUNT(*), SUM(last_error LIKE '5%') FROM alert_delivery "
                    + "WHERE alert_id = ? GROUP BY language, state";
    /** How many of these recipients (ids appended) of an alert there are, per language. */
    public static final String RECIPIENTS_BY_LANGUAGE = "SELECT language, COUNT(*) FROM alert_delivery "
            + "WHERE alert_id = ? AND supporter_id IN (%s) GROUP BY language";
    /** Deliveries by alert and state for a page of alerts (ids appended), and how many were sent since a moment. */
    public static final String PROGRESS = "SELECT alert_id, state, COUNT(*), SUM(sent_at >= ?) FROM alert_delivery "
            + "WHERE alert_id IN (%s) GROUP BY alert_id, state";
    /** A forgotten supporter's past deliveries keep their counts, not the address. */
    public static final String ERASE_RECIPIENT =
            "UPDATE alert_delivery SET email = 'erased@invalid', supporter_id = NULL WHERE supporter_id = ?";

    /** The latest deliveries to one supporter, with their alert's subject, for the supporter's page. */
    public static final String OF_RECIPIENT = "SELECT a.subject_en, a.subject_es, d.state, d.sent_at "
            + "FROM alert_delivery d JOIN alert a ON a.id = d.alert_id WHERE d.supporter_id = ? "
            + "ORDER BY d.id DESC LIMIT " + 200;

    static final int SNAPSHOT_BATCH = 1000;

    @Resource(lookup = PuenteDataSource.JNDI_NAME)
    DataSource database;

    @PersistenceContext
    EntityManager em;

    /**
     * A delivery a worker holds until {@code leaseEnd}; {@code attempts} counts this one. It names either a
     * supporter (an alert) or an event registration (a host's message to attendees). {@code reachable} is
     * whether that person may still get it when it was claimed (subscribed, or still registered); the
     * address for a registration, the generation a supporter's preferences link is signed with, the first
     * name for the greeting and the link to an attendee's registration page are filled in after the claim,
     * from the feature that owns them.
     */
    record Claim(
            long id,
            long alertId,
            Long supporterId,
            Long registrationId,
            String email,
            Language language,
            int attempts,
            Instant leaseEnd,
            boolean reachable,
            int linkGeneration,
            String firstName,
            String registrationPage) {

        Claim subscribed(int linkGeneration, String firstName) {
            return standing(true, email, linkGeneration, firstName, null);
        }

        Claim registered(String email, String firstName, String registrationPage) {
            return standing(true, email, 0, firstName, registrationPage);
        }

        Claim unreachable() {
            return standing(false, email, 0, null, null);
        }

        private Claim standing(
                boolean reachable, String email, int linkGeneration, String firstName, String registrationPage) {
            return new Claim(
                    id,
                    alertId,
                    supporterId,
                    registrationId,
                    email,
                    language,
                    attempts,
                    leaseEnd,
                    reachable,
                    linkGeneration,
                    firstName,
                    registrationPage);
        }
    }

    /**
     * Takes up to {@code limit} deliveries of sending alerts nobody else holds, under a lease until
     * {@code leaseEnd}: first any whose holder's lease ran out, then pending ones due now. Both reads follow
     * the index on (alert, state, next attempt). The claim runs in READ COMMITTED, which locks only the rows
     * taken (no gap locks), so workers claiming side by side do not deadlock on each other's ranges.
     */
    List<Claim> claim(String owner, int limit, Instant now, Instant leaseEnd) throws SQLException {
        try (Connection db = database.getConnection()) {
            return inTransaction(db, () -> {
                List<Claim> batch = new ArrayList<>();
                for (long alertId : sendingAlerts(db)) {
                    select(db, batch, EXPIRED_CLAIMS, alertId, DeliveryState.CLAIMED, now, limit, leaseEnd);
                    select(db, batch, DUE_DELIVERIES, alertId, DeliveryState.PENDING, now, limit, leaseEnd);
                    if (batch.size() >= limit) {
                        break;
                    }
                }
                if (!batch.isEmpty()) {
                    try (PreparedStatement mark = db.prepareStatement(MARK_CLAIMED)) {
                        for (Claim claim : batch) {
                            mark.setString(1, DeliveryState.CLAIMED.name());
                            mark.setString(2, owner);
                            mark.setTimestamp(3, Timestamp.from(leaseEnd));
                            mark.setLong(4, claim.id());
                            mark.addBatch();
                        }
                        mark.executeBatch();
                    }
                }
                return batch;
            });
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} as one READ COMMITTED transaction on a pooled connection, and gives the connection
     * back as it found it: a failure (a deadlock, a lost connection) rolls back, so the connection never
     * returns to the pool holding locks, and auto-commit and the isolation level are restored either way.
     */
    static <T> T inTransaction(Connection db, Work<T> work) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        int isolation = db.getTransactionIsolation();
        db.setAutoCommit(false);
        try {
            db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
            db.setTransactionIsolation(isolation);
        }
    }

    private static List<Long> sendingAlerts(Connection db) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(SENDING_ALERTS)) {
            query.setString(1, AlertState.SENDING.name());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void select(
            Connection db,
            List<Claim> batch,
            String sql,
            long alertId,
            DeliveryState state,
            Instant now,
            int limit,
            Instant leaseEnd)
            throws SQLException {
        int room = limit - batch.size();
        if (room <= 0) {
            return;
        }
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setLong(1, alertId);
            select.setString(2, state.name());
            select.setTimestamp(3, Timestamp.from(now));
            select.setInt(4, room);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long supporter = rs.getLong(2);
                    Long supporterId = rs.wasNull() ? null : supporter;
                    long registration = rs.getLong(3);
                    Long registrationId = rs.wasNull() ? null : registration;
                    batch.add(new Claim(
                            rs.getLong(1),
                            alertId,
                            supporterId,
                            registrationId,
                            rs.getString(4),
                            Language.parse(rs.getString(5)).orElse(Language.EN),
                            rs.getInt(6) + 1,
                            leaseEnd,
                            false,
                            0,
                            null,
                            null));
                }
            }
        }
    }

    /**
     * Writes what became of a claim, if it is still {@code owner}'s.
     *
     * @param retryAt when a delivery going back to {@link DeliveryState#PENDING} is due again, else null
     * @return false when the claim had been taken over (its lease ran out) and nothing was written
     */
    boolean settle(long deliveryId, String owner, DeliveryState state, String error, Instant retryAt, Instant now)
            throws SQLException {
        try (Connection db = database.getConnection();
                PreparedStatement update = db.prepareStatement(SETTLE)) {
            update.setString(1, state.name());
            update.setString(2, error == null ? null : error.length() > 300 ? error.substring(0, 300) : error);
            update.setTimestamp(3, retryAt == null ? null : Timestamp.from(retryAt));
            update.setTimestamp(4, state == DeliveryState.SENT ? Timestamp.from(now) : null);
            update.setString(5, state.name());
            update.setString(6, DeliveryState.PENDING.name());
            update.setLong(7, deliveryId);
            update.setString(8, DeliveryState.CLAIMED.name());
            update.setString(9, owner);
            return update.executeUpdate() > 0;
        }
    }

    /** Gives claims back untouched, due again at {@code dueAt}; claims no longer {@code owner}'s are left alone. */
    void release(Collection<Claim> claims, String owner, Instant dueAt) throws SQLException {
        if (claims.isEmpty()) {
            return;
        }
        try (Connection db = database.getConnection();
                PreparedStatement update = db.prepareStatement(RELEASE)) {
            for (Claim claim : claims) {
                update.setString(1, DeliveryState.PENDING.name());
                update.setTimestamp(2, Timestamp.from(dueAt));
                update.setLong(3, claim.id());
                update.setString(4, DeliveryState.CLAIMED.name());
                update.setString(5, owner);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The sending alerts whose every delivery is settled (sent, failed or skipped). */
    List<Long> settledAlerts() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection db = database.getConnection();
                PreparedStatement query = db.prepareStatement(SETTLED_ALERTS)) {
            query.setString(1, AlertState.SENDING.name());
            query.setString(2, DeliveryState.PENDING.name());
            query.setString(3, DeliveryState.CLAIMED.name());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The ids of scheduled alerts due at {@code now}, row-locked in the caller's transaction (others skip them). */
    List<Long> lockDueAlerts(Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery(DUE_ALERTS)
                .setParameter(1, AlertState.SCHEDULED.name())
                .setParameter(2, Timestamp.from(now))
                .getResultList();
        return due.stream().map(Number::longValue).toList();
    }

    /**
     * Writes one pending delivery per recipient, due at {@code now}, in the caller's transaction, in JDBC
     * batches on its connection (the driver rewrites each batch into multi-row INSERTs).
     */
    void snapshot(long alertId, List<Recipient> recipients, Instant now) {
        if (recipients.isEmpty()) {
            return;
        }
        Connection db = em.unwrap(Connection.class);
        Timestamp due = Timestamp.from(now);
        try (PreparedStatement insert = db.prepareStatement(SNAPSHOT)) {
            int pending = 0;
            for (Recipient recipient : recipients) {
                insert.setLong(1, alertId);
                insert.setLong(2, recipient.id());
                insert.setString(3, recipient.email());
                insert.setString(4, recipient.language().code());
                insert.setString(5, DeliveryState.PENDING.name());
                insert.setTimestamp(6, due);
                insert.addBatch();
                if (++pending == SNAPSHOT_BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new PersistenceException("alert " + alertId + ": audience snapshot failed", e);
        }
    }

    /** As {@link #snapshot}, for a host's message: one pending delivery per registration. */
    void snapshotAttendees(long alertId, List<Attendees.Attendee> attendees, Instant now) {
        if (attendees.isEmpty()) {
            return;
        }
        Connection db = em.unwrap(Connection.class);
        Timestamp due = Timestamp.from(now);
        try (PreparedStatement insert = db.prepareStatement(SNAPSHOT_ATTENDEE)) {
            for (Attendees.Attendee attendee : attendees) {
                insert.setLong(1, alertId);
                insert.setLong(2, attendee.registrationId());
                insert.setString(3, attendee.language().code());
                insert.setString(4, DeliveryState.PENDING.name());
                insert.setTimestamp(5, due);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("alert " + alertId + ": attendee snapshot failed", e);
        }
    }

    /** An alert's deliveries per recipient language: how many in each state, and the failures that were refusals (5xx). */
    Map<Language, Tally> report(long alertId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(REPORT).setParameter(1, alertId).getResultList();
        Map<Language, Tally> tallies = new EnumMap<>(Language.class);
        for (Object[] row : rows) {
            Language language = Language.parse((String) row[0]).orElseThrow();
            tallies.computeIfAbsent(language, l -> new Tally())
                    .add(DeliveryState.valueOf((String) row[1]), number(row[2]), number(row[3]));
        }
        return tallies;
    }

    /** Deliveries of one recipient language, by state; {@code refused} counts failures the server refused for good. */
    static final class Tally {
        final Map<DeliveryState, Long> byState = new EnumMap<>(DeliveryState.class);
        long refused;

        void add(DeliveryState state, long count, long refusedCount) {
            byState.merge(state, count, Long::sum);
            if (state == DeliveryState.FAILED) {
                refused += refusedCount;
            }
        }

        long get(DeliveryState state) {
            return byState.getOrDefault(state, 0L);
        }

        long total() {
            return byState.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** How many of these supporters an alert went to, per the language of their delivery. */
    Map<Language, Long> recipientsByLanguage(long alertId, Collection<Long> supporterIds) {
        Map<Language, Long> counts = new EnumMap<>(Language.class);
        List<Long> ids = List.copyOf(supporterIds);
        for (int from = 0; from < ids.size(); from += SNAPSHOT_BATCH) {
            String list = ids.subList(from, Math.min(ids.size(), from + SNAPSHOT_BATCH)).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(String.format(RECIPIENTS_BY_LANGUAGE, list))
                    .setParameter(1, alertId)
                    .getResultList();
            for (Object[] row : rows) {
                counts.merge(Language.parse((String) row[0]).orElseThrow(), number(row[1]), Long::sum);
            }
        }
        return counts;
    }

    /** For each of these alerts: its deliveries by state, and how many were sent since {@code since}; one query. */
    Map<Long, Progress> progress(Collection<Long> alertIds, Instant since) {
        Map<Long, Progress> progress = new HashMap<>();
        if (alertIds.isEmpty()) {
            return progress;
        }
        String ids = alertIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(String.format(PROGRESS, ids))
                .setParameter(1, Timestamp.from(since))
                .getResultList();
        for (Object[] row : rows) {
            progress.computeIfAbsent(((Number) row[0]).longValue(), id -> new Progress())
                    .add(DeliveryState.valueOf((String) row[1]), number(row[2]), number(row[3]));
        }
        return progress;
    }

    /** One alert's deliveries by state, and how many of them were sent recently. */
    public static final class Progress {
        private final Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        private long recentlySent;

        public Progress() {
            for (DeliveryState state : DeliveryState.values()) {
                counts.put(state, 0L);
            }
        }

        void add(DeliveryState state, long count, long recent) {
            counts.merge(state, count, Long::sum);
            recentlySent += recent;
        }

        public Map<DeliveryState, Long> counts() {
            return counts;
        }

        public long recentlySent() {
            return recentlySent;
        }
    }

    /**
     * A forgotten supporter's deliveries keep their counts but no longer name or reach them; joins the
     * caller's transaction (the erasure's).
     */
    public int eraseRecipient(long supporterId) {
        return em.createNativeQuery(ERASE_RECIPIENT)
                .setParameter(1, supporterId)
                .executeUpdate();
    }

    /** One alert as a supporter received it: its subject, the delivery's state, and when it left (if it did). */
    record Received(LocalizedText subject, DeliveryState state, Instant at) {}

    List<Received> ofRecipient(long supporterId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(OF_RECIPIENT).setParameter(1, supporterId).getResultList();
        List<Received> received = new ArrayList<>();
        for (Object[] row : rows) {
            received.add(new Received(
                    new LocalizedText((String) row[0], (String) row[1]),
                    DeliveryState.valueOf((String) row[2]),
                    instant(row[3])));
        }
        return received;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return Timestamp.valueOf(local).toInstant();
        }
        return null;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
