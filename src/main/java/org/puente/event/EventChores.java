package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SQL of the events' background work, each batch one transaction. A batch claims its rows with
 * {@code FOR UPDATE SKIP LOCKED}, marks them and writes their mails to the outbox before it commits: an
 * instance that takes a row is the only one that sees it, and a row marked is never taken again.
 */
@ApplicationScoped
public class EventChores {

    static final int BATCH = 100;

    /** How long before the start a reminder goes. */
    static final Duration REMINDER_BEFORE = Duration.ofHours(24);

    public static final String DUE_REMINDERS = "SELECT r.id FROM event_registration r "
            + "JOIN coalition_event e ON e.id = r.event_id "
            + "WHERE e.state = ? AND e.starts_at > ? AND e.starts_at <= ? "
            + "AND r.state = ? AND r.reminded_at IS NULL AND r.erased_at IS NULL "
            + "ORDER BY r.id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED";

    /** The host's second reminders due: events starting within their chosen number of hours (at most 23). */
    public static final String DUE_SECOND_REMINDERS = "SELECT r.id FROM event_registration r "
            + "JOIN coalition_event e ON e.id = r.event_id "
            + "WHERE e.state = ? AND e.starts_at > ? AND e.starts_at <= ? AND e.second_reminder_hours IS NOT NULL "
            + "AND e.starts_at <= DATE_ADD(?, INTERVAL e.second_reminder_hours HOUR) "
            + "AND r.state = ? AND r.reminded_again_at IS NULL AND r.erased_at IS NULL "
            + "ORDER BY r.id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED";

    public static final String ERASE = "UPDATE event_registration r JOIN coalition_event e ON e.id = r.event_id "
            + "SET r.first_name = NULL, r.last_name = NULL, r.email = NULL, r.email_canonical = NULL, r.phone = NULL, "
            + "r.needs = NULL, r.source_ip = NULL, r.limit_key = NULL, r.token_hash = NULL, r.erased_at = ? "
            + "WHERE e.ends_at < ? AND r.erased_at IS NULL";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    EventMails mails;

    @Inject
    RegistrationService registrations;

    @Inject
    @ConfigProperty(name = "PUENTE_EVENT_RETENTION_DAYS", defaultValue = "30")
    int retentionDays;

    /**
     * Reminds a batch of confirmed attendees whose event starts within a day. A person confirmed less than a
     * day before the start was told everything in their confirmation: they are marked, not reminded.
     *
     * @return how many were handled (0: none are due)
     */
    @Transactional
    public int remindDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(DUE_REMINDERS)
                .setParameter(1, EventState.PUBLISHED.name())
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now.plus(REMINDER_BEFORE)))
                .setParameter(4, RegistrationState.CONFIRMED.name())
                .getResultList();
        for (Number id : ids) {
            EventRegistration registration = em.find(EventRegistration.class, id.longValue());
            Instant reminderTime = registration.getEvent().getStartsAt().minus(REMINDER_BEFORE);
            if (registration.remindedAt(now, reminderTime)) {
                mails.reminder(registration, registrations.linkOf(registration));
            }
        }
        return ids.size();
    }

    /**
     * Sends a batch of the hosts' second reminders (a few hours before the start, as the host chose), once
     * each; nobody confirmed after that time gets one late.
     *
     * @return how many were handled (0: none are due)
     */
    @Transactional
    public int remindAgainDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(DUE_SECOND_REMINDERS)
                .setParameter(1, EventState.PUBLISHED.name())
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now.plus(REMINDER_BEFORE)))
                .setParameter(4, Timestamp.from(now))
                .setParameter(5, RegistrationState.CONFIRMED.name())
                .getResultList();
        for (Number id : ids) {
            EventRegistration registration = em.find(EventRegistration.class, id.longValue());
            CoalitionEvent event = registration.getEvent();
            Instant reminderTime = event.getStartsAt().minus(Duration.ofHours(event.getSecondReminderHours()));
            if (registration.remindedAgainAt(now, reminderTime)) {
                mails.soon(registration, registrations.linkOf(registration));
            }
        }
        return ids.size();
    }

    /**
     * Erases what names or reaches the attendees of events that ended more than the retention period ago;
     * the rows stay, so the counts do. Supporters who consented stay supporters (that is their own record).
     *
     * @return how many were erased
     */
    @Transactional
    public int eraseAttendeesOfPastEvents() {
        Instant now = clock.instant();
        return em.createNativeQuery(ERASE)
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now.minus(Duration.ofDays(Math.max(1, retentionDays)))))
                .executeUpdate();
    }
}
