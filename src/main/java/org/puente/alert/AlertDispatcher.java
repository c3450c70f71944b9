package org.puente.alert;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.puente.platform.i18n.Language;
import org.puente.platform.mail.MailException;
import org.puente.platform.mail.MailSender;
import org.puente.platform.persistence.PuenteDataSource;
import org.puente.platform.persistence.SchemaMigration.SchemaReady;
import org.puente.supporter.SupporterService;

/**
 * The sending engine. Several workers per instance, and any number of instances on one database, share
 * the deliveries of every sending alert. Work is claimed in the database: a worker takes a small batch
 * with {@code SELECT … FOR UPDATE SKIP LOCKED}, marks it claimed under a lease
 * ({@code PUENTE_ALERT_LEASE_SECONDS}, 2 minutes), commits, and sends; each
 * delivery is marked sent the moment its message is accepted. So no two workers ever hold the same
 * delivery, and when a process dies (even {@code kill -9}) its unsent claims expire and are taken again:
 * nobody is skipped, and at most the messages in flight at that instant (one per worker) can go twice.
 *
 * <p>SMTP answers: 5xx for a recipient fails that delivery and marks the supporter bounced; 4xx is
 * retried later with growing pauses, up to {@value #MAX_ATTEMPTS} attempts; a server that is down or
 * silent sends the claim back untouched and makes every worker wait before trying again, so nothing is
 * lost and sending resumes by itself when the server is back.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class.getName());
    static final int BATCH = 20;
    static final int MAX_ATTEMPTS = 5;
    static final Duration SERVER_DOWN_PAUSE = Duration.ofSeconds(10);

    /** The alerts whose deliveries are being sent. */
    public static final String SENDING_ALERTS = "SELECT id FROM alert WHERE state = 'SENDING' ORDER BY id";
    /** Claims whose holder's lease ran out (it died). */
    public static final String EXPIRED_CLAIMS = "d.state = 'CLAIMED' AND d.claimed_until < ? ORDER BY d.id";
    /** Deliveries due now. */
    public static final String DUE_DELIVERIES = "d.state = 'PENDING' AND d.next_attempt_at <= ? "
            + "ORDER BY d.next_attempt_at, d.id";
    public static final String MARK_CLAIMED = "UPDATE alert_delivery SET state = 'CLAIMED', claimed_by = ?, "
            + "claimed_until = ?, attempts = attempts + 1 WHERE id = ?";
    public static final String SETTLE = "UPDATE alert_delivery SET state = ?, last_error = ?, "
            + "next_attempt_at = COALESCE(?, next_attempt_at), sent_at = CASE WHEN ? = 'SENT' THEN ? ELSE sent_at END, "
            // who sent it stays on record; a delivery going back to the queue belongs to no one
            + "claimed_until = NULL, claimed_by = CASE WHEN ? = 'PENDING' THEN NULL ELSE claimed_by END WHERE id = ?";
    public static final String RELEASE = "UPDATE alert_delivery SET state = 'PENDING', attempts = attempts - 1, "
            + "claimed_by = NULL, claimed_until = NULL, next_attempt_at = ? WHERE id = ? AND state = 'CLAIMED'";
    public static final String FINISH_DONE = "UPDATE alert a SET a.state = 'SENT', a.finished_at = ?, "
            + "a.version = a.version + 1 WHERE a.state = 'SENDING' AND NOT EXISTS (SELECT 1 FROM alert_delivery d "
            + "WHERE d.alert_id = a.id AND d.state IN ('PENDING', 'CLAIMED'))";

    /** Up to {@code room} deliveries of one alert meeting {@code condition}, locked for this worker. */
    public static String claimSql(String condition, int room) {
        return "SELECT d.id, d.supporter_id, d.email, d.language, d.attempts FROM alert_delivery d "
                + "WHERE d.alert_id = ? AND " + condition + " LIMIT " + room + " FOR UPDATE SKIP LOCKED";
    }

    /** Which of these supporters (ids, comma-separated) are subscribed now. */
    public static String subscribedSql(String ids) {
        return "SELECT id, link_generation FROM supporter WHERE status = 'SUBSCRIBED' AND id IN (" + ids + ")";
    }

    @Inject
    Clock clock;

    @Resource(lookup = PuenteDataSource.JNDI_NAME)
    DataSource database;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    AlertMessages messages;

    @Inject
    MailSender mail;

    @Inject
    AlertService alerts;

    @Inject
    SupporterService supporters;

    @Inject
    @ConfigProperty(name = "PUENTE_ALERT_WORKERS", defaultValue = "4")
    int workers;

    @Inject
    @ConfigProperty(name = "PUENTE_ALERT_RATE", defaultValue = "200")
    int ratePerSecond;

    /** The first pause before retrying a recipient the server asked to try later; it doubles each time. */
    @Inject
    @ConfigProperty(name = "PUENTE_ALERT_RETRY_SECONDS", defaultValue = "30")
    int retrySeconds;

    /**
     * How long a claim is this instance's alone. A claim not settled by then (its holder died) is taken
     * over; it must be far longer than sending one message takes.
     */
    @Inject
    @ConfigProperty(name = "PUENTE_ALERT_LEASE_SECONDS", defaultValue = "120")
    int leaseSeconds;

    /** This instance's name in claims and on sent deliveries, for the record (leases decide who may send). */
    @Inject
    @ConfigProperty(name = "PUENTE_INSTANCE_NAME")
    Optional<String> instanceName;

    private String instance;
    private final Map<Long, Alert> alertCache = new ConcurrentHashMap<>();
    private volatile Instant serverDownUntil = Instant.EPOCH;
    private volatile String serverDownReason;
    private volatile long nextSendNanos;
    private volatile boolean stopping;

    private final List<Thread> running = new ArrayList<>();

    void start(@Observes SchemaReady ready) {
        instance = instanceName.filter(name -> name.matches("[\\w.-]{1,60}"))
                .orElseGet(() -> "puente-" + UUID.randomUUID());
        for (int i = 0; i < Math.max(1, workers); i++) {
            int worker = i;
            Thread thread = threads.newThread(() -> loop(worker));
            thread.setName("puente-alert-sender-" + worker);
            thread.start();
            running.add(thread);
        }
        LOG.info(() -> "Alert sending: " + workers + " workers, at most " + ratePerSecond + " messages per second");
    }

    @PreDestroy
    void stop() {
        stopping = true;
        running.forEach(Thread::interrupt);
    }

    /** A worker's life: look for work every second, or after the mail server's pause. */
    private void loop(int worker) {
        while (!stopping) {
            if (worker == 0) {
                startDue();
            }
            work(worker);
            try {
                Instant resume = serverDownUntil;
                // Never longer than the server's pause, even if a test moved the clock back meanwhile.
                long pause = Math.min(SERVER_DOWN_PAUSE.toMillis(),
                        Math.max(1000, Duration.between(clock.instant(), resume).toMillis()));
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Why this instance's senders are waiting for the mail server, while they are (the server was down
     * or silent at the last try); empty when sending goes on.
     */
    public java.util.Optional<String> mailServerTrouble() {
        return clock.instant().isBefore(serverDownUntil) ? java.util.Optional.ofNullable(serverDownReason)
                : java.util.Optional.empty();
    }

    /** Scheduled alerts whose time has come start sending. */
    private void startDue() {
        try {
            alerts.startDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not start the scheduled alerts now; trying again shortly", e);
        }
    }

    /** One worker's turn: claim and send batches while there is work. */
    void work(int worker) {
        try {
            while (!stopping && clock.instant().isAfter(serverDownUntil)) {
                List<Claim> batch = claim(instance + "/" + worker);
                if (batch.isEmpty()) {
                    finishDone();
                    return;
                }
                for (Claim claim : batch) {
                    if (!send(claim)) {
                        release(batch.subList(batch.indexOf(claim), batch.size()));
                        return;
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Alert worker " + worker + " stopped for now", e);
        }
    }

    /**
     * A delivery this worker holds; {@code subscribed} is the supporter's status when it was claimed, and
     * {@code linkGeneration} the generation their preferences link is signed with.
     */
    record Claim(long id, long alertId, Long supporterId, String email, Language language, int attempts,
            boolean subscribed, int linkGeneration) {
    }

    /**
     * Takes up to {@value #BATCH} deliveries of sending alerts nobody else holds, under a lease: first any
     * whose holder's lease ran out (it died), then pending ones due now. Both reads follow the index on
     * (alert, state, next attempt), so a claim costs the same at the last delivery as at the first.
     */
    List<Claim> claim(String owner) throws SQLException {
        Instant now = clock.instant();
        try (Connection db = database.getConnection()) {
            db.setAutoCommit(false);
            List<Claim> batch = new ArrayList<>();
            try {
                for (long alertId : sendingAlerts(db)) {
                    select(db, batch, EXPIRED_CLAIMS, alertId, now);
                    select(db, batch, DUE_DELIVERIES, alertId, now);
                    if (batch.size() >= BATCH) {
                        break;
                    }
                }
                if (!batch.isEmpty()) {
                    try (PreparedStatement mark = db.prepareStatement(MARK_CLAIMED)) {
                        for (Claim claim : batch) {
                            mark.setString(1, owner);
                            mark.setTimestamp(2, Timestamp.from(now.plusSeconds(leaseSeconds)));
                            mark.setLong(3, claim.id());
                            mark.addBatch();
                        }
                        mark.executeBatch();
                    }
                }
                db.commit();
            } catch (SQLException | RuntimeException e) {
                // A deadlock or a lost connection: nothing was claimed. The pooled connection must not go back
                // holding an open transaction (its locks would stall every sender) or with auto-commit off.
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
            return withStatus(db, batch);
        }
    }

    private static List<Long> sendingAlerts(Connection db) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(SENDING_ALERTS);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static void select(Connection db, List<Claim> batch, String condition, long alertId, Instant now)
            throws SQLException {
        int room = BATCH - batch.size();
        if (room <= 0) {
            return;
        }
        try (PreparedStatement select = db.prepareStatement(claimSql(condition, room))) {
            select.setLong(1, alertId);
            select.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long supporter = rs.getLong(2);
                    batch.add(new Claim(rs.getLong(1), alertId, rs.wasNull() ? null : supporter, rs.getString(3),
                            Language.parse(rs.getString(4)).orElse(Language.EN), rs.getInt(5) + 1, false, 0));
                }
            }
        }
    }

    /**
     * The claims with their supporters' status read now, in one query for the batch: someone who
     * unsubscribed since the snapshot (even mid-send) is skipped.
     */
    private static List<Claim> withStatus(Connection db, List<Claim> batch) throws SQLException {
        if (batch.isEmpty()) {
            return batch;
        }
        Map<Long, Integer> subscribed = new java.util.HashMap<>();
        String ids = batch.stream().map(Claim::supporterId).filter(java.util.Objects::nonNull).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
        if (!ids.isEmpty()) {
            db.setAutoCommit(true);
            try (PreparedStatement query = db.prepareStatement(subscribedSql(ids));
                    ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    subscribed.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return batch.stream().map(c -> new Claim(c.id(), c.alertId(), c.supporterId(), c.email(), c.language(),
                c.attempts(), c.supporterId() != null && subscribed.containsKey(c.supporterId()),
                c.supporterId() == null ? 0 : subscribed.getOrDefault(c.supporterId(), 0))).toList();
    }

    /** @return false when the mail server is down (the rest of the batch goes back) */
    private boolean send(Claim claim) throws SQLException {
        if (!claim.subscribed()) {
            settle(claim.id(), "SKIPPED", null, null);
            return true;
        }
        Alert alert = alertCache.computeIfAbsent(claim.alertId(), alerts::forSending);
        pace();
        try {
            mail.sendPooled(messages.render(alert, claim.email(), claim.language(), claim.supporterId(),
                    claim.linkGeneration()));
            settle(claim.id(), "SENT", null, null);
            return true;
        } catch (MailException e) {
            int code = SmtpReplies.code(e);
            String error = SmtpReplies.describe(e, code);
            if (code >= 500) {
                settle(claim.id(), "FAILED", error, null);
                supporters.bounced(claim.supporterId(), "alert " + claim.alertId() + ": " + error);
                return true;
            }
            if (code >= 400) {
                if (claim.attempts() >= MAX_ATTEMPTS) {
                    settle(claim.id(), "FAILED", error, null);
                } else {
                    Duration pause = Duration.ofSeconds((long) retrySeconds << (claim.attempts() - 1));
                    settle(claim.id(), "PENDING", error, clock.instant().plus(pause));
                }
                return true;
            }
            serverDownReason = error;
            serverDownUntil = clock.instant().plus(SERVER_DOWN_PAUSE);
            LOG.warning(() -> "Mail server unavailable; alerts wait " + SERVER_DOWN_PAUSE.toSeconds() + " s: " + error);
            return false;
        }
    }

    /** Spreads sends over time so that all workers together stay under the configured rate. */
    private void pace() {
        long interval = 1_000_000_000L / Math.max(1, ratePerSecond);
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSendNanos);
            nextSendNanos = slot + interval;
            wait = slot - now;
        }
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void settle(long deliveryId, String state, String error, Instant retryAt) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement update = db.prepareStatement(SETTLE)) {
            update.setString(1, state);
            update.setString(2, error == null ? null : error.length() > 300 ? error.substring(0, 300) : error);
            update.setTimestamp(3, retryAt == null ? null : Timestamp.from(retryAt));
            update.setString(4, state);
            update.setTimestamp(5, Timestamp.from(clock.instant()));
            update.setString(6, state);
            update.setLong(7, deliveryId);
            update.executeUpdate();
        }
    }

    /** Gives claims back untouched (the server was down): they are sent when it is back. */
    private void release(List<Claim> claims) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement update = db.prepareStatement(RELEASE)) {
            for (Claim claim : claims) {
                update.setTimestamp(1, Timestamp.from(serverDownUntil));
                update.setLong(2, claim.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Alerts whose every delivery is settled are sent. */
    private void finishDone() throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement update = db.prepareStatement(FINISH_DONE)) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            if (update.executeUpdate() > 0) {
                alertCache.clear();
            }
        }
    }
}
