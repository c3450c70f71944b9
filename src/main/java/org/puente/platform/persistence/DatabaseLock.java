package org.puente.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A mutex across every instance sharing the database (MariaDB's and MySQL's named locks), for work that
 * must not run twice at once and has no row to lock yet: the first start on an empty database. The lock is
 * held on a connection of its own, outside any transaction, so the work's own transaction commits before
 * the lock is released and the next holder reads what the previous one wrote.
 */
public final class DatabaseLock {

    private static final Logger LOG = Logger.getLogger(DatabaseLock.class.getName());
    public static final String GET = "SELECT GET_LOCK(?, ?)";
    public static final String RELEASE = "SELECT RELEASE_LOCK(?)";

    private DatabaseLock() {}

    /**
     * Runs the work while holding the named lock, waiting up to {@code wait} for another holder.
     *
     * @throws IllegalStateException when the lock could not be had in time (the work did not run)
     */
    public static void holding(DataSource dataSource, String name, Duration wait, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            // The wait for the lock is an answer that comes late on purpose: longer than the pool's socket
            // timeout allows any other statement, so this connection gets the wait plus that timeout.
            int usual = connection.getNetworkTimeout();
            connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, wait.toMillis() + usual));
            try (PreparedStatement get = connection.prepareStatement(GET)) {
                get.setString(1, name);
                get.setLong(2, Math.max(0, wait.toSeconds()));
                try (ResultSet result = get.executeQuery()) {
                    if (!result.next() || result.getInt(1) != 1) {
                        throw new IllegalStateException("The database lock " + name
                                + " was held elsewhere for more than " + wait.toSeconds() + " s");
                    }
                }
            } finally {
                connection.setNetworkTimeout(Runnable::run, usual);
            }
            try {
                work.run();
            } finally {
                release(connection, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the database lock " + name, e);
        }
    }

    /** Released explicitly: the pool keeps the connection open. Were that to fail, the connection is broken, and the
     * server releases the lock with it. */
    private static void release(Connection connection, String name) {
        try (PreparedStatement release = connection.prepareStatement(RELEASE)) {
            release.setString(1, name);
            release.execute();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not release the database lock " + name, e);
        }
    }
}
