package org.puente.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Explicit waits for a condition the portal brings about (a sent alert, a delivery claimed), never for a fixed time. */
public final class Await {

    /** A condition that may need the database or the mail catcher to answer. */
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {}

    /**
     * Returns as soon as {@code condition} holds, looking again every {@code every}; fails after {@code timeout}
     * saying what never happened.
     */
    public static void until(String what, Duration timeout, Duration every, Condition condition) throws Exception {
        if (!holds(timeout, every, condition)) {
            fail("waited " + timeout.toSeconds() + " s for: " + what);
        }
    }

    /**
     * Whether {@code condition} came to hold within {@code timeout}, looking again every {@code every}; for a
     * caller that reports what it found instead of failing.
     */
    public static boolean holds(Duration timeout, Duration every, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(every.toNanos());
        }
        return true;
    }
}
