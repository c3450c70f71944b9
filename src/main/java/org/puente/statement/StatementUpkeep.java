package org.puente.statement;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.puente.platform.persistence.SchemaMigration.SchemaReady;

/**
 * The statements' background work, a turn every {@code PUENTE_STATEMENT_UPKEEP_SECONDS} (60) on the server's
 * managed scheduled executor: sign-on closes when a statement's deadline passes. Each statement is closed
 * under its row lock by whichever instance gets there first; the others find it closed.
 */
@ApplicationScoped
public class StatementUpkeep {

    private static final Logger LOG = Logger.getLogger(StatementUpkeep.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    StatementService statements;

    @Inject
    SignOnService signOn;

    @Inject
    @ConfigProperty(name = "PUENTE_STATEMENT_UPKEEP_SECONDS", defaultValue = "60")
    int everySeconds;

    private ScheduledFuture<?> turns;

    void start(@Observes SchemaReady ready) {
        turns = executor.scheduleWithFixedDelay(this::turn, 5, Math.max(1, everySeconds), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (turns != null) {
            turns.cancel(false);
        }
    }

    /** One turn; never throws (the schedule would stop). */
    void turn() {
        try {
            int closed = statements.closeAtDeadline();
            if (closed > 0) {
                LOG.info(() -> "Sign-on closed at the deadline for " + closed + " statements");
            }
            int forgotten = signOn.forgetUnconfirmed();
            if (forgotten > 0) {
                LOG.info(() -> "Forgot " + forgotten + " sign-on requests nobody confirmed in time");
            }
            int erased = signOn.forgetContacts();
            if (erased > 0) {
                LOG.info(() -> "Erased the contact address of " + erased + " signatures a month after release");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Statement upkeep failed this turn; it runs again at the next", e);
        }
    }
}
