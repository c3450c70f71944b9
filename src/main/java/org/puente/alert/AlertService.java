package org.puente.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.puente.account.Account;
import org.puente.account.Caller;
import org.puente.event.Attendees;
import org.puente.petition.SignatureService;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.mail.MailSender;
import org.puente.platform.security.Role;
import org.puente.platform.web.NotFoundException;
import org.puente.supporter.Subscribers;
import org.puente.supporter.Subscribers.Recipient;

/**
 * Coalition staff write alerts and send them. Sending snapshots the audience into one delivery per
 * recipient in the same transaction that starts the alert: from then on changes to the list do not change
 * who gets it, except that the engine skips anyone who unsubscribes meanwhile. Who is in an audience is
 * asked of the features that own the people ({@link Subscribers}, {@link SignatureService}), a page at a
 * time; the deliveries are written in batches ({@link AlertDeliveries}). Reads run without a transaction.
 */
@ApplicationScoped
@Transactional
public class AlertService {

    /** Alerts on one page of the list. */
    public static final int PAGE_SIZE = 20;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AlertMessages messages;

    @Inject
    MailSender mail;

    @Inject
    AlertDeliveries deliveries;

    @Inject
    Subscribers subscribers;

    @Inject
    SignatureService signatures;

    @Inject
    Attendees attendees;

    /** Refuses anyone but staff (the empty alert form asks before showing anything). */
    @Transactional(TxType.SUPPORTS)
    public void requireStaff() {
        caller.require(Role.ADMIN, Role.STAFF);
    }

    /** One page (from 0) of the alerts, newest first, and how many there are in all. */
    @Transactional(TxType.SUPPORTS)
    public Results list(int page) {
        caller.require(Role.ADMIN, Role.STAFF);
        long total = em.createNamedQuery("Alert.countAll", Long.class).getSingleResult();
        List<Alert> rows = em.createNamedQuery("Alert.findAllNewestFirst", Alert.class)
                .setFirstResult(Math.max(0, page) * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE)
                .getResultList();
        return new Results(rows, total);
    }

    /** A page of alerts and the number of alerts in all. */
    public record Results(List<Alert> rows, long total) {}

    /** An alert staff write to supporters (a host's message to attendees is theirs, not the alert list's). */
    @Transactional(TxType.SUPPORTS)
    public Alert find(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        Alert alert = em.find(Alert.class, id);
        if (alert == null || alert.isAttendeeMessage()) {
            throw new NotFoundException("alert " + id);
        }
        return alert;
    }

    /**
     * The alert as the sending engine renders it (no caller: the engine acts for the staff who sent it),
     * read without a transaction, so it comes back detached.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Alert forSending(long id) {
        Alert alert = em.find(Alert.class, id);
        if (alert == null) {
            throw new NotFoundException("alert " + id);
        }
        return alert;
    }

    /** Creates (id null) or rewrites a draft. */
    public Alert save(
            Long id,
            LocalizedText subject,
            LocalizedText preheader,
            LocalizedText body,
            LocalizedText actionLabel,
            LocalizedText actionUrl,
            LocalizedText nameFallback,
            Audience audience) {
        Account author = caller.require(Role.ADMIN, Role.STAFF);
        Instant now = clock.instant();
        Alert alert = id == null ? new Alert(author.getId(), now) : find(id);
        alert.write(subject, preheader, body, actionLabel, actionUrl, audience, now);
        alert.nameUnknownRecipients(nameFallback, now);
        if (id == null) {
            em.persist(alert);
        }
        return alert;
    }

    /**
     * A host writes (id null) or rewrites a draft message to their event's attendees, in both languages:
     * only its hosts' editors and staff may.
     */
    public Alert saveAttendeeMessage(
            Long id, long eventId, LocalizedText subject, LocalizedText body, boolean withWaitlist) {
        Account author = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        Instant now = clock.instant();
        Alert alert = id == null ? null : attendeeMessage(id, eventId, LockModeType.NONE);
        if (alert == null) {
            attendees.requireHost(eventId);
            alert = new Alert(author.getId(), now);
        }
        alert.write(
                subject,
                LocalizedText.empty(),
                body,
                LocalizedText.empty(),
                LocalizedText.empty(),
                Audience.attendeesOf(eventId, withWaitlist),
                now);
        if (id == null) {
            em.persist(alert);
        }
        return alert;
    }

