package org.puente.platform.persistence;

import com.mysql.cj.jdbc.MysqlDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the database answers now, asked on a connection of the probe's own, never the pool's: with the
 * database frozen, every pooled connection may be stuck in a query and the pool's queue would make the
 * question wait as long as they do. Connecting and answering {@code SELECT 1} each get half the deadline, so
 * a frozen, unreachable or dead database is reported within it.
 */
@ApplicationScoped
public class DatabaseProbe {

    @Inject
    @ConfigProperty(name = "PUENTE_DB_URL")
    String url;

    @Inject
    @ConfigProperty(name = "PUENTE_DB_USER")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "PUENTE_DB_PASSWORD")
    Optional<String> password;

    public boolean answersWithin(Duration deadline) {
        return answers(url, user.orElse(null), password.orElse(null), deadline);
    }

    static boolean answers(String url, String user, String password, Duration deadline) {
        int half = (int) Math.max(1, deadline.toMillis() / 2);
        MysqlDataSource source = new MysqlDataSource();
        source.setUrl(url);
        try {
            source.setConnectTimeout(half);
            source.setSocketTimeout(half);
            try (Connection connection = source.getConnection(user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                return true;
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
