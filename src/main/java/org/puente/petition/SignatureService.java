package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.organization.CoalitionService;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.EmailAddresses;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.MailQueue;
import org.puente.platform.security.FormOrigin;
import org.puente.platform.security.PublicFormLimits;
import org.puente.platform.security.SecretSigner;
import org.puente.platform.security.Tokens;
import org.puente.platform.web.NotFoundException;
import org.puente.supporter.SupporterForgotten;
import org.puente.supporter.SupporterService;

/**
 * Reading petitions and taking signatures. Signing answers the same whether or not the address has
 * signed before, so nobody can probe who signed; the unique (petition, canonical e-mail) key makes
 * simultaneous duplicates fail in the database rather than count twice.
 */
@ApplicationScoped
@Transactional
public class SignatureService {

    @Inject
    Event<PetitionsChanged> changed;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    MailComposer composer;

    @Inject
    MailQueue mailQueue;

    @Inject
    PuenteConfig config;

    @Inject
    SupporterService supporters;

    @Inject
    PublicFormLimits limits;

    @Inject
    CoalitionService coalition;

    @Inject
    SignatureStore store;

    @Inject
    SecretSigner secrets;

    /** The latest comments of a petition's confirmed signers, the hidden ones too when staff ask. */
    @Transactional(TxType.SUPPORTS)
    public List<SignerComment> listComments(long petitionId, boolean withHidden, int limit) {
        return em
                .createNamedQuery("Signature.findCommentsNewestFirst", Signature.class)
                .setParameter("petitionId", petitionId)
                .setParameter("withHidden", withHidden)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(SignerComment::of)
                .toList();
    }

    /** Hides a comment from the public page and the delivery (or shows it again); false if it is not this petition's. */
    public boolean hideComment(long petitionId, long signatureId, boolean hidden) {
        Signature signature = em.find(Signature.class, signatureId);
        if (signature == null || !signature.getPetition().getId().equals(petitionId)) {
            return false;
        }
        signature.hideComment(hidden);
        changed.fire(new PetitionsChanged());
        return true;
    }

    /** Every signature given with this canonical address, newest first, for the signer's supporter page. */
    @Transactional(TxType.SUPPORTS)
    public List<Signature> findBySigner(String emailCanonical) {
        return em.createNamedQuery("Signature.findBySignerNewestFirst", Signature.class)
                .setParameter("email", emailCanonical)
                .setMaxResults(200)
                .getResultList();
    }