    /**
     * Sends a host's draft message: its audience is snapshotted and the engine sends it, each in their
     * language, exactly once. The row is locked first, so a second click or a second instance finds it sent
     * and refuses ({@link IllegalStateException}).
     */
    public Alert sendAttendeeMessage(long id, long eventId) {
        Alert alert = attendeeMessage(id, eventId, LockModeType.PESSIMISTIC_WRITE);
        start(alert, null);
        return alert;
    }

    /** The messages sent (or drafted) to an event's attendees, newest first, with their progress. */
    @Transactional(TxType.SUPPORTS)
    public List<Alert> attendeeMessages(long eventId) {
        attendees.requireHost(eventId);
        return em.createNamedQuery("Alert.findByEvent", Alert.class)
                .setParameter("eventId", eventId)
                .getResultList();
    }

    /** Deliveries by state for these messages of an event the caller hosts. */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, Progress> attendeeProgress(long eventId, Collection<Long> ids) {
        attendees.requireHost(eventId);
        return progress(ids);
    }

    @Transactional(TxType.SUPPORTS)
    public Alert findAttendeeMessage(long id, long eventId) {
        return attendeeMessage(id, eventId, LockModeType.NONE);
    }

    private Alert attendeeMessage(long id, long eventId, LockModeType lock) {
        attendees.requireHost(eventId);
        Alert alert = em.find(Alert.class, id, lock);
        if (alert == null || !Long.valueOf(eventId).equals(alert.getAudience().eventId())) {
            throw new NotFoundException("message " + id + " of event " + eventId);
        }
        return alert;
    }

    /** How many supporters the audience holds right now. */
    @Transactional(TxType.SUPPORTS)
    public long audienceSize(Audience audience) {
        return audienceByLanguage(audience).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** How many supporters the audience holds right now, by the language they read (every language present). */
    @Transactional(TxType.SUPPORTS)
    public Map<Language, Long> audienceByLanguage(Audience audience) {
        caller.require(Role.ADMIN, Role.STAFF);
        Map<Language, Long> sizes = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            sizes.put(language, 0L);
        }
        forEachPage(audience, page -> page.forEach(r -> sizes.merge(r.language(), 1L, Long::sum)));
        return sizes;
    }

    /**
     * Hands the audience's recipients to {@code page}, {@value #AUDIENCE_PAGE} or so at a time, as the
     * features that own the data answer: the supporter list, narrowed to a petition's confirmed signers
     * when the audience names one. Nothing holds the whole audience at once.
     */
    private void forEachPage(Audience audience, Consumer<List<Recipient>> page) {
        if (audience.isEventAttendees()) {
            throw new IllegalArgumentException("an event's attendees are not supporters");
        }
        Subscribers.Criteria criteria =
                new Subscribers.Criteria(audience.language(), audience.country(), audience.postalPrefix());
        if (audience.petitionId() == null) {
            long after = 0;
            for (List<Recipient> next; !(next = subscribers.subscribed(criteria, after, AUDIENCE_PAGE)).isEmpty(); ) {
                page.accept(next);
                after = next.get(next.size() - 1).id();
            }
            return;
        }
        String after = null;
        for (List<String> signers;
                !(signers = signatures.confirmedSignerAddresses(audience.petitionId(), after, AUDIENCE_PAGE))
                        .isEmpty(); ) {
            page.accept(subscribers.subscribedAmong(criteria, signers));
            after = signers.get(signers.size() - 1);
        }
    }

    static final int AUDIENCE_PAGE = 1000;

    /**
     * Snapshots the audience and starts sending.
     *
     * @param onlyLanguage null to give everyone their own language (both versions must be complete), or
     *                     the one version everyone gets, which staff explicitly confirmed
     */
    public Alert send(long id, Language onlyLanguage) {
        Alert alert = find(id);
        start(alert, onlyLanguage);
        return alert;
    }

    /** Sending starts by itself at {@code at}, with the audience as it is then. */
    public Alert schedule(long id, Language onlyLanguage, Instant at) {
        Alert alert = find(id);
        alert.schedule(at, onlyLanguage, clock.instant());
        return alert;
    }

    public void cancelSchedule(long id) {
        find(id).cancelSchedule(clock.instant());
    }

    /**
     * Starts the scheduled alerts whose time has come (called by the sending engine; no caller). The row
     * lock makes one instance start each alert, however many look at the same moment.
     *
     * @return how many alerts started
     */
    public int startDue() {
        List<Long> due = deliveries.lockDueAlerts(clock.instant());
        for (long id : due) {
            start(em.find(Alert.class, id), null);
        }
        return due.size();
    }

