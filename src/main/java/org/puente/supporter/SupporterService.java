package org.puente.supporter;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.MailQueue;
import org.puente.platform.security.RateLimit;

/** The supporter list, shared by petitions (which add people who consent) and alerts (which mail them). */
@ApplicationScoped
@Transactional
public class SupporterService {

    /** Erasure and new-link mails one supporter can be sent within an hour (per instance). */
    static final int LINK_MAILS_PER_HOUR = 3;

    private RateLimit linkMails;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    SupporterLinks links;

    @Inject
    MailComposer composer;

    @Inject
    MailQueue mailQueue;

    @Inject
    SupporterStore store;

    @Inject
    Event<SupporterForgotten> forgotten;

    @PostConstruct
    void start() {
        linkMails = new RateLimit(LINK_MAILS_PER_HOUR, Duration.ofHours(1), 100_000, clock);
    }

    /** Creates or updates the supporter behind an explicit consent, joining the caller's transaction. */
    public Supporter recordConsent(
            String email,
            String canonicalEmail,
            String firstName,
            String lastName,
            String postalCode,
            String country,
            Language language,
            String source) {
        Instant now = clock.instant();
        // A plain read: locking a row that may not exist takes a gap lock, and simultaneous first consents
        // deadlock on it. The unique key settles a race; the version column a simultaneous update (callers retry).
        Supporter supporter = em
                .createNamedQuery("Supporter.findByCanonicalEmail", Supporter.class)
                .setParameter("email", canonicalEmail)
                .getResultList()
                .stream()
                .findFirst()
                .orElse(null);
        if (supporter == null) {
            supporter = new Supporter(email, canonicalEmail, now);
            supporter.consent(firstName, lastName, postalCode, country, language, source, now);
            em.persist(supporter);
            em.flush();
        } else {
            supporter.consent(firstName, lastName, postalCode, country, language, source, now);
        }
        record(supporter.getId(), SupporterEventKind.CONSENT, source, now);
        return supporter;
    }

    /**
     * Stops every alert to this supporter, at once and for good (until they consent again).
     *
     * @return whether the supporter exists
     */
    public boolean unsubscribe(long supporterId, String source) {
        Supporter supporter = em.find(Supporter.class, supporterId);
        if (supporter == null) {
            return false;
        }
        if (supporter.getStatus() == SupporterStatus.SUBSCRIBED) {
            Instant now = clock.instant();
            supporter.suppress(SupporterStatus.UNSUBSCRIBED, now);
            record(supporterId, SupporterEventKind.UNSUBSCRIBE, source, now);
        }
        return true;
    }

    /** The mail server refused the address for good: no alert goes there again. */
    public void bounced(long supporterId, String source) {
        Supporter supporter = em.find(Supporter.class, supporterId);
        if (supporter != null && supporter.getStatus() == SupporterStatus.SUBSCRIBED) {
            Instant now = clock.instant();
            supporter.suppress(SupporterStatus.BOUNCED, now);
            record(supporterId, SupporterEventKind.BOUNCE, source, now);
        }
    }

    /** The language every later alert to this supporter is written in. */
    public boolean changeLanguage(long supporterId, Language language, String source) {
        Supporter supporter = em.find(Supporter.class, supporterId);
        if (supporter == null) {
            return false;
        }
        if (supporter.getLanguage() != language) {
            Instant now = clock.instant();
            supporter.changeLanguage(language, now);
            record(supporterId, SupporterEventKind.LANGUAGE, source, now);
        }
        return true;
    }

    /**
     * Mails the supporter, in their language, a link that erases their data once they confirm it there;
     * it works for {@link SupporterLinks#ERASURE_LIFETIME} and only while their preferences link does.
     * Asking through the preferences link is not enough: that link may have been forwarded with an alert.
     *
     * @return false when the supporter is gone, or already had {@value #LINK_MAILS_PER_HOUR} such mails
     *         this hour (whoever holds a forwarded link must not be able to flood the owner's mailbox)
     */
    public boolean requestErasure(long supporterId) {
        Supporter supporter = em.find(Supporter.class, supporterId);
        if (supporter == null || !linkMails.tryAcquire(String.valueOf(supporterId))) {
            return false;
        }
        Language language = supporter.getLanguage();
        Instant expires = clock.instant().plus(SupporterLinks.ERASURE_LIFETIME);
        mailQueue.sendAfterCommit(composer.compose(
                supporter.getEmail(),
                language,
                Messages.get(language, "mail.erase.subject"),
                List.of(
                        Messages.get(language, "mail.erase.body"),
                        Messages.get(language, "mail.erase.expiry", SupporterLinks.ERASURE_LIFETIME.toHours())),
                Messages.get(language, "mail.erase.action"),
                links.erasure(supporterId, supporter.getLinkGeneration(), expires, language)));
        return true;
    }

