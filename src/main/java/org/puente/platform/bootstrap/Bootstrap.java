package org.puente.platform.bootstrap;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.puente.platform.persistence.DatabaseLock;
import org.puente.platform.persistence.PuenteDataSource;
import org.puente.platform.persistence.SchemaMigration.SchemaReady;

/**
 * Writes the data the portal needs ({@link BootstrapData}) once the schema is current. Instances that start
 * together on an empty database take turns ({@link DatabaseLock}): the first writes the coalition, the
 * first admin and any demo data and commits; the next finds them and writes nothing, instead of failing
 * its deployment on a duplicate key.
 */
@ApplicationScoped
public class Bootstrap {

    static final String LOCK = "puente.bootstrap";
    static final Duration WAIT = Duration.ofMinutes(2);

    @Resource(lookup = PuenteDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    BootstrapData data;

    void onSchemaReady(@Observes SchemaReady ready) {
        DatabaseLock.holding(dataSource, LOCK, WAIT, data::seed);
    }
}
