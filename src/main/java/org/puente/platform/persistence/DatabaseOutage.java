package org.puente.platform.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The circuit breaker in front of the database. A failure that looks like the database not answering
 * ({@link DatabaseErrors#isUnavailable}) is reported here as a <em>suspicion</em>; one check on a connection
 * of its own ({@link DatabaseProbe}) decides, so a pool exhausted by a crowd, or one slow statement, never
 * opens it. Once the check fails the breaker is open: requests are answered 503 at once without touching
 * the pool, background work pauses, and the database is checked every {@link #CHECK_EVERY} until it answers.
 *
 * <p>The log gets one line when the database goes ("database unavailable (cause)") and one when it is back
 * ("database back after 31 s; 212 requests answered 503 meanwhile"); nothing per failed request.
 */
@ApplicationScoped
@ManagedScheduledExecutorDefinition(name = DatabaseOutage.EXECUTOR, maxAsync = 1)
public class DatabaseOutage {

    static final String EXECUTOR = "java:app/concurrent/puente-database-check";
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());

    /** How often a database that stopped answering is asked again. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    /** How long each check waits for the database (the readiness check's deadline). */
    static final Duration DEADLINE = Duration.ofSeconds(2);

    @Inject
    DatabaseProbe probe;

    @Inject
    Clock clock;

    @Resource(lookup = EXECUTOR)
    ManagedScheduledExecutorService executor;

    /** When the database stopped answering; null while it answers. */
    private volatile Instant downSince;

    private volatile String cause;
    private volatile Instant lastBusyLine;
    private final AtomicBoolean checking = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();
    private ScheduledFuture<?> rechecks;
    /** The log handlers quieted, with the filter each had (often none). */
    private final Map<Handler, Filter> quieted = new IdentityHashMap<>();

    /** The loggers that repeat a lost connection with stack traces: the pool, transactions, EclipseLink. */
    private static final List<String> NOISY =
            List.of("javax.enterprise.resource", "jakarta.enterprise.resource", "org.eclipse.persistence");

    /** Whether the database is known not to answer: fail at once rather than wait for the pool. */
    public boolean isDown() {
        return downSince != null;
    }

    /**
     * A request or a worker failed in a way that looks like the database not answering: counted, and, unless
     * the breaker is already open or a check is under way, the database is checked at once.
     */
    public void suspect(Throwable failure) {
        refused.incrementAndGet();
        check(failure);
    }

    /** Checks the database now, once, unless the breaker is open or a check is under way. */
    private void check(Throwable failure) {
        if (downSince != null || !checking.compareAndSet(false, true)) {
            return;
        }
        String why = rootMessage(failure);
        try {
            executor.execute(() -> {
                try {
                    if (!probe.answersWithin(DEADLINE)) {
                        open(why);
                    } else {
                        refused.set(0); // busy, not gone: the pool was full or one statement was slow
                        busy(why);
                    }
                } finally {
                    checking.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            checking.set(false); // stopping
        }
    }

    /** At most one line a minute about failures of a database that answers (a full pool, a slow statement). */
    private void busy(String why) {
        Instant now = clock.instant();
        Instant last = lastBusyLine;
        if (last == null || Duration.between(last, now).toMinutes() >= 1) {
            lastBusyLine = now;
            LOG.warning(() -> "A database operation failed (" + why + ") though the database answers: a full "
                    + "connection pool or a slow statement");
        }
    }

    /** A request answered 503 at once because the breaker is open. */
    public void refused() {
        refused.incrementAndGet();
    }

    /** The readiness check found the database not answering: the breaker opens without another check. */
    public void checkedDown() {
        open("no answer within " + DEADLINE.toSeconds() + " s");
    }

    private synchronized void open(String why) {
        if (downSince != null) {
            return;
        }
        downSince = clock.instant();
        cause = why;
        LOG.warning(() -> "Database unavailable (" + why + "): requests are answered 503 and background work pauses; "
                + "checking every " + CHECK_EVERY.toSeconds() + " s");
        try {
            rechecks = executor.scheduleWithFixedDelay(
                    this::recheck, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping: nothing more to check
        }
    }

    private void recheck() {
        if (downSince == null || !probe.answersWithin(DEADLINE)) {
            return;
        }
        close();
    }

    private synchronized void close() {
        Instant since = downSince;
        if (since == null) {
            return;
        }
        long seconds = Duration.between(since, clock.instant()).toSeconds();
        long answered = refused.getAndSet(0);
        downSince = null;
        if (rechecks != null) {
            rechecks.cancel(false);
            rechecks = null;
        }
        LOG.info(() -> "Database back after " + seconds + " s (it was: " + cause + "); " + answered
                + " requests and background tasks failed or were answered 503 meanwhile");
    }

    @PreDestroy
    synchronized void stop() {
        if (rechecks != null) {
            rechecks.cancel(false);
        }
        quieted.forEach((handler, before) -> handler.setFilter(before));
        quieted.clear();
    }

    /**
     * The connection pool, the transaction manager and EclipseLink each log a failed connection with its stack
     * trace, several times over, for every request and background turn: hundreds of lines a second in an
     * outage, which bury everything else. Their records about the database not answering are left out (the
     * breaker's two lines say it), and so is anything they log while the breaker is open or checking.
     */
    synchronized void quietLogs(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            Filter before = handler.getFilter();
            quieted.put(handler, before);
            handler.setFilter(record -> !isOutageNoise(record) && (before == null || before.isLoggable(record)));
        }
    }

    boolean isOutageNoise(LogRecord record) {
        String logger = record.getLoggerName();
        if (logger == null || NOISY.stream().noneMatch(logger::startsWith)) {
            return false;
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && DatabaseErrors.isUnavailable(thrown)) {
            try {
                check(thrown);
            } catch (RuntimeException e) {
                // logged from a thread the executor cannot take work from: the next request checks instead
            }
            return true;
        }
        return downSince != null || checking.get();
    }

    /** The innermost message of a failure: what the driver said ("Communications link failure", "Read timed out"). */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
