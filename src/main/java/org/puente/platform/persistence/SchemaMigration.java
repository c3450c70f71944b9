package org.puente.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned SQL under {@code sql/} (shipped as {@code db/migration}) while the application
 * starts, before it takes traffic; a failed migration fails the deployment. Then announces
 * {@link SchemaReady} so that bootstrap data is written only into a current schema.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = PuenteDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile boolean migrated;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        migrated = true;
        schemaReady.fire(new SchemaReady());
    }

    public boolean migrated() {
        return migrated;
    }

    /** Fired once the schema is current. */
    public record SchemaReady() {}
}
