package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.puente.platform.mail.EmailAddresses;
import org.puente.platform.security.FormOrigin;
import org.puente.platform.security.PublicFormLimits;
import org.puente.platform.security.PublicFormLimits.Hold;
import org.puente.platform.security.SecretSigner;
import org.puente.platform.security.Tokens;
import org.puente.platform.web.NotFoundException;
import org.puente.supporter.SupporterForgotten;
import org.puente.supporter.SupporterService;

/**
 * Registrations (RSVPs): taking them, confirming them against the capacity, the waitlist, cancelling.
 *
 * <p>Every change that decides who has a place (a confirmation, a cancellation, a change of guests or of
 * capacity, the event's cancellation) first locks the event's row, so such changes to one event happen one
 * after another on every instance: 60 people confirming at once for 25 places leaves exactly 25 confirmed
 * and the rest waitlisted in the order they confirmed, and a cancellation promotes the head of the waitlist
 * exactly once. The mails those changes cause are written to the outbox in the same transaction, so they
 * leave once the change commits, and only then.
 *
 * <p>Registering answers the same whether or not the address registered before, so nobody can learn who
 * is coming.
 */
@ApplicationScoped
@Transactional
public class RegistrationService {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    EventMails mails;

    @Inject
    PublicFormLimits limits;

    @Inject
    SecretSigner secrets;

    @Inject
    SupporterService supporters;

