package org.puente.platform.mail;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.puente.platform.persistence.DatabaseErrors;
import org.puente.platform.persistence.DatabaseOutage;
import org.puente.platform.persistence.SchemaMigration.SchemaReady;

/**
 * The portal's mail that is not an alert (signature confirmations, password resets, preference links,
 * notices): recorded in the {@link Outbox} in the same transaction as what caused it, so it is sent if and
 * only if that commits, and never lost to a mail server, process or machine that stops. Right after the
 * commit a worker sends it (within a second when the server answers); a message that could not leave is
 * tried again with growing pauses (2 s, 4 s, 8 s … up to 10 minutes) for a day, by whichever instance claims
 * it first; a permanent refusal (5xx) is recorded and not tried again. Workers run on a managed scheduled
 * executor and never sleep to wait: a retry is a row with a later time that the next look finds.
 */
@ManagedScheduledExecutorDefinition(name = MailQueue.EXECUTOR, maxAsync = MailQueue.WORKERS)
@ApplicationScoped
public class MailQueue {

    static final String EXECUTOR = "java:app/concurrent/puente-mail";
    static final int WORKERS = 4;
    private static final int BATCH = 20;

    /** How long stopping waits for the message being sent. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** How long a message keeps being tried before it is given up. */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    /** Refused and abandoned messages stay on record this long (without their bodies). */
    static final Duration KEEP_SETTLED = Duration.ofDays(30);

    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(10);
    /** An SMTP reply code where a server's answer is quoted: at the start, or after a colon. */
    private static final Pattern SMTP_CODE = Pattern.compile("(?:^|: )([245]\\d\\d)[ -]");

    private static final Logger LOG = Logger.getLogger(MailQueue.class.getName());

    /** A message recorded in the outbox, waiting for its transaction to commit. */
    public record Queued(long id) {}

    @Inject
    MailSender sender;

    @Inject
    Outbox outbox;

    @Inject
    DatabaseOutage outage;

    @Inject
    Clock clock;

    @Inject
    Event<Queued> queued;

    @Inject
    @ConfigProperty(name = "PUENTE_MAIL_POLL_MILLIS", defaultValue = "1000")
    long pollMillis;

    @Resource(lookup = EXECUTOR)
    ManagedScheduledExecutorService executor;

    /** Messages being sent by this instance right now. */
    private final AtomicInteger inFlight = new AtomicInteger();

    private volatile boolean stopping;
    /** Since when the mail server has been failing (down, silent, 4xx); null while it takes mail. */
    private volatile Instant failingSince;

    private ScheduledFuture<?> poller;
    private Instant lastPurge = Instant.EPOCH;

    /** Records the message in the current transaction (or its own); it is sent once that commits. */
    public void sendAfterCommit(OutgoingMail mail) {
        queued.fire(new Queued(outbox.record(mail)));
    }

    /**
     * Whether nothing recorded so far is waiting, being sent or waiting for a retry. What a test waits for
     * before it concludes that a mail did not go out.
     */
    public boolean isIdle() {
        return inFlight.get() == 0 && outbox.backlog().waiting() == 0;
    }

