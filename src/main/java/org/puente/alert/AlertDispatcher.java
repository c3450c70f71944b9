package org.puente.alert;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.puente.alert.AlertDeliveries.Claim;
import org.puente.event.Attendees;
import org.puente.platform.mail.MailException;
import org.puente.platform.mail.MailSender;
import org.puente.platform.persistence.DatabaseErrors;
import org.puente.platform.persistence.DatabaseOutage;
import org.puente.platform.persistence.SchemaMigration.SchemaReady;
import org.puente.supporter.Subscribers;
import org.puente.supporter.SupporterService;

/**
 * The sending engine. Several senders per instance, and any number of instances on one database, share
 * the deliveries of every sending alert. Work is claimed in the database ({@link AlertDeliveries#claim}):
 * a sender takes a small batch with {@code SELECT … FOR UPDATE SKIP LOCKED}, marks it claimed under a lease
 * ({@code PUENTE_ALERT_LEASE_SECONDS}, 2 minutes), commits, and sends; each delivery is marked sent the
 * moment its message is accepted, and only while the claim is still the sender's. A sender that has held
 * a claim for half its lease gives it back rather than send it late. So no two senders hold the same
 * delivery, and when a process dies (even {@code kill -9}) its unsent claims expire and are taken again:
 * nobody is skipped, and at most the messages in flight at that instant (one per sender) can go twice.
 *
 * <p>Senders are tasks on a managed scheduled executor, never threads of their own: each turn sends what
 * it holds and schedules the next turn, at once while there is work, after {@code PUENTE_ALERT_POLL_MILLIS}
 * when there is none, at its next send slot when the rate ({@code PUENTE_ALERT_RATE}) says wait. No task
 * sleeps. On undeploy the turns stop and the claims not yet sent are given back for any instance to take.
 *
 * <p>SMTP answers: 5xx for a recipient fails that delivery and marks the supporter bounced; 4xx puts it
 * back in the queue, due again after a pause that doubles each time, up to {@value #MAX_ATTEMPTS}
 * attempts; a server that is down or silent sends the claims back untouched and holds every sender of
 * this instance for {@link #SERVER_DOWN_PAUSE} by the injected clock, so nothing is lost and sending
 * resumes by itself when the server is back.
 */
