package org.puente.platform.persistence;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.function.Supplier;

/** Reads what the database meant by a failure buried in persistence and transaction exceptions. */
public final class DatabaseErrors {

    private DatabaseErrors() {}

    /** A unique key refused a second row: someone else got there first. */
    public static boolean isDuplicate(Throwable e) {
        return hasCause(e, SQLIntegrityConstraintViolationException.class);
    }

    /** A deadlock or lock timeout: transient, worth one more try. */
    public static boolean isTransient(Throwable e) {
        return hasCause(e, SQLTransactionRollbackException.class);
    }

    /** Another transaction changed the same row first (a version check failed). */
    public static boolean isStale(Throwable e) {
        return hasCause(e, OptimisticLockException.class);
    }

    /**
     * Runs a unit of work (its own transaction) again when it lost a race with a simultaneous one: a
     * deadlock, a lock timeout, a version conflict, or a unique key that the other one filled first (the
     * next attempt finds that row). Other failures, and the last attempt's, are thrown.
     */
    public static <T> T retryingRaces(int attempts, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !(isTransient(e) || isDuplicate(e) || isStale(e))) {
                    throw e;
                }
            }
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
