package org.puente.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.testing.TestEnvironment;

/**
 * Two instances starting together on an empty database, played by two threads with connections of their
 * own running the bootstrap's pattern (is the row there? if not, insert it) against the test MariaDB. It
 * proves that the lock the bootstrap takes ({@link DatabaseLock}) turns the race into turns; it does not
 * boot two Payaras, so {@code Bootstrap}'s own use of the lock is checked only by reading it.
 */
@DisplayName("Two instances bootstrapping an empty database at once take turns")
class DatabaseLockIT {

    private static final String TABLE = "lock_race_" + System.nanoTime();
    private static MysqlDataSource dataSource;

    @BeforeAll
    static void table() throws SQLException {
        dataSource = new MysqlDataSource();
        dataSource.setUrl(System.getProperty("puente.test.db.url"));
        dataSource.setUser(System.getProperty("puente.test.db.user"));
        dataSource.setPassword(System.getProperty("puente.test.db.password"));
        try (Connection db = TestEnvironment.database();
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, written_by VARCHAR(20) NOT NULL)");
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection db = TestEnvironment.database();
                Statement sql = db.createStatement()) {
            sql.execute("DELETE FROM " + TABLE);
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        try (Connection db = TestEnvironment.database();
                Statement sql = db.createStatement()) {
            sql.execute("DROP TABLE " + TABLE);
        }
    }

    /** The bootstrap's shape: find the row; when there is none, write it in a transaction of its own. */
    static boolean seedIfEmpty(String instance, Runnable betweenReadAndWrite) {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            boolean empty;
            try (Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
                rows.next();
                empty = rows.getLong(1) == 0;
            }
            betweenReadAndWrite.run();
            if (empty) {
                try (Statement sql = db.createStatement()) {
                    sql.executeUpdate("INSERT INTO " + TABLE + " VALUES (1, '" + instance + "')");
                }
            }
            db.commit();
            return empty;
        } catch (SQLException e) {
            throw new IllegalStateException(instance + " failed to bootstrap", e);
        }
    }

    static long rows() throws SQLException {
        try (Connection db = TestEnvironment.database();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Whether some connection is waiting for the named lock right now. */
    static boolean someoneWaitsFor(String lock) throws SQLException {
        try (Connection db = TestEnvironment.database();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                        + "WHERE INFO LIKE 'SELECT GET_LOCK(%" + lock + "%'")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }

    @Test
    @DisplayName("without the lock, both find the database empty and the second fails on a duplicate key")
    void withoutTheLockOneFails() throws Exception {
        CyclicBarrier bothHaveLooked = new CyclicBarrier(2);
        Runnable meet = () -> {
            try {
                bothHaveLooked.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> seedIfEmpty("first", meet));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> seedIfEmpty("second", meet));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> {
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        });
        assertInstanceOf(
                SQLIntegrityConstraintViolationException.class,
                failed.getCause().getCause(),
                "the race this test is about: " + failed);
    }

    @Test
    @DisplayName("with the lock, the second waits until the first has committed, finds the row and writes nothing")
    void withTheLockTheyTakeTurns() throws Exception {
        String lock = "puente.test." + System.nanoTime();
        CountDownLatch firstLooked = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> {
            boolean[] wrote = new boolean[1];
            DatabaseLock.holding(
                    dataSource,
                    lock,
                    Duration.ofSeconds(60),
                    () -> wrote[0] = seedIfEmpty("first", () -> {
                        firstLooked.countDown();
                        // Hold on between reading and writing until the other instance is queued on the lock: the
                        // moment at which, without it, both would have found the database empty.
                        long deadline =
                                System.nanoTime() + Duration.ofSeconds(30).toNanos();
                        try {
                            while (!someoneWaitsFor(lock) && System.nanoTime() < deadline) {
                                Thread.onSpinWait();
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
            return wrote[0];
        });
        assertTrue(firstLooked.await(30, TimeUnit.SECONDS));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            boolean[] wrote = new boolean[1];
            DatabaseLock.holding(
                    dataSource, lock, Duration.ofSeconds(60), () -> wrote[0] = seedIfEmpty("second", () -> {}));
            return wrote[0];
        });

        assertTrue(first.get(60, TimeUnit.SECONDS), "the first instance writes the data");
        assertEquals(false, second.get(60, TimeUnit.SECONDS), "the second finds it written and writes nothing");
        assertEquals(1, rows());
        try (Connection db = TestEnvironment.database();
                Statement sql = db.createStatement();
                ResultSet free = sql.executeQuery("SELECT IS_USED_LOCK('" + lock + "')")) {
            free.next();
            assertNull(free.getObject(1), "the lock is released afterwards");
        }
    }

    @Test
    @DisplayName("an instance that cannot get the lock in time does not run the work and says why")
    void lockHeldTooLong() throws Exception {
        String lock = "puente.test." + System.nanoTime();
        try (Connection holder = TestEnvironment.database();
                Statement sql = holder.createStatement()) {
            sql.executeQuery("SELECT GET_LOCK('" + lock + "', 0)").close();
            boolean[] ran = new boolean[1];
            IllegalStateException refused = assertThrows(
                    IllegalStateException.class,
                    () -> DatabaseLock.holding(dataSource, lock, Duration.ZERO, () -> ran[0] = true));
            assertTrue(refused.getMessage().contains(lock), refused.getMessage());
            assertEquals(false, ran[0]);
        }
    }
}