    void start(@Observes SchemaReady ready) {
        poller = executor.scheduleWithFixedDelay(
                this::sendDue, pollMillis, Math.max(100, pollMillis), TimeUnit.MILLISECONDS);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued message) {
        if (stopping) {
            return; // recorded: an instance that runs sends it
        }
        try {
            executor.execute(() -> sendNow(message.id()));
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "mail " + message.id() + " left to the next look at the outbox");
        }
    }

    /** The pause before the next try after {@code attempts} failed ones: 2 s, 4 s, 8 s … at most 10 minutes. */
    static Duration retryDelay(int attempts) {
        if (attempts >= 10) {
            return LONGEST_PAUSE;
        }
        Duration pause = Duration.ofSeconds(1L << attempts);
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    /** Whether the server's answer refuses the message for good (a 5xx reply), rather than for now. */
    static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher code = SMTP_CODE.matcher(String.valueOf(t.getMessage()));
            if (code.find()) {
                return code.group(1).startsWith("5");
            }
        }
        return false;
    }

    /** The failure and the causes under it, as one line: the server's own reply is often the innermost. */
    static String describe(Throwable failure) {
        StringBuilder line = new StringBuilder();
        for (Throwable t = failure; t != null && line.length() < 1000; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && line.indexOf(message) < 0) {
                line.append(line.length() == 0 ? "" : "; ").append(message);
            }
        }
        return line.toString();
    }

    private void sendNow(long id) {
        inFlight.incrementAndGet();
        try {
            outbox.claim(id).ifPresent(this::deliver);
        } catch (SQLException | RuntimeException e) {
            if (DatabaseErrors.isUnavailable(e)) {
                outage.suspect(e);
            }
            LOG.fine(() -> "mail " + id + " left to the next look at the outbox: " + e.getMessage());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void sendDue() {
        if (stopping || outage.isDown()) {
            return; // while the database is down the outbox waits quietly
        }
        inFlight.incrementAndGet();
        try {
            for (List<Outbox.Claimed> batch; !stopping && !(batch = outbox.claimDue(BATCH)).isEmpty(); ) {
                for (Outbox.Claimed claimed : batch) {
                    if (stopping) {
                        handBack(claimed);
                    } else {
                        deliver(claimed);
                    }
                }
            }
            purgeDaily();
        } catch (SQLException | RuntimeException e) {
            if (DatabaseErrors.isUnavailable(e)) {
                outage.suspect(e); // logged once, as the outage
            } else {
                LOG.warning(() -> "Could not look at the mail outbox: " + e.getMessage());
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void deliver(Outbox.Claimed claimed) {
        OutgoingMail mail = claimed.mail();
        try {
            sender.sendPooled(mail);
            serverAnswers();
            outbox.sent(claimed.id());
            return;
        } catch (SQLException e) {
            LOG.warning(() -> "mail " + claimed.id() + " was sent but not marked; it may go twice: " + e.getMessage());
            return;
        } catch (RuntimeException failure) { // a MailException, or a message that could not be built
            settleFailure(claimed, failure);
        }
    }

    private void settleFailure(Outbox.Claimed claimed, RuntimeException failure) {
        int attempts = claimed.attempts() + 1;
        Instant now = clock.instant();
        try {
            if (permanent(failure)) {
                LOG.warning(() ->
                        "The mail server refused '" + claimed.mail().subject() + "' for good: " + describe(failure));
                outbox.settle(claimed.id(), Outbox.State.REFUSED, describe(failure));
            } else if (now.isAfter(claimed.createdAt().plus(GIVE_UP_AFTER))) {
                LOG.log(
                        Level.SEVERE,
                        "Gave up sending '" + claimed.mail().subject() + "' after " + attempts + " attempts over "
                                + GIVE_UP_AFTER.toHours() + " hours",
                        failure);
                outbox.settle(claimed.id(), Outbox.State.GAVE_UP, describe(failure));
            } else {
                serverFails(failure, now);
                Duration pause = retryDelay(attempts);
                LOG.fine(() -> "Sending '" + claimed.mail().subject() + "' failed (attempt " + attempts + "), again in "
                        + pause.toSeconds() + " s: " + failure.getMessage());
                outbox.retryAt(claimed.id(), now.plus(pause), describe(failure));
            }
        } catch (SQLException e) {
            LOG.warning(() -> "mail " + claimed.id() + ": its claim runs out and it is tried again: " + e.getMessage());
        }
    }

    /** One line when the mail server stops taking mail, not one per message. */
    private void serverFails(RuntimeException failure, Instant now) {
        if (failingSince == null) {
            synchronized (this) {
                if (failingSince == null) {
                    failingSince = now;
                    LOG.warning(() -> "The mail server is not taking mail (" + describe(failure)
                            + "); messages wait in the outbox and are tried again");
                }
            }
        }
    }

    private void serverAnswers() {
        Instant since = failingSince;
        if (since != null) {
            synchronized (this) {
                if (failingSince != null) {
                    failingSince = null;
                    long seconds = Duration.between(since, clock.instant()).toSeconds();
                    LOG.info(() -> "The mail server takes mail again, after " + seconds + " s");
                }
            }
        }
    }

    private void purgeDaily() throws SQLException {
        Instant now = clock.instant();
        if (Duration.between(lastPurge, now).compareTo(Duration.ofHours(1)) >= 0) {
            lastPurge = now;
            outbox.purge(KEEP_SETTLED);
        }
    }

    /** How many messages wait to leave, and since when the oldest waits (for the staff dashboard). */
    public Outbox.Backlog backlog() {
        return outbox.backlog();
    }

    /** Whether mail seems stuck: the oldest waiting message is older than {@code limit}. */
    public boolean stuckLongerThan(Duration limit) {
        Optional<Instant> oldest = outbox.backlog().oldest();
        return oldest.isPresent() && oldest.get().plus(limit).isBefore(clock.instant());
    }

    /** Undeploy: nothing new starts; what is waiting stays in the outbox for the next start or another instance. */
    @PreDestroy
    void stop() {
        stopping = true;
        if (poller != null) {
            poller.cancel(false);
        }
        // The message being sent finishes; claimed ones not begun were handed back (handBack).
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        synchronized (this) {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        try {
            long waiting = outbox.backlog().waiting();
            if (waiting > 0 || inFlight.get() > 0) {
                LOG.info(() -> "Stopping with " + waiting + " messages in the outbox"
                        + (inFlight.get() > 0 ? " (" + inFlight.get() + " still being sent)" : "")
                        + "; the next start or another instance sends them");
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "Stopping; the outbox could not be read: " + e.getMessage());
        }
    }

    /** A claimed message this instance will not send (it is stopping): due again at once, for anyone. */
    private void handBack(Outbox.Claimed claimed) {
        try {
            outbox.retryAt(claimed.id(), clock.instant(), "handed back by an instance that stopped");
        } catch (SQLException e) {
            LOG.fine(() -> "mail " + claimed.id() + " is taken again when its claim runs out: " + e.getMessage());
        }
    }
}