    /** Snapshots the audience into one delivery per recipient, in this transaction, and starts sending. */
    private void start(Alert alert, Language onlyLanguage) {
        alert.requireStartable(onlyLanguage);
        Instant now = clock.instant();
        Audience audience = alert.getAudience();
        if (audience.isEventAttendees()) {
            int size = 0;
            long after = 0;
            for (List<Attendees.Attendee> next;
                    !(next = attendees.attendees(audience.eventId(), audience.withWaitlist(), after, AUDIENCE_PAGE))
                            .isEmpty(); ) {
                deliveries.snapshotAttendees(alert.getId(), next, now);
                size += next.size();
                after = next.get(next.size() - 1).registrationId();
            }
            alert.startSending(size, onlyLanguage, now);
            return;
        }
        int[] size = {0};
        forEachPage(alert.getAudience(), page -> {
            deliveries.snapshot(alert.getId(), page, now);
            size[0] += page.size();
        });
        alert.startSending(size[0], onlyLanguage, now);
    }

    /**
     * Marks sent an alert whose deliveries are all settled (called by the sending engine, which found it so).
     * The row is locked first, so two instances finishing it at once wait for each other; the second finds it
     * sent already.
     */
    public void finish(long id) {
        Alert alert = em.find(Alert.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (alert != null) {
            alert.finish(clock.instant());
        }
    }

    public void pause(long id) {
        find(id).pause(clock.instant());
    }

    public void resume(long id) {
        find(id).resume(clock.instant());
    }

    /**
     * Each complete version to the staff member's own address, as a supporter would get it (their own first
     * name merged in, the subject marked as a test in the version's language); no transaction
     * is held open during the SMTP conversation.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public List<Language> testSend(long id) {
        Account me = caller.require(Role.ADMIN, Role.STAFF);
        Alert alert = find(id);
        List<Language> sent = new ArrayList<>();
        for (Language language : Language.values()) {
            if (alert.isComplete(language)) {
                mail.send(messages.test(alert, me.getEmail(), language, firstWord(me.getDisplayName())));
                sent.add(language);
            }
        }
        return sent;
    }

    /** The first word of a name, for {@code {first_name}} in a test to staff (whose accounts hold one name). */
    static String firstWord(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().split("\\s+", 2)[0];
    }

    /** Per language: the alert's recipients, what became of them, and the unsubscribes its links caused. */
    @Transactional(TxType.SUPPORTS)
    public AlertReport report(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        Map<Language, AlertDeliveries.Tally> tallies = deliveries.report(id);
        Map<Language, Long> unsubscribes =
                deliveries.recipientsByLanguage(id, subscribers.unsubscribedThrough("alert " + id));
        List<AlertReport.Figures> languages = new ArrayList<>();
        tallies.forEach((language, tally) -> languages.add(new AlertReport.Figures(
                language,
                tally.total(),
                tally.get(DeliveryState.SENT),
                tally.get(DeliveryState.FAILED),
                tally.refused,
                tally.get(DeliveryState.SKIPPED),
                tally.get(DeliveryState.PENDING) + tally.get(DeliveryState.CLAIMED),
                unsubscribes.getOrDefault(language, 0L))));
        return AlertReport.of(languages);
    }

    /**
     * For each of these alerts, in one query: deliveries by state and the messages sent in the last
     * {@value #RATE_WINDOW_SECONDS} seconds, for the live progress.
     */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, Progress> progressOf(Collection<Long> ids) {
        caller.require(Role.ADMIN, Role.STAFF);
        return progress(ids);
    }

    private Map<Long, Progress> progress(Collection<Long> ids) {
        Map<Long, Progress> progress = new HashMap<>();
        deliveries
                .progress(ids, clock.instant().minusSeconds(RATE_WINDOW_SECONDS))
                .forEach((id, figures) -> progress.put(
                        id, new Progress(figures.counts(), figures.recentlySent() / (double) RATE_WINDOW_SECONDS)));
        for (long id : ids) {
            progress.computeIfAbsent(id, none -> new Progress(new AlertDeliveries.Progress().counts(), 0));
        }
        return progress;
    }

    static final int RATE_WINDOW_SECONDS = 10;

    /** Deliveries by state, and the recent sending rate in messages per second. */
    public record Progress(Map<DeliveryState, Long> counts, double ratePerSecond) {}
}