@ManagedScheduledExecutorDefinition(name = AlertDispatcher.EXECUTOR, maxAsync = AlertDispatcher.MAX_SENDERS + 1)
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class.getName());
    static final String EXECUTOR = "java:app/concurrent/puente-alerts";
    static final int MAX_SENDERS = 8;
    static final int BATCH = 20;
    static final int MAX_ATTEMPTS = 5;
    static final Duration SERVER_DOWN_PAUSE = Duration.ofSeconds(10);
    /** A wait for a send slot shorter than this is not worth a turn of its own. */
    private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    @Inject
    DatabaseOutage outage;

    @Inject
    Clock clock;

    @Resource(lookup = EXECUTOR)
    ManagedScheduledExecutorService executor;

    @Inject
    AlertDeliveries deliveries;

    @Inject
    AlertMessages messages;

    @Inject
    MailSender mail;

    @Inject
    AlertService alerts;

    @Inject
    Subscribers subscribers;

    @Inject
    SupporterService supporters;

    @Inject
    Attendees attendees;

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

    /** How often idle senders look for work, and scheduled alerts are checked for their time. */
    @Inject
    @ConfigProperty(name = "PUENTE_ALERT_POLL_MILLIS", defaultValue = "1000")
    long pollMillis;

    /** This instance's name in claims and on sent deliveries, for the record (leases decide who may send). */
    @Inject
    @ConfigProperty(name = "PUENTE_INSTANCE_NAME")
    Optional<String> instanceName;

    private String instance;
    /** The alerts being sent, as rendered; emptied whenever this instance finds nothing to send. */
    private final Map<Long, Alert> alertCache = new ConcurrentHashMap<>();

    private final List<Sender> senders = new ArrayList<>();
    private final Pacer pacer = new Pacer();
    private volatile Instant serverDownUntil = Instant.EPOCH;
    private volatile String serverDownReason;
    private volatile boolean stopping;
    private ScheduledFuture<?> dueCheck;

    void start(@Observes SchemaReady ready) {
        instance = instanceName
                .filter(name -> name.matches("[\\w.-]{1,60}"))
                .orElseGet(() -> "puente-" + UUID.randomUUID());
        int count = Math.max(1, Math.min(MAX_SENDERS, workers));
        if (count != workers) {
            LOG.warning(() -> "PUENTE_ALERT_WORKERS=" + workers + " is outside 1-" + MAX_SENDERS + "; using " + count);
        }
        pacer.setRate(ratePerSecond);
        dueCheck = executor.scheduleWithFixedDelay(this::startDue, 0, Math.max(10, pollMillis), TimeUnit.MILLISECONDS);
        for (int i = 0; i < count; i++) {
            Sender sender = new Sender(instance + "/" + i);
            senders.add(sender);
            sender.scheduleIn(0);
        }
        LOG.info(() -> "Alert sending: " + count + " senders, at most " + ratePerSecond + " messages per second, "
                + "looking for work every " + pollMillis + " ms");
    }

    /** Graceful stop on undeploy: no new turn starts, a running one ends after its message, claims go back. */
    @PreDestroy
    void stop() {
        stopping = true;
        if (dueCheck != null) {
            dueCheck.cancel(false);
        }
        senders.forEach(Sender::stop);
    }

    /**
     * Why this instance's senders are waiting for the mail server, while they are (the server was down
     * or silent at the last try); empty when sending goes on.
     */
    public Optional<String> mailServerTrouble() {
        return clock.instant().isBefore(serverDownUntil) ? Optional.ofNullable(serverDownReason) : Optional.empty();
    }

    /** Scheduled alerts whose time has come start sending (on whichever instance locks them first). */
    private void startDue() {
        if (stopping || outage.isDown()) {
            return;
        }
        try {
            alerts.startDue();
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUnavailable(e)) {
                outage.suspect(e); // logged once, as the outage
            } else {
                LOG.log(Level.WARNING, "Could not start the scheduled alerts now; trying again shortly", e);
            }
        }
    }

    /**
     * One sender: a chain of turns on the executor, one at a time. Between turns it may hold claims (waiting
     * for its send slot); {@link #stop} gives them back.
     */
    private final class Sender implements Runnable {
        private final String owner;
        private final Deque<Claim> held = new ArrayDeque<>();
        /** The send slot for the first held claim is already reserved. */
        private boolean slotReserved;

        private ScheduledFuture<?> next;

        Sender(String owner) {
            this.owner = owner;
        }

        @Override
        public synchronized void run() {
            long delay = TimeUnit.MILLISECONDS.toNanos(pollMillis);
            try {
                // While the database is down the senders wait quietly; their claims run out on their own.
                delay = outage.isDown() ? TimeUnit.MILLISECONDS.toNanos(pollMillis) : turn();
            } catch (SQLException | RuntimeException e) {
                if (DatabaseErrors.isUnavailable(e)) {
                    outage.suspect(e); // logged once, as the outage
                } else {
                    LOG.log(Level.WARNING, "Alert sender " + owner + " stopped for now", e);
                }
                giveBack(clock.instant());
            } finally {
                if (stopping) {
                    giveBack(clock.instant());
                } else {
                    scheduleIn(delay);
                }
            }
        }

        synchronized void scheduleIn(long nanos) {
            try {
                next = executor.schedule(this, Math.max(0, nanos), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // the application is stopping: the executor takes no more work
                giveBack(clock.instant());
            }
        }

        /** Called on undeploy: waits for a running turn, then gives back what this sender holds. */
        synchronized void stop() {
            if (next != null) {
                next.cancel(false);
            }
            giveBack(clock.instant());
        }

        /** @return nanoseconds until this sender's next turn */
        private long turn() throws SQLException {
            Instant now = clock.instant();
            if (now.isBefore(serverDownUntil)) {
                // Never longer than one poll: a test may move the clock past the pause meanwhile.
                return Math.min(
                        TimeUnit.MILLISECONDS.toNanos(pollMillis),
                        Duration.between(now, serverDownUntil).toNanos());
            }
            if (held.isEmpty()) {
                List<Claim> batch = claim(owner, now);
                if (batch.isEmpty()) {
                    idle();
                    return TimeUnit.MILLISECONDS.toNanos(pollMillis);
                }
                held.addAll(batch);
            }
            while (!held.isEmpty() && !stopping) {
                Claim claim = held.peek();
                if (clock.instant().isAfter(claim.leaseEnd().minusSeconds(leaseSeconds / 2))) {
                    // Held too long (a slow server, a stalled process): another instance may take it over soon.
                    LOG.warning(() -> "Alert sender " + owner + " gives back " + held.size() + " claims held too long");
                    giveBack(clock.instant());
                    return 0;
                }
                if (claim.reachable() && !slotReserved) {
                    long wait = pacer.reserve();
                    slotReserved = true;
                    if (wait >= MIN_WAIT_NANOS) {
                        return wait;
                    }
                }
                held.poll();
                slotReserved = false;
                if (!send(claim)) {
                    held.addFirst(claim); // not sent: it goes back with the rest
                    giveBack(serverDownUntil);
                    return TimeUnit.MILLISECONDS.toNanos(pollMillis);
                }
            }
            return 0;
        }

        private void giveBack(Instant dueAt) {
            if (held.isEmpty()) {
                return;
            }
            try {
                deliveries.release(held, owner, dueAt);
            } catch (SQLException | RuntimeException e) {
                if (DatabaseErrors.isUnavailable(e)) {
                    outage.suspect(e);
                } else {
                    LOG.log(
                            Level.WARNING,
                            "Alert sender " + owner + " could not give back " + held.size()
                                    + " claims; they are taken again when their lease ends",
                            e);
                }
            }
            held.clear();
            slotReserved = false;
        }

        /** @return false when the mail server is down (the caller gives back what it holds) */
        private boolean send(Claim claim) throws SQLException {
            if (!claim.reachable()) {
                settle(claim, DeliveryState.SKIPPED, null, null);
                return true;
            }
            Alert alert = alertCache.computeIfAbsent(claim.alertId(), alerts::forSending);
            try {
                mail.sendPooled(
                        claim.registrationId() != null
                                ? messages.renderForAttendee(
                                        alert,
                                        claim.email(),
                                        claim.language(),
                                        claim.firstName(),
                                        claim.registrationPage())
                                : messages.render(
                                        alert,
                                        claim.email(),
                                        claim.language(),
                                        claim.supporterId(),
                                        claim.linkGeneration(),
                                        claim.firstName()));
                settle(claim, DeliveryState.SENT, null, null);
                return true;
            } catch (MailException e) {
                int code = SmtpReplies.code(e);
                String error = SmtpReplies.describe(e, code);
                if (code >= 500) {
                    settle(claim, DeliveryState.FAILED, error, null);
                    if (claim.supporterId() != null) {
                        supporters.bounced(claim.supporterId(), "alert " + claim.alertId() + ": " + error);
                    }
                    return true;
                }
                if (code >= 400) {
                    if (claim.attempts() >= MAX_ATTEMPTS) {
                        settle(claim, DeliveryState.FAILED, error, null);
                    } else {
                        // The retry is scheduled in the queue itself: the delivery is due again later.
                        Duration pause = Duration.ofSeconds((long) retrySeconds << (claim.attempts() - 1));
                        settle(
                                claim,
                                DeliveryState.PENDING,
                                error,
                                clock.instant().plus(pause));
                    }
                    return true;
                }
                serverDownReason = error;
                serverDownUntil = clock.instant().plus(SERVER_DOWN_PAUSE);
                LOG.warning(
                        () -> "Mail server unavailable; alerts wait " + SERVER_DOWN_PAUSE.toSeconds() + " s: " + error);
                return false;
            }
        }

        private void settle(Claim claim, DeliveryState state, String error, Instant retryAt) throws SQLException {
            if (!deliveries.settle(claim.id(), owner, state, error, retryAt, clock.instant())) {
                LOG.warning(() -> "Delivery " + claim.id()
                        + " was taken over by another sender before it was settled as " + state + " by " + owner);
            }
        }
    }

    /**
     * A batch for one sender, with each recipient's standing read now (one question per batch to the feature
     * that owns them): a supporter who unsubscribed since the snapshot, even mid-send, or an attendee who
     * cancelled or was erased, is skipped.
     */
    private List<Claim> claim(String owner, Instant now) throws SQLException {
        List<Claim> batch = deliveries.claim(owner, batchSize(), now, now.plusSeconds(leaseSeconds));
        if (batch.isEmpty()) {
            return batch;
        }
        Map<Long, Subscribers.Reachable> subscribed = subscribers.stillSubscribed(batch.stream()
                .map(Claim::supporterId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<Long, Attendees.Reachable> registered = attendees.stillRegistered(batch.stream()
                .map(Claim::registrationId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return batch.stream()
                .map(c -> {
                    if (c.registrationId() != null) {
                        Attendees.Reachable attendee = registered.get(c.registrationId());
                        return attendee == null
                                ? c.unreachable()
                                : c.registered(attendee.email(), attendee.firstName(), attendee.registrationPage());
                    }
                    Subscribers.Reachable reachable = c.supporterId() == null ? null : subscribed.get(c.supporterId());
                    return reachable == null
                            ? c.unreachable()
                            : c.subscribed(reachable.linkGeneration(), reachable.firstName());
                })
                .toList();
    }

    /** As many claims as one sender sends in a quarter of the lease at the configured rate, at most {@value #BATCH}. */
    private int batchSize() {
        long perSender = (long) Math.max(1, ratePerSecond) * leaseSeconds / (4L * Math.max(1, senders.size()));
        return (int) Math.max(1, Math.min(BATCH, perSender));
    }

    /**
     * Nothing to send: the alerts whose every delivery is settled are marked sent (by the entity's rule), and
     * the rendered alerts are forgotten, those finished by another instance included.
     */
    private void idle() throws SQLException {
        alertCache.clear();
        for (long id : deliveries.settledAlerts()) {
            alerts.finish(id);
        }
    }

    /** Spreads sends over time so that all senders together stay under the configured rate. */
    static final class Pacer {
        private long intervalNanos;
        private long nextSendNanos = System.nanoTime();

        synchronized void setRate(int perSecond) {
            intervalNanos = 1_000_000_000L / Math.max(1, perSecond);
        }

        /** Takes the next send slot; returns how many nanoseconds from now it is (0 or less: now). */
        synchronized long reserve() {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSendNanos);
            nextSendNanos = slot + intervalNanos;
            return slot - now;
        }
    }
}
