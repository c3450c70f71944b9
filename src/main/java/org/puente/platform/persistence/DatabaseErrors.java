package org.puente.platform.persistence;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
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

    /**
     * The database did not answer: no connection could be made or taken from the pool, or it stopped
     * answering mid-way (a socket timeout). Not the portal's fault, and over when the database is back.
     */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            if (t instanceof SQLRecoverableException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketTimeoutException
                    || type.endsWith("CommunicationsException")
                    || type.endsWith("ResourceAllocationException")
                    || type.endsWith("PoolingException")) {
                return true;
            }
        }
        return false;
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
