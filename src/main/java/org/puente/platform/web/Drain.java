package org.puente.platform.web;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Graceful shutdown. On {@code SIGTERM} (a deploy, {@code docker stop}, Ctrl-C) the instance first drains:
 * readiness answers 503 at once so a load balancer sends traffic elsewhere, every new request is answered
 * 503 with {@code Retry-After} and {@code Connection: close} before any work ({@link DrainFilter}), and
 * the requests already in progress finish, for at most {@code PUENTE_SHUTDOWN_GRACE_SECONDS}. Only then is
 * the JVM's own shutdown run (Payara undeploys; background workers finish their message and hand their
 * claims back). The log says how many requests finished, how many were refused, and how many, if any, were
 * abandoned when the grace period ran out.
 *
 * <p>The JVM runs its shutdown hooks (Payara's among them) all at once and without order, so waiting in a
 * hook would not hold Payara back; the portal takes the signal itself instead ({@code sun.misc.Signal},
 * the JDK's supported way, module {@code jdk.unsupported}) and hands it on to the JVM's handler when done.
 */
@ApplicationScoped
public class Drain {

    private static final Logger LOG = Logger.getLogger(Drain.class.getName());
    private static final Signal TERM = new Signal("TERM");

    /** How long the drain waits after the last request arrived before it ends (requests queued in the server). */
    static final Duration QUIET = Duration.ofMillis(500);

    @Inject
    @ConfigProperty(name = "PUENTE_SHUTDOWN_GRACE_SECONDS", defaultValue = "20")
    int graceSeconds;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile long lastArrival = System.nanoTime();
    private volatile boolean draining;
    private SignalHandler previous;

    void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            previous = Signal.handle(TERM, this::terminate);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warning(() -> "SIGTERM stops this instance without draining: " + e.getMessage());
        }
    }

    @PreDestroy
    void uninstall() {
        if (previous != null && !draining) {
            Signal.handle(TERM, previous); // undeployed, not stopping: the JVM's handler again
        }
    }

    public boolean isDraining() {
        return draining;
    }

    /** A request arrives: true when it may go on ({@link #left()} must follow), false when it is refused. */
    boolean arrived() {
        lastArrival = System.nanoTime();
        if (draining) {
            refused.incrementAndGet();
            return false;
        }
        inFlight.incrementAndGet();
        if (draining) { // the drain began meanwhile: it may already have seen this one as not there
            inFlight.decrementAndGet();
            refused.incrementAndGet();
            return false;
        }
        return true;
    }

    void left() {
        inFlight.decrementAndGet();
        if (draining) {
            finished.incrementAndGet();
        }
    }

    private void terminate(Signal signal) {
        if (draining) {
            return;
        }
        draining = true;
        Thread drain = new Thread(() -> drainThenStop(signal), "puente-drain");
        drain.setDaemon(false);
        drain.start();
    }

    private void drainThenStop(Signal signal) {
        int atStart = inFlight.get();
        LOG.info(() -> "Stopping: new requests are refused; waiting up to " + graceSeconds + " s for " + atStart
                + " in progress");
        long deadline = System.nanoTime() + Duration.ofSeconds(graceSeconds).toNanos();
        synchronized (this) {
            while (System.nanoTime() < deadline
                    && (inFlight.get() > 0 || System.nanoTime() - lastArrival < QUIET.toNanos())) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int abandoned = inFlight.get();
        Level level = abandoned > 0 ? Level.WARNING : Level.INFO;
        LOG.log(
                level,
                () -> "Drained: " + finished.get() + " requests finished, " + refused.get() + " refused"
                        + (abandoned > 0 ? ", " + abandoned + " abandoned when the grace period ran out" : "")
                        + "; shutting down");
        if (previous != null && previous != SignalHandler.SIG_DFL && previous != SignalHandler.SIG_IGN) {
            previous.handle(signal);
        } else {
            System.exit(128 + signal.getNumber());
        }
    }
}
