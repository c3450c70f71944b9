package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.puente.platform.web.NotFoundException;

/**
 * An event's roster for its hosts and coalition staff only: who is coming (and waiting), with what they
 * told the hosts, and who came (checked in at the door). Nobody else, and no public page, sees a name.
 */
@ApplicationScoped
@Transactional
public class EventRoster {

    @PersistenceContext
    EntityManager em;

    @Inject
    EventService events;

    @Inject
    Clock clock;

    /** The event, if the caller hosts it (or is staff); else access is denied. */
    @Transactional(TxType.SUPPORTS)
    public CoalitionEvent event(long eventId) {
        return events.findForHosting(eventId);
    }

    /** Confirmed, waitlisted and cancelled registrations, by name; {@code query} narrows by name or e-mail. */
    @Transactional(TxType.SUPPORTS)
    public List<EventRegistration> roster(long eventId, String query) {
        CoalitionEvent event = events.findForHosting(eventId);
        List<EventRegistration> all = em.createNamedQuery("EventRegistration.findRoster", EventRegistration.class)
                .setParameter("eventId", event.getId())
                .getResultList();
        if (query == null || query.isBlank()) {
            return all;
        }
        String wanted = query.strip().toLowerCase(Locale.ROOT);
        return all.stream()
                .filter(r -> contains(r.getFirstName(), wanted)
                        || contains(r.getLastName(), wanted)
                        || contains(r.getEmail(), wanted))
                .toList();
    }

    private static boolean contains(String value, String wanted) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(wanted);
    }

    /** How many of the confirmed people (guests not counted) have been checked in. */
    @Transactional(TxType.SUPPORTS)
    public long attended(long eventId) {
        events.findForHosting(eventId);
        return em.createQuery(
                        "select count(r) from EventRegistration r where r.event.id = :eventId "
                                + "and r.checkedInAt is not null",
                        Long.class)
                .setParameter("eventId", eventId)
                .getSingleResult();
    }

    /** At the door: one tap. Checking in twice keeps the first time. */
    public void checkIn(long eventId, long registrationId) {
        registrationOf(eventId, registrationId).checkIn(clock.instant());
    }

    public void undoCheckIn(long eventId, long registrationId) {
        registrationOf(eventId, registrationId).undoCheckIn();
    }

    private EventRegistration registrationOf(long eventId, long registrationId) {
        events.findForHosting(eventId);
        EventRegistration registration = em.find(EventRegistration.class, registrationId);
        if (registration == null || !registration.getEvent().getId().equals(eventId)) {
            throw new NotFoundException("registration " + registrationId + " of event " + eventId);
        }
        return registration;
    }
}
