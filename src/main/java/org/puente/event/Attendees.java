package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;

/**
 * An event's attendees as the alert engine asks for them when a host messages them: who is in the
 * audience (a page at a time, by registration), and, at the moment of sending, whether each is still
 * registered, with the address and first name to use then. The engine keeps no copy of an address, so a
 * registration cancelled or erased meanwhile is never mailed.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class Attendees {

    @PersistenceContext
    EntityManager em;

    @Inject
    EventService events;

    @Inject
    RegistrationService registrations;

    @Inject
    EventMails mails;

    /** Refuses anyone who neither hosts the event nor is staff (and a missing event is not found). */
    public void requireHost(long eventId) {
        events.findForHosting(eventId);
    }

    /** The event a host is about to message, if the caller hosts it (or is staff); else access is denied. */
    public Hosted hosted(long eventId) {
        CoalitionEvent event = events.findForHosting(eventId);
        return new Hosted(
                event.getId(),
                event.getTitle(),
                event.getSlug(),
                byLanguage(event.getId(), false),
                byLanguage(event.getId(), true));
    }

    /**
     * An event as its host sees it when writing to its attendees.
     *
     * @param confirmed  confirmed registrations by the language they read
     * @param waitlisted waitlisted ones by language
     */
    public record Hosted(
            long id, LocalizedText title, String slug, Map<Language, Long> confirmed, Map<Language, Long> waitlisted)
            implements Serializable {

        // Pages read these as properties (Jakarta EL 5 does not see record accessors).
        public long getId() {
            return id;
        }

        public LocalizedText getTitle() {
            return title;
        }

        public long confirmedCount() {
            return confirmed.values().stream().mapToLong(Long::longValue).sum();
        }

        public long waitlistedCount() {
            return waitlisted.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Map<Language, Long> byLanguage(long eventId, boolean waitlisted) {
        Map<Language, Long> counts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            counts.put(language, 0L);
        }
        em.createQuery(
                        "select r.language, count(r) from EventRegistration r where r.event.id = :eventId "
                                + "and r.state = :state and r.erasedAt is null group by r.language",
                        Object[].class)
                .setParameter("eventId", eventId)
                .setParameter("state", waitlisted ? RegistrationState.WAITLISTED : RegistrationState.CONFIRMED)
                .getResultList()
                .forEach(row -> counts.put((Language) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** One registration a message goes to, in the language its person reads. */
    public record Attendee(long registrationId, Language language) {}

    /**
     * The next {@code limit} confirmed (and, {@code withWaitlist}, waitlisted) registrations of the event in
     * id order after {@code afterId}.
     */
    public List<Attendee> attendees(long eventId, boolean withWaitlist, long afterId, int limit) {
        return em
                .createQuery(
                        "select r.id, r.language from EventRegistration r where r.event.id = :eventId "
                                + "and r.state in :states and r.erasedAt is null and r.id > :after order by r.id",
                        Object[].class)
                .setParameter("eventId", eventId)
                .setParameter("states", states(withWaitlist))
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(row -> new Attendee(((Number) row[0]).longValue(), (Language) row[1]))
                .toList();
    }

    private static Set<RegistrationState> states(boolean withWaitlist) {
        return withWaitlist
                ? Set.of(RegistrationState.CONFIRMED, RegistrationState.WAITLISTED)
                : Set.of(RegistrationState.CONFIRMED);
    }

    /**
     * A registration still confirmed or waitlisted at the moment of sending: where to send, the first name
     * for a greeting, and the link to the person's own registration page (in their language).
     */
    public record Reachable(String email, String firstName, String registrationPage) {}

    /** Which of these registrations are still confirmed or waitlisted now, read at the moment of sending. */
    public Map<Long, Reachable> stillRegistered(Collection<Long> registrationIds) {
        Map<Long, Reachable> reachable = new HashMap<>();
        if (registrationIds.isEmpty()) {
            return reachable;
        }
        em.createQuery(
                        "select r from EventRegistration r join fetch r.event where r.id in :ids "
                                + "and r.state in :states and r.erasedAt is null",
                        EventRegistration.class)
                .setParameter("ids", registrationIds)
                .setParameter("states", states(true))
                .getResultList()
                .forEach(r -> reachable.put(
                        r.getId(),
                        new Reachable(
                                r.getEmail(),
                                r.getFirstName(),
                                mails.pageLink(registrations.linkOf(r), r.getLanguage()))));
        return reachable;
    }
}
