package org.puente.platform.persistence;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;

/** Reads what the database meant by a failure buried in persistence and transaction exceptions. */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /** A unique key refused a second row: someone else got there first. */
    public static boolean isDuplicate(Throwable e) {
        return hasCause(e, SQLIntegrityConstraintViolationException.class);
    }

    /** A deadlock or lock timeout: transient, worth one more try. */
    public static boolean isTransient(Throwable e) {
        return hasCause(e, SQLTransactionRollbackException.class);
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