    /**
     * Revokes every preferences (and erasure) link given out to the supporter and mails them a fresh
     * preferences link, in their language: for when an alert with their link was forwarded.
     *
     * @return false when the supporter is gone or over the same limit as {@link #requestErasure}
     */
    public boolean sendNewLink(long supporterId) {
        Supporter supporter = em.find(Supporter.class, supporterId);
        if (supporter == null || !linkMails.tryAcquire(String.valueOf(supporterId))) {
            return false;
        }
        supporter.revokeLinks(clock.instant());
        Language language = supporter.getLanguage();
        mailQueue.sendAfterCommit(composer.compose(
                supporter.getEmail(),
                language,
                Messages.get(language, "mail.preferences.subject"),
                List.of(Messages.get(language, "mail.preferences.body")),
                Messages.get(language, "mail.preferences.action"),
                links.preferences(supporterId, supporter.getLinkGeneration(), language)));
        return true;
    }

    /**
     * Erases a supporter, at their request or staff's: the supporter row and its history go. Every feature
     * that holds something of the person erases it in this transaction ({@link SupporterForgotten}):
     * petitions drop their unconfirmed signatures and keep the confirmed ones counted with nothing that
     * names or reaches them; past alerts keep their delivery counts but no longer the address.
     *
     * @return whether the supporter existed
     */
    public boolean forget(long supporterId) {
        Supporter supporter = em.find(Supporter.class, supporterId);
        if (supporter == null) {
            return false;
        }
        forgotten.fire(new SupporterForgotten(supporterId, supporter.getEmailCanonical()));
        em.remove(supporter);
        return true;
    }

    /**
     * Writes one batch of imported consents in this transaction: new people are created subscribed, subscribed
     * ones get their details and consent renewed, and anyone unsubscribed, bounced or complained is left as
     * they are (an import never resubscribes). Each created or renewed supporter gets a CONSENT event.
     *
     * @return the outcome per canonical address
     */
    public Map<String, ImportOutcome> importConsents(List<SupporterImport.Candidate> batch, String source) {
        Instant now = clock.instant();
        String consentSource = SupporterEvent.source(source);
        Map<String, Supporter> existing = new HashMap<>();
        em.createQuery("select s from Supporter s where s.emailCanonical in :emails", Supporter.class)
                .setParameter(
                        "emails",
                        batch.stream().map(SupporterImport.Candidate::canonical).toList())
                .getResultList()
                .forEach(s -> existing.put(s.getEmailCanonical(), s));
        Map<String, ImportOutcome> outcomes = new HashMap<>();
        List<SupporterImport.Candidate> fresh = new ArrayList<>();
        for (SupporterImport.Candidate c : batch) {
            Supporter supporter = existing.get(c.canonical());
            if (supporter == null) {
                fresh.add(c);
                outcomes.put(c.canonical(), ImportOutcome.CREATED);
            } else if (supporter.getStatus() == SupporterStatus.SUBSCRIBED) {
                supporter.consent(
                        c.firstName(), c.lastName(), c.postalCode(), c.country(), c.language(), consentSource, now);
                outcomes.put(c.canonical(), ImportOutcome.UPDATED);
            } else {
                outcomes.put(c.canonical(), ImportOutcome.KEPT);
            }
        }
        em.flush();
        store.importConsents(
                fresh,
                outcomes.entrySet().stream()
                        .filter(o -> o.getValue() != ImportOutcome.KEPT)
                        .map(Map.Entry::getKey)
                        .toList(),
                consentSource,
                now);
        return outcomes;
    }

    private void record(long supporterId, SupporterEventKind kind, String source, Instant now) {
        em.persist(new SupporterEvent(supporterId, kind, source, now));
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Supporter> find(long supporterId) {
        return Optional.ofNullable(em.find(Supporter.class, supporterId));
    }
}
