package org.puente.platform.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.puente.platform.i18n.Language;
import org.puente.platform.persistence.PuenteDataSource;

/**
 * The outbox's SQL ({@code mail_outbox}, the platform's table). A message is recorded in the caller's
 * transaction; the workers claim messages on connections of their own from the pool (outside any JTA
 * transaction, so an SMTP conversation never holds one open), under a lease: a worker that dies leaves its
 * claim to run out, and the message is sent by the next one. States are {@link State}'s names.
 */
@ApplicationScoped
public class Outbox {

    /** Where a message stands. A sent message is deleted, not kept. */
    public enum State {
        PENDING,
        REFUSED,
        GAVE_UP
    }

    /** A claimed message and how many times it was tried before. */
    record Claimed(long id, OutgoingMail mail, int attempts, Instant createdAt) {}

    /** The backlog staff see: messages waiting to leave, and since when the oldest waits. */
    public record Backlog(long waiting, Optional<Instant> oldest) {}

    public static final String INSERT = "INSERT INTO mail_outbox (recipient, language, subject, text_part, html_part, "
            + "headers, state, attempts, created_at, next_attempt_at, attachment_name, attachment_type, attachment) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)";
    public static final String CLAIM_ONE = "UPDATE mail_outbox SET claimed_until = ?, attempts = attempts + 1 "
            + "WHERE id = ? AND state = ? AND (claimed_until IS NULL OR claimed_until < ?)";
    public static final String DUE = "SELECT id FROM mail_outbox WHERE state = ? AND next_attempt_at <= ? "
            + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED";
    public static final String CLAIM = "UPDATE mail_outbox SET claimed_until = ?, attempts = attempts + 1 WHERE id = ?";
    public static final String READ =
            "SELECT recipient, language, subject, text_part, html_part, headers, attempts, created_at, "
                    + "attachment_name, attachment_type, attachment FROM mail_outbox WHERE id = ?";
    public static final String DELETE = "DELETE FROM mail_outbox WHERE id = ?";
    public static final String RETRY =
            "UPDATE mail_outbox SET next_attempt_at = ?, claimed_until = NULL, last_error = ? " + "WHERE id = ?";
    public static final String SETTLE = "UPDATE mail_outbox SET state = ?, claimed_until = NULL, last_error = ?, "
            + "text_part = '', html_part = NULL, headers = NULL, attachment = NULL WHERE id = ?";
    public static final String BACKLOG = "SELECT COUNT(*), MIN(created_at) FROM mail_outbox WHERE state = ?";
    public static final String PURGE = "DELETE FROM mail_outbox WHERE state IN (?, ?) AND created_at < ?";

    /** How long a claim holds before another worker may take the message over. */
    static final Duration LEASE = Duration.ofMinutes(2);

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = PuenteDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Records the message in the current transaction (or one of its own); returns its id. */
    @Transactional(TxType.REQUIRED)
    public long record(OutgoingMail mail) {
        Instant now = clock.instant();
        em.createNativeQuery(INSERT)
                .setParameter(1, mail.to())
                .setParameter(2, mail.language().code())
                .setParameter(3, mail.subject())
                .setParameter(4, mail.text())
                .setParameter(5, mail.html())
                .setParameter(6, headers(mail.headers()))
                .setParameter(7, State.PENDING.name())
                .setParameter(8, Timestamp.from(now))
                .setParameter(9, Timestamp.from(now))
                .setParameter(
                        10, mail.attachment() == null ? null : mail.attachment().name())
                .setParameter(
                        11, mail.attachment() == null ? null : mail.attachment().contentType())
                .setParameter(
                        12, mail.attachment() == null ? null : mail.attachment().content())
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    }

    /** Claims one message by id (just committed), if it is still waiting and nobody holds it. */
    Optional<Claimed> claim(long id) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM_ONE)) {
            claim.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
            claim.setLong(2, id);
            claim.setString(3, State.PENDING.name());
            claim.setTimestamp(4, Timestamp.from(now));
            if (claim.executeUpdate() == 0) {
                return Optional.empty();
            }
            return read(connection, id);
        }
    }

    /** Claims up to {@code limit} messages that are due, skipping those another worker holds. */
    List<Claimed> claimDue(int limit) throws SQLException {
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement due = connection.prepareStatement(DUE)) {
                    due.setString(1, State.PENDING.name());
                    due.setTimestamp(2, Timestamp.from(now));
                    due.setTimestamp(3, Timestamp.from(now));
                    due.setInt(4, limit);
                    try (ResultSet rs = due.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                    for (long id : ids) {
                        claim.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
                        claim.setLong(2, id);
                        claim.addBatch();
                    }
                    claim.executeBatch();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            List<Claimed> claimed = new ArrayList<>();
            for (long id : ids) {
                read(connection, id).ifPresent(claimed::add);
            }
            return claimed;
        }
    }

    /** Sent: the row goes (its body may hold a one-time link). */
    void sent(long id) throws SQLException {
        update(DELETE, statement -> statement.setLong(1, id));
    }

    /** Not sent this time: tried again at {@code next}. */
    void retryAt(long id, Instant next, String error) throws SQLException {
        update(RETRY, statement -> {
            statement.setTimestamp(1, Timestamp.from(next));
            statement.setString(2, shorten(error));
            statement.setLong(3, id);
        });
    }

    /** Refused for good, or given up after a day: the error stays on record, the body does not. */
    void settle(long id, State state, String error) throws SQLException {
        update(SETTLE, statement -> {
            statement.setString(1, state.name());
            statement.setString(2, shorten(error));
            statement.setLong(3, id);
        });
    }

    /** Refused and abandoned messages older than {@code keep} are deleted. */
    void purge(Duration keep) throws SQLException {
        update(PURGE, statement -> {
            statement.setString(1, State.REFUSED.name());
            statement.setString(2, State.GAVE_UP.name());
            statement.setTimestamp(3, Timestamp.from(clock.instant().minus(keep)));
        });
    }

    /** How many messages wait to leave, and since when the oldest has waited. */
    @Transactional(TxType.SUPPORTS)
    public Backlog backlog() {
        Object[] row = (Object[]) em.createNativeQuery(BACKLOG)
                .setParameter(1, State.PENDING.name())
                .getSingleResult();
        long waiting = ((Number) row[0]).longValue();
        return new Backlog(waiting, Optional.ofNullable(instant(row[1])));
    }

    private Optional<Claimed> read(Connection connection, long id) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setLong(1, id);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                OutgoingMail mail = new OutgoingMail(
                        rs.getString(1),
                        Language.parse(rs.getString(2)).orElse(Language.EN),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        headers(rs.getString(6)),
                        rs.getString(9) == null
                                ? null
                                : new OutgoingMail.Attachment(rs.getString(9), rs.getString(10), rs.getString(11)));
                return Optional.of(
                        new Claimed(id, mail, rs.getInt(7), rs.getTimestamp(8).toInstant()));
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return null;
    }

    static String headers(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        StringBuilder lines = new StringBuilder();
        headers.forEach(
                (name, value) -> lines.append(name).append(": ").append(value).append('\n'));
        return lines.toString();
    }

    static Map<String, String> headers(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (lines != null) {
            for (String line : lines.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return headers;
    }

    private static String shorten(String error) {
        return error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
    }
}