    @Transactional(TxType.SUPPORTS)
    public Optional<CoalitionEvent> findVisible(String slug) {
        if (slug == null || slug.length() > 80) {
            return Optional.empty();
        }
        return em
                .createNamedQuery("CoalitionEvent.findVisibleBySlug", CoalitionEvent.class)
                .setParameter("slug", slug)
                .setParameter("states", EventState.VISIBLE)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** A visible event with everything its public page shows loaded, for {@link EventReadCache}. */
    @Transactional(TxType.SUPPORTS)
    public Optional<CoalitionEvent> findVisibleForReading(String slug) {
        Optional<CoalitionEvent> found = findVisible(slug);
        found.ifPresent(CoalitionEvent::loadCohosts);
        return found;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<CoalitionEvent> findVisibleById(long id) {
        return Optional.ofNullable(em.find(CoalitionEvent.class, id)).filter(CoalitionEvent::isVisible);
    }

    /** Published events that have not ended, soonest first, with their co-hosts loaded (lists show them). */
    @Transactional(TxType.SUPPORTS)
    public List<CoalitionEvent> upcoming() {
        List<CoalitionEvent> found = em.createNamedQuery("CoalitionEvent.findUpcoming", CoalitionEvent.class)
                .setParameter("states", Set.of(EventState.PUBLISHED))
                .setParameter("now", clock.instant())
                .setMaxResults(500)
                .getResultList();
        found.forEach(CoalitionEvent::loadCohosts);
        return found;
    }

    /** How long past events stay in the calendar feeds. */
    static final java.time.Duration IN_FEEDS_AFTER = java.time.Duration.ofDays(60);

    /**
     * What the public calendar feeds hold: published and cancelled events that ended less than
     * {@link #IN_FEEDS_AFTER} ago or have not ended (a cancelled one stays, marked, so calendars drop it).
     */
    @Transactional(TxType.SUPPORTS)
    public List<CoalitionEvent> inFeeds() {
        return em.createNamedQuery("CoalitionEvent.findUpcoming", CoalitionEvent.class)
                .setParameter("states", EventState.VISIBLE)
                .setParameter("now", clock.instant().minus(IN_FEEDS_AFTER))
                .setMaxResults(1000)
                .getResultList();
    }

    /** Events that ended in the last year, latest first. */
    @Transactional(TxType.SUPPORTS)
    public List<CoalitionEvent> past() {
        Instant now = clock.instant();
        return em.createNamedQuery("CoalitionEvent.findPast", CoalitionEvent.class)
                .setParameter("now", now)
                .setParameter("since", now.minus(java.time.Duration.ofDays(366)))
                .setMaxResults(200)
                .getResultList();
    }

    /** Places taken by confirmed registrations (guests included): the only count the public sees. */
    @Transactional(TxType.SUPPORTS)
    public long placesTaken(long eventId) {
        return em.createNamedQuery("EventRegistration.placesTaken", Number.class)
                .setParameter("eventId", eventId)
                .getSingleResult()
                .longValue();
    }

    /**
     * Takes a registration, pending until its address is confirmed, and mails the link in the person's
     * language. A submission over the limits or faster than a person types is held: no mail, no place.
     *
     * @throws EventClosedException when the event takes no registrations now
     */
    public void register(String slug, @Valid RegistrationForm form, FormOrigin source) {
        CoalitionEvent event = registrable(slug);
        if (form.getGuests() > event.getMaxGuests()) {
            throw new IllegalArgumentException("guests over the event's limit");
        }
        Instant now = clock.instant();
        Hold hold = holdReason(event, source, now);
        EventRegistration registration = new EventRegistration(
                event,
                form,
                now,
                source.address(),
                source.address() == null ? null : limits.limitKey(source.address()),
                hold);
        em.persist(registration);
        em.flush();
        String token = stampLink(registration);
        if (hold == null) {
            mails.confirmLink(registration, token);
        }
    }

    /**
     * The same person registered before (the unique key said so): mail their link again, a few times at
     * most, and add nothing.
     *
     * @return false when there is no such registration after all
     */
    public boolean registerAgain(String slug, RegistrationForm form) {
        CoalitionEvent event = registrable(slug);
        Optional<EventRegistration> existing = em
                .createNamedQuery("EventRegistration.findByEventAndCanonicalEmail", EventRegistration.class)
                .setParameter("eventId", event.getId())
                .setParameter("email", EmailAddresses.canonical(form.getEmail()))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .findFirst();
        if (existing.isEmpty()) {
            return false;
        }
        EventRegistration registration = existing.get();
        if (!registration.isHeld() && registration.remind()) {
            mails.again(registration, stampLink(registration));
        }
        return true;
    }

    /** The registration a link names, whatever became of it. */
    @Transactional(TxType.SUPPORTS)
    public Optional<EventRegistration> findByLink(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return em
                .createNamedQuery("EventRegistration.findByTokenHash", EventRegistration.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultList()
                .stream()
                .findFirst();
    }

    /**
     * Confirms the registration behind a link: a place if the confirmed places leave room and nobody waits
     * before it, else the next place on the waitlist. Only a POST reaches here.
     *
     * @return the registration as it now stands, when this call confirmed it
     */
    public Optional<EventRegistration> confirm(String token) {
        Optional<EventRegistration> found = findByLink(token);
        if (found.isEmpty() || !found.get().isPending()) {
            return Optional.empty();
        }
        CoalitionEvent event =
                em.find(CoalitionEvent.class, found.get().getEvent().getId(), LockModeType.PESSIMISTIC_WRITE);
        EventRegistration registration =
                em.find(EventRegistration.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (!event.takesRegistrations(now)) {
            return Optional.empty();
        }
        boolean fits = fits(event, registration.places()) && noWaitlist(event);
        int next = fits ? 0 : lastWaitlistPosition(event) + 1;
        if (!registration.confirm(fits, next, now)) {
            return Optional.empty();
        }
        if (registration.isConfirmed()) {
            mails.confirmed(registration, stampLink(registration));
        } else {
            mails.waitlisted(registration, stampLink(registration), waitlistPosition(registration));
        }
        if (registration.isAlertsConsent()) {
            supporters.recordConsent(
                    registration.getEmail(),
                    registration.getEmailCanonical(),
                    registration.getFirstName(),
                    registration.getLastName(),
                    null,
                    event.getPlace() == null ? null : event.getPlace().getCountry(),
                    registration.getLanguage(),
                    "event:" + event.getSlug());
        }
        return Optional.of(registration);
    }

    /**
     * The owner gives up their place (or their place on the waitlist); the first waitlisted people whose
     * places now fit are promoted and told.
     *
     * @return whether this call cancelled it
     */
    public boolean cancel(String token) {
        Optional<EventRegistration> found = findByLink(token);
        if (found.isEmpty() || found.get().isCancelled()) {
            return false;
        }
        CoalitionEvent event =
                em.find(CoalitionEvent.class, found.get().getEvent().getId(), LockModeType.PESSIMISTIC_WRITE);
        EventRegistration registration =
                em.find(EventRegistration.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        if (registration.isCancelled() || event.isPast(clock.instant())) {
            return false;
        }
        boolean freed = registration.cancel(clock.instant());
        em.flush();
        if (freed && event.isPublished()) {
            promote(event);
        }
        return true;
    }

    /**
     * A confirmed attendee changes how many guests they bring; more guests must fit the places left.
     *
     * @return false when the new number does not fit (nothing changes)
     */
    public boolean changeGuests(String token, int guests) {
        Optional<EventRegistration> found = findByLink(token);
        if (found.isEmpty() || !found.get().isConfirmed()) {
            return false;
        }
        CoalitionEvent event =
                em.find(CoalitionEvent.class, found.get().getEvent().getId(), LockModeType.PESSIMISTIC_WRITE);
        EventRegistration registration =
                em.find(EventRegistration.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        if (guests < 0 || guests > event.getMaxGuests() || !event.takesRegistrations(clock.instant())) {
            return false;
        }
        int more = guests - registration.getGuests();
        if (more > 0 && !fits(event, more)) {
            return false;
        }
        registration.changeGuests(guests);
        em.flush();
        if (more < 0) {
            promote(event);
        }
        return true;
    }

    /** Where a waitlisted registration stands now: 1 for the head of the waitlist. */
    @Transactional(TxType.SUPPORTS)
    public long waitlistPosition(EventRegistration registration) {
        if (!registration.isWaitlisted()) {
            return 0;
        }
        return 1
                + em.createNamedQuery("EventRegistration.waitlistAhead", Long.class)
                        .setParameter("eventId", registration.getEvent().getId())
                        .setParameter("position", registration.getWaitlistPosition())
                        .getSingleResult();
    }

    /** The link that opens a registration's own page (the same one its mails carry). */
    @Transactional(TxType.SUPPORTS)
    public String linkOf(EventRegistration registration) {
        return token(registration);
    }

    /** Called with the event locked: confirmed attendees hear that the time or place moved. */
    void tellMoved(CoalitionEvent event, String note) {
        for (EventRegistration registration : withStates(event, Set.of(RegistrationState.CONFIRMED))) {
            mails.moved(registration, token(registration), note);
        }
        promote(event);
    }

    /** Called with the event locked and cancelled: everyone registered or waitlisted hears it. */
    void tellCancelled(CoalitionEvent event) {
        for (EventRegistration registration :
                withStates(event, Set.of(RegistrationState.CONFIRMED, RegistrationState.WAITLISTED))) {
            mails.cancelled(registration, token(registration));
        }
    }

    /** Promotes the head of the waitlist while its places fit, in order (never skipping anyone). */
    private void promote(CoalitionEvent event) {
        for (EventRegistration next : waitlist(event)) {
            if (!fits(event, next.places())) {
                return;
            }
            next.promote();
            em.flush();
            mails.promoted(next, token(next));
        }
    }

    private boolean fits(CoalitionEvent event, int places) {
        return !event.isLimited() || placesTaken(event.getId()) + places <= event.getCapacity();
    }

    private List<EventRegistration> waitlist(CoalitionEvent event) {
        return em.createNamedQuery("EventRegistration.findWaitlist", EventRegistration.class)
                .setParameter("eventId", event.getId())
                .getResultList();
    }

    /** Whether nobody waits (an event without a capacity has no waitlist: nothing to ask). */
    private boolean noWaitlist(CoalitionEvent event) {
        return !event.isLimited()
                || em.createNamedQuery("EventRegistration.findWaitlist", EventRegistration.class)
                        .setParameter("eventId", event.getId())
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty();
    }

    private int lastWaitlistPosition(CoalitionEvent event) {
        return em.createNamedQuery("EventRegistration.lastWaitlistPosition", Number.class)
                .setParameter("eventId", event.getId())
                .getSingleResult()
                .intValue();
    }

    private List<EventRegistration> withStates(CoalitionEvent event, Set<RegistrationState> states) {
        return em.createNamedQuery("EventRegistration.findByStates", EventRegistration.class)
                .setParameter("eventId", event.getId())
                .setParameter("states", states)
                .getResultList();
    }

    private CoalitionEvent registrable(String slug) {
        CoalitionEvent event = findVisible(slug).orElseThrow(() -> new NotFoundException("event " + slug));
        if (!event.takesRegistrations(clock.instant())) {
            throw new EventClosedException(slug);
        }
        return event;
    }

    /** The same checks as the signing form: a form faster than a person types, or too many from one address. */
    private Hold holdReason(CoalitionEvent event, FormOrigin source, Instant now) {
        return limits.check(
                        source,
                        key -> new PublicFormLimits.Recent(
                                countFrom(event, key, now.minus(Duration.ofMinutes(1))),
                                countFrom(event, key, now.minus(Duration.ofHours(1)))))
                .orElse(null);
    }

    private long countFrom(CoalitionEvent event, String key, Instant since) {
        return em.createQuery(
                        "select count(r) from EventRegistration r where r.event.id = :eventId "
                                + "and r.limitKey = :key and r.createdAt > :since",
                        Long.class)
                .setParameter("eventId", event.getId())
                .setParameter("key", key)
                .setParameter("since", since)
                .getSingleResult();
    }

    /**
     * A registration's link, made from what identifies it and signed with the portal's secret: the same on
     * every instance and in every mail, never stored (only its hash, to find the registration).
     */
    private String token(EventRegistration registration) {
        return secrets.sign(
                "registration-link", registration.getEvent().getId() + ":" + registration.getEmailCanonical());
    }

    private String stampLink(EventRegistration registration) {
        String token = token(registration);
        registration.linkTo(Tokens.hash(token));
        return token;
    }

    /**
     * A person erased from the supporter list (in that transaction): each place they held is given up as a
     * cancellation gives it up (the event locked, the head of the waitlist promoted and told), with no mail
     * to them; then their registrations go. Events are locked in the order of their ids, so that two erasures
     * cannot deadlock.
     */
    void forgetAttendee(@Observes SupporterForgotten forgotten) {
        List<EventRegistration> theirs = em.createNamedQuery(
                        "EventRegistration.findByCanonicalEmail", EventRegistration.class)
                .setParameter("email", forgotten.canonicalEmail())
                .getResultList();
        Instant now = clock.instant();
        for (EventRegistration found : theirs) {
            CoalitionEvent event =
                    em.find(CoalitionEvent.class, found.getEvent().getId(), LockModeType.PESSIMISTIC_WRITE);
            EventRegistration registration =
                    em.find(EventRegistration.class, found.getId(), LockModeType.PESSIMISTIC_WRITE);
            boolean freed = registration.cancel(now);
            em.flush();
            if (freed && event.isPublished() && !event.isPast(now)) {
                promote(event);
            }
            em.remove(registration);
        }
    }
}