    @Transactional(TxType.SUPPORTS)
    public List<Petition> listOpen() {
        return em.createNamedQuery("Petition.findOpen", Petition.class).getResultList();
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Petition> findVisible(String slug) {
        if (slug == null || slug.length() > 80) {
            return Optional.empty();
        }
        return em
                .createNamedQuery("Petition.findVisibleBySlug", Petition.class)
                .setParameter("slug", slug)
                .setParameter("states", PetitionState.VISIBLE)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** A visible petition with everything its public page shows loaded, for {@link PetitionReadCache}. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Petition> findVisibleForReading(String slug) {
        Optional<Petition> found = findVisible(slug);
        found.ifPresent(petition -> petition.getCosponsors().size());
        return found;
    }

    @Transactional(TxType.SUPPORTS)
    public boolean isAllSigningPaused() {
        return coalition.isSigningPaused();
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Petition> findVisibleById(long id) {
        Petition petition = em.find(Petition.class, id);
        return Optional.ofNullable(petition).filter(Petition::isVisible);
    }

    /** Open, not paused (neither this petition nor the whole site), within its dates. */
    @Transactional(TxType.SUPPORTS)
    public boolean isSignable(Petition petition) {
        return petition.isSignable(clock.instant()) && !isAllSigningPaused();
    }

    /** Confirmed signatures: the only ones that count. */
    @Transactional(TxType.SUPPORTS)
    public long confirmedCount(long petitionId) {
        return em.createNamedQuery("Signature.countConfirmed", Long.class)
                .setParameter("petitionId", petitionId)
                .getSingleResult();
    }

    /**
     * The canonical addresses of the people with a confirmed signature on a petition, in address order after
     * {@code after} (null for the first), {@code limit} at a time: other features (an alert's audience) ask
     * who signed here without reading this feature's table.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> confirmedSignerAddresses(long petitionId, String after, int limit) {
        return em.createQuery(
                        "select s.emailCanonical from Signature s where s.petition.id = :petitionId "
                                + "and s.state = :confirmed and s.emailCanonical > :after order by s.emailCanonical",
                        String.class)
                .setParameter("petitionId", petitionId)
                .setParameter("confirmed", SignatureState.CONFIRMED)
                .setParameter("after", after == null ? "" : after)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Takes a signature, pending until its address is confirmed, and mails the confirmation link in the
     * signer's language. A repeat by the same person mails a fresh link (a few at most) and adds nothing.
     * A submission over the rate limits or faster than a person types is kept held: no mail, no count,
     * until staff release it. Every case looks the same to the submitter.
     *
     * @throws PetitionClosedException when the petition does not take signatures now
     */
    public void sign(String slug, @Valid SignatureForm form, SigningSource source) {
        Petition petition = signablePetition(slug);
        Instant now = clock.instant();
        String token =
                confirmationToken(petition, EmailAddresses.canonical(form.getEmail()), Signature.linkExpiry(now));
        // No read first: the unique (petition, canonical e-mail) key refuses a second signature, and the
        // caller then takes the signAgain path. A new signer, the common case, costs one query and one insert.
        HoldReason hold = holdReason(petition, source, now);
        Signature signature = new Signature(
                petition, form, Tokens.hash(token), now, source.address(), limits.limitKey(source.address()), hold);
        em.persist(signature);
        em.flush();
        if (hold == null) {
            sendConfirmation(signature, token);
        }
    }

    /**
     * The same person signed before (the unique key said so): mail the link again (the same one while it is
     * young, so a double click leaves two mails that both work), a few times at most, and add nothing.
     *
     * @return false when there is no such signature after all (the earlier one was rolled back)
     */
    public boolean signAgain(String slug, SignatureForm form) {
        Petition petition = signablePetition(slug);
        Optional<Signature> existing = em
                .createNamedQuery("Signature.findByPetitionAndCanonicalEmail", Signature.class)
                .setParameter("petitionId", petition.getId())
                .setParameter("email", EmailAddresses.canonical(form.getEmail()))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .findFirst();
        if (existing.isEmpty()) {
            return false;
        }
        if (existing.get().remind(clock.instant())) {
            sendConfirmation(existing.get(), stampLink(existing.get()));
        }
        return true;
    }

    /**
     * The link of a signature, made from what identifies it (petition and canonical address) and when the link
     * expires, signed with the portal's secret: the same signature and expiry give the same link, on every
     * instance, without keeping the link itself (only its hash, to find the signature).
     */
    private String confirmationToken(Petition petition, String emailCanonical, Instant expiry) {
        return secrets.sign("signature-link", petition.getId() + ":" + emailCanonical + ":" + expiry.toEpochMilli());
    }

    /** Stamps the signature with the hash of its current link and returns the link's token. */
    private String stampLink(Signature signature) {
        String token = confirmationToken(
                signature.getPetition(), signature.getEmailCanonical(), signature.getTokenExpiresAt());
        signature.linkTo(Tokens.hash(token));
        return token;
    }

    /** The petition, if it takes signatures now (and the coalition's switch does not stop all signing). */
    private Petition signablePetition(String slug) {
        Petition petition = findVisible(slug).orElseThrow(() -> new NotFoundException("petition " + slug));
        if (!isSignable(petition)) {
            throw new PetitionClosedException(slug);
        }
        return petition;
    }

    /**
     * Why this submission should be held, if it should: the form came back faster than a person types (or
     * its timer is too old or from another form), or its address (an IPv6 address's /64) sent more than the
     * burst (per minute) or the sustained (per hour) number of signatures to this petition; a partner key's
     * limits replace those. Allow-listed addresses are exempt from the rate limits, not from the timer.
     */
    private HoldReason holdReason(Petition petition, SigningSource source, Instant now) {
        SigningSource.RateLimit limit = source.partnerLimit()
                .orElseGet(() -> new SigningSource.RateLimit(limits.burstPerMinute(), limits.perHour()));
        return limits.check(
                        new FormOrigin(source.address(), source.timed(), source.timeToSubmit()),
                        limit.perMinute(),
                        limit.perHour(),
                        key -> {
                            long[] recent = store.signedFrom(petition.getId(), key, now);
                            return new PublicFormLimits.Recent(recent[1], recent[0]);
                        })
                .map(hold -> HoldReason.valueOf(hold.name()))
                .orElse(null);
    }

    /** How many of a petition's signatures are held, by reason. */
    @Transactional(TxType.SUPPORTS)
    public Map<HoldReason, Long> heldCounts(long petitionId) {
        Map<HoldReason, Long> counts = new EnumMap<>(HoldReason.class);
        for (HoldReason reason : HoldReason.values()) {
            counts.put(reason, 0L);
        }
        for (Object[] row : em.createNamedQuery("Signature.countHeldByReason", Object[].class)
                .setParameter("petitionId", petitionId)
                .getResultList()) {
            counts.put((HoldReason) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * Releases up to {@code max} held signatures of one reason, mailing each its confirmation link; the
     * caller repeats until none are left, one short transaction per batch.
     *
     * @return how many were released
     */
    public int releaseHeld(long petitionId, HoldReason reason, int max) {
        List<Signature> batch = em.createNamedQuery("Signature.findHeld", Signature.class)
                .setParameter("petitionId", petitionId)
                .setParameter("reason", reason)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setMaxResults(max)
                .getResultList();
        Instant now = clock.instant();
        for (Signature signature : batch) {
            if (signature.release(now)) {
                sendConfirmation(signature, stampLink(signature));
            }
        }
        return batch.size();
    }

    /** Deletes the held signatures of one reason; they were never counted. */
    public int discardHeld(long petitionId, HoldReason reason) {
        return em.createNamedQuery("Signature.discardHeld")
                .setParameter("petitionId", petitionId)
                .setParameter("reason", reason)
                .executeUpdate();
    }

    /** The pending signature a confirmation link names, if the link still works. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Signature> findByLink(String token) {
        return findLinked(token).filter(s -> s.isLinkUsable(clock.instant()));
    }

    /** The signature a confirmation link names, whatever became of it; empty for a link that names none. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Signature> findLinked(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return em
                .createNamedQuery("Signature.findByTokenHash", Signature.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultList()
                .stream()
                .findFirst();
    }

    /**
     * Sends the signer a new link for a signature whose link expired (asked for on the confirmation page), a
     * few times at most.
     *
     * @return whether a mail goes out
     */
    public boolean renewLink(String token) {
        Optional<Signature> found = findLinked(token);
        if (found.isEmpty()) {
            return false;
        }
        Signature signature = em.find(Signature.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        if (signature.linkState(clock.instant()) != Signature.LinkState.EXPIRED
                || !isSignable(signature.getPetition())
                || !signature.remind(clock.instant())) {
            return false;
        }
        sendConfirmation(signature, stampLink(signature));
        return true;
    }

    /**
     * Confirms the signature behind a link, once. Only a POST reaches here: a mail scanner that follows
     * the link confirms nothing.
     *
     * @return the petition, when this call confirmed the signature
     */
    public Optional<Petition> confirm(String token) {
        Optional<Signature> found = findByLink(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Signature signature = em.find(Signature.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        if (!isSignable(signature.getPetition()) || !signature.confirm(clock.instant())) {
            return Optional.empty();
        }
        if (signature.isAlertsConsent()) {
            supporters.recordConsent(
                    signature.getEmail(),
                    EmailAddresses.canonical(signature.getEmail()),
                    signature.getFirstName(),
                    signature.getLastName(),
                    signature.getPostalCode(),
                    signature.getCountry(),
                    signature.getLanguage(),
                    "petition:" + signature.getPetition().getSlug());
        }
        return Optional.of(signature.getPetition());
    }

    /**
     * A person was erased from the supporter list (in that transaction): their unconfirmed signatures go,
     * and their confirmed ones stay counted with nothing left that names or reaches them (name, address,
     * postal code, comment, source address).
     */
    void forgetSigner(@Observes SupporterForgotten forgotten) {
        store.forgetSigner(forgotten.canonicalEmail());
    }

    private void sendConfirmation(Signature signature, String token) {
        Language language = signature.getLanguage();
        Petition petition = signature.getPetition();
        String title = petition.getTitle().in(language);
        String link = config.baseUrl() + "/signature-confirm?token=" + token + "&lang=" + language.code();
        // After commit, off the request: the signer sees "check your e-mail" without waiting for SMTP.
        mailQueue.sendAfterCommit(composer.compose(
                signature.getEmail(),
                language,
                Messages.get(language, "mail.signature.subject", title),
                // No name in the greeting: whoever signs may type anything there, and this mail goes to any address.
                List.of(
                        Messages.get(language, "mail.signature.greeting"),
                        Messages.get(language, "mail.signature.body", title),
                        Messages.get(language, "mail.signature.expiry", Signature.LINK_LIFETIME.toDays())),
                Messages.get(language, "mail.signature.action"),
                link));
    }
}
