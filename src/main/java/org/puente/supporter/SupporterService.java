package org.puente.supporter;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A forgotten person's unconfirmed signatures go. */
    public static final String ERASE_PENDING_SIGNATURES =
            "DELETE FROM signature WHERE email_canonical = ? AND state = 'PENDING'";
    /** A forgotten person's confirmed signatures stay counted, naming no one. */
    public static final String ANONYMIZE_SIGNATURES = "UPDATE signature SET first_name = '', last_name = '', "
            + "email = 'erased@invalid', email_canonical = CONCAT('erased-', id), postal_code = NULL, comment = NULL, "
            + "source_ip = NULL, source_key = NULL, token_hash = NULL, token_expires_at = NULL WHERE email_canonical = ?";
    /** Past alerts keep their counts, not the address. */
    public static final String ANONYMIZE_DELIVERIES =
            "UPDATE alert_delivery SET email = 'erased@invalid', supporter_id = NULL WHERE supporter_id = ?";
    public static final String IMPORT_SUPPORTER = "INSERT INTO supporter (email, email_canonical, first_name, "
            + "last_name, postal_code, country, language, status, consent_at, consent_source, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, 'SUBSCRIBED', ?, ?, ?, ?)";
    public static final String IMPORT_CONSENT_EVENT = "INSERT INTO supporter_event (supporter_id, kind, source, "
            + "happened_at) SELECT id, 'CONSENT', ?, ? FROM supporter WHERE email_canonical = ?";
    public static final String RECORD_EVENT =
            "INSERT INTO supporter_event (supporter_id, kind, source, happened_at) VALUES (?, ?, ?, ?)";

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

    @PostConstruct
    void start() {
        linkMails = new RateLimit(LINK_MAILS_PER_HOUR, Duration.ofHours(1), 100_000, clock);
    }

    /** Creates or updates the supporter behind an explicit consent, joining the caller's transaction. */
    public Supporter recordConsent(String email, String canonicalEmail, String firstName, String lastName,
            String postalCode, String country, Language language, String source) {
        Instant now = clock.instant();
        // A plain read: locking a row that may not exist takes a gap lock, and simultaneous first consents
        // deadlock on it. The unique key settles a race; the version column a simultaneous update (callers retry).
        Supporter supporter = em.createNamedQuery("Supporter.findByCanonicalEmail", Supporter.class)
                .setParameter("email", canonicalEmail).getResultList().stream().findFirst().orElse(null);
        if (supporter == null) {
            supporter = new Supporter(email, canonicalEmail, now);
            supporter.consent(firstName, lastName, postalCode, country, language, source, now);
            em.persist(supporter);
            em.flush();
        } else {
            supporter.consent(firstName, lastName, postalCode, country, language, source, now);
        }
        record(supporter.getId(), "CONSENT", source, now);
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
            record(supporterId, "UNSUBSCRIBE", source, now);
        }
        return true;
    }

    /** The mail server refused the address for good: no alert goes there again. */
    public void bounced(long supporterId, String source) {
        Supporter supporter = em.find(Supporter.class, supporterId);
        if (supporter != null && supporter.getStatus() == SupporterStatus.SUBSCRIBED) {
            Instant now = clock.instant();
            supporter.suppress(SupporterStatus.BOUNCED, now);
            record(supporterId, "BOUNCE", source, now);
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
            record(supporterId, "LANGUAGE", source, now);
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
        mailQueue.sendAfterCommit(composer.compose(supporter.getEmail(), language,
                Messages.get(language, "mail.erase.subject"),
                List.of(Messages.get(language, "mail.erase.body"),
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
        mailQueue.sendAfterCommit(composer.compose(supporter.getEmail(), language,
                Messages.get(language, "mail.preferences.subject"),
                List.of(Messages.get(language, "mail.preferences.body")),
                Messages.get(language, "mail.preferences.action"),
                links.preferences(supporterId, supporter.getLinkGeneration(), language)));
        return true;
    }

    /**
     * Erases a supporter, at their request or staff's: the supporter row and its history go, their
     * unconfirmed signatures go, and their confirmed signatures stay counted with nothing left that
     * names or reaches them (name, address, postal code, comment, source address). Past alerts keep
     * their delivery counts but no longer the address.
     *
     * @return whether the supporter existed
     */
    public boolean forget(long supporterId) {
        Supporter supporter = em.find(Supporter.class, supporterId);
        if (supporter == null) {
            return false;
        }
        String canonical = supporter.getEmailCanonical();
        em.createNativeQuery(ERASE_PENDING_SIGNATURES).setParameter(1, canonical).executeUpdate();
        // The canonical address is unique per petition; the row's own id keeps it so once anonymized.
        em.createNativeQuery(ANONYMIZE_SIGNATURES).setParameter(1, canonical).executeUpdate();
        em.createNativeQuery(ANONYMIZE_DELIVERIES).setParameter(1, supporterId).executeUpdate();
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
        Timestamp at = Timestamp.from(now);
        String consentSource = source.length() > 120 ? source.substring(0, 120) : source;
        Map<String, Supporter> existing = new HashMap<>();
        em.createQuery("select s from Supporter s where s.emailCanonical in :emails", Supporter.class)
                .setParameter("emails", batch.stream().map(SupporterImport.Candidate::canonical).toList())
                .getResultList().forEach(s -> existing.put(s.getEmailCanonical(), s));
        Map<String, ImportOutcome> outcomes = new HashMap<>();
        List<SupporterImport.Candidate> fresh = new ArrayList<>();
        for (SupporterImport.Candidate c : batch) {
            Supporter supporter = existing.get(c.canonical());
            if (supporter == null) {
                fresh.add(c);
                outcomes.put(c.canonical(), ImportOutcome.CREATED);
            } else if (supporter.getStatus() == SupporterStatus.SUBSCRIBED) {
                supporter.consent(c.firstName(), c.lastName(), c.postalCode(), c.country(), c.language(), consentSource, now);
                outcomes.put(c.canonical(), ImportOutcome.UPDATED);
            } else {
                outcomes.put(c.canonical(), ImportOutcome.KEPT);
            }
        }
        em.flush();
        // New people and the events go through JDBC batches on the transaction's own connection: one round
        // trip for a batch instead of one per row (the driver rewrites them into multi-row statements).
        Connection db = em.unwrap(Connection.class);
        try {
            if (!fresh.isEmpty()) {
                try (PreparedStatement insert = db.prepareStatement(IMPORT_SUPPORTER)) {
                    for (SupporterImport.Candidate c : fresh) {
                        insert.setString(1, c.email());
                        insert.setString(2, c.canonical());
                        insert.setString(3, c.firstName());
                        insert.setString(4, c.lastName());
                        insert.setString(5, c.postalCode());
                        insert.setString(6, c.country());
                        insert.setString(7, c.language().code());
                        insert.setTimestamp(8, at);
                        insert.setString(9, consentSource);
                        insert.setTimestamp(10, at);
                        insert.setTimestamp(11, at);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            try (PreparedStatement events = db.prepareStatement(IMPORT_CONSENT_EVENT)) {
                for (Map.Entry<String, ImportOutcome> outcome : outcomes.entrySet()) {
                    if (outcome.getValue() != ImportOutcome.KEPT) {
                        events.setString(1, consentSource);
                        events.setTimestamp(2, at);
                        events.setString(3, outcome.getKey());
                        events.addBatch();
                    }
                }
                events.executeBatch();
            }
        } catch (SQLException e) {
            throw new PersistenceException("import batch failed", e);
        }
        return outcomes;
    }

    private void record(long supporterId, String kind, String source, Instant now) {
        em.createNativeQuery(RECORD_EVENT).setParameter(1, supporterId).setParameter(2, kind)
                .setParameter(3, source.length() > 120 ? source.substring(0, 120) : source)
                .setParameter(4, java.sql.Timestamp.from(now)).executeUpdate();
    }

    @Transactional(TxType.SUPPORTS)
    public java.util.Optional<Supporter> find(long supporterId) {
        return java.util.Optional.ofNullable(em.find(Supporter.class, supporterId));
    }
}
