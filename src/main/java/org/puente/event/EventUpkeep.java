package org.puente.event;

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
 * The events' background work, a turn every {@code PUENTE_EVENT_UPKEEP_SECONDS} (60) on the server's managed
 * scheduled executor: reminders to confirmed attendees a day before their event, and the erasure of
 * attendees' personal data {@code PUENTE_EVENT_RETENTION_DAYS} (30) after their event. Each turn claims its
 * rows in the database ({@link EventChores}), so with several instances each reminder still goes once.
 */
@ApplicationScoped
public class EventUpkeep {

    private static final Logger LOG = Logger.getLogger(EventUpkeep.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    EventChores chores;

    @Inject
    @ConfigProperty(name = "PUENTE_EVENT_UPKEEP_SECONDS", defaultValue = "60")
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

    /** One turn: reminders in batches until none are due, then one erasure batch. Never throws (the schedule would stop). */
    void turn() {
        try {
            int sent = 0;
            for (int batch; (batch = chores.remindDue()) > 0; ) {
                sent += batch;
            }
            for (int batch; (batch = chores.remindAgainDue()) > 0; ) {
                sent += batch;
            }
            int reminded = sent;
            if (reminded > 0) {
                LOG.info(() -> "Event reminders queued: " + reminded);
            }
            int erased = chores.eraseAttendeesOfPastEvents();
            if (erased > 0) {
                LOG.info(() -> "Erased the personal data of " + erased + " attendees of past events");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Event upkeep failed this turn; it runs again at the next", e);
        }
    }
}
