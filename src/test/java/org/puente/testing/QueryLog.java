package org.puente.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The SQL the portal sends while a test does something, read from the test MariaDB's general log: for what
 * only the database sees (how many queries a page costs, whether a long list is read in batches).
 * Tests of one class run one after another, so the log holds only the statements of this one action (and
 * of any background job that ran meanwhile: filter by the tables the action reads).
 */
public final class QueryLog {

    private QueryLog() {}

    /** What the action returned, and the statements sent to the database while it ran. */
    public record Recorded<T>(T result, List<String> statements) {

        /** The statements that contain every one of the parts (case-insensitive). */
        public List<String> matching(String... parts) {
            return statements.stream()
                    .filter(sql -> {
                        String lower = sql.toLowerCase(java.util.Locale.ROOT);
                        for (String part : parts) {
                            if (!lower.contains(part.toLowerCase(java.util.Locale.ROOT))) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .toList();
        }
    }

    public static <T> Recorded<T> during(Callable<T> action) throws Exception {
        try (Connection db = TestEnvironment.database();
                Statement sql = db.createStatement()) {
            sql.execute("SET GLOBAL log_output = 'TABLE'");
            sql.execute("TRUNCATE TABLE mysql.general_log");
            sql.execute("SET GLOBAL general_log = 'ON'");
            T result;
            try {
                result = action.call();
            } finally {
                sql.execute("SET GLOBAL general_log = 'OFF'");
            }
            List<String> statements = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log "
                    + "WHERE command_type IN ('Query', 'Execute') ORDER BY event_time")) {
                while (rows.next()) {
                    statements.add(rows.getString(1));
                }
            }
            return new Recorded<>(result, statements);
        }
    }
}
