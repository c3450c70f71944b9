package org.puente.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one connection pool. Payara resolves the {@code MPCONFIG} expressions at deployment, so the
 * database is chosen by {@code PUENTE_DB_URL}, {@code PUENTE_DB_USER} and {@code PUENTE_DB_PASSWORD}.
 */
@DataSourceDefinition(
        name = PuenteDataSource.JNDI_NAME,
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${MPCONFIG=PUENTE_DB_URL}",
        user = "${MPCONFIG=PUENTE_DB_USER}",
        password = "${MPCONFIG=PUENTE_DB_PASSWORD}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "characterEncoding=UTF-8",
            "connectionCollation=utf8mb4_unicode_ci",
            // Instants are written and read as UTC wall-clock time whatever the JVM's or server's zone,
            // so DATETIME columns mean the same on every instance and in SQL reports.
            "connectionTimeZone=UTC",
            "forceConnectionTimeZoneToSession=true",
            "preserveInstants=true",
            "useServerPrepStmts=false",
            "cachePrepStmts=true",
            "rewriteBatchedStatements=true",
            // A database that stops answering fails a request within seconds instead of holding it (and a
            // pool connection) as long as it is gone: 3 s to connect, 8 s for any one answer, which is the
            // portal's query timeout (the longest statement, the 100,000-supporter alert snapshot, takes under
            // a second; DatabaseLock gives its deliberate wait more), a row lock waited for at most 5 s (then
            // a retryable failure, before the socket gives up), and at most 3 s waiting for a pooled
            // connection when all are busy.
            "connectTimeout=3000",
            "socketTimeout=8000",
            "sessionVariables=innodb_lock_wait_timeout=5",
            "fish.payara.max-wait-time-in-millis=3000",
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
        })
@ApplicationScoped
public class PuenteDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/puente";
}
