package org.puente.statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.puente.account.Account;
import org.puente.account.Caller;
import org.puente.organization.Organization;
import org.puente.organization.OrganizationService;
import org.puente.platform.security.FormOrigin;
import org.puente.platform.security.PublicFormLimits;
import org.puente.platform.security.Role;
import org.puente.platform.security.Tokens;
import org.puente.platform.web.FieldRefusedException;
import org.puente.platform.web.NotFoundException;

/**
 * Signing on through the public form: an organization outside the coalition (confirmed by e-mail, then
 * verified by staff before it is listed) or, where the lead allows it, a person. One signature per
 * organization per statement: the same normalized name in the same country is the same organization, and a
 * second submission for it gets the same answer as the first (the mails say what happened, to the address
 * that asked). A name that is a member organization's is pointed to the members' way of signing. Possible
 * duplicates the key cannot catch (the same organization's e-mail domain or website under another name,
 * the same name in another country) are flagged to staff when they verify.
 *
 * <p>Every change happens under the statement's row lock, like the members' signatures, so two submissions
 * for one organization at once make one row.
 */
@ApplicationScoped
@Transactional
public class SignOnService {

    private static final Logger LOG = Logger.getLogger(SignOnService.class.getName());

    /** How long a confirmation link works; a later one replaces it. */
    static final Duration LINK_LIFETIME = Duration.ofDays(3);

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    OrganizationService organizations;

    @Inject
    PublicFormLimits limits;

    @Inject
    SignOnMails mails;

    @Inject
    jakarta.enterprise.event.Event<StatementsChanged> changed;

    /**
     * Takes a submission of the public form. A held one (too fast, too many from one address) is dropped
     * with the same answer; nothing is mailed for it.
     *
     * @param individual whether a person signs for themselves rather than for an organization
     * @throws StatementClosedException when the statement takes no signatures now (or no individual ones)
     * @throws FieldRefusedException    for an organization's name or authority missing
     */
    public void submit(String slug, @Valid SignOnForm form, boolean individual, FormOrigin origin) {
        Statement statement = em.createNamedQuery("Statement.findBySlug", Statement.class)
                .setParameter("slug", slug)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .filter(Statement::isPublic)
                .orElseThrow(() -> new NotFoundException("statement " + slug));
        Instant now = clock.instant();
        if (!statement.takesSignatures(now) || individual && !statement.isIndividuals()) {
            throw new StatementClosedException(slug);
        }
        if (!individual) {
            if (form.getOrganizationName() == null || form.getOrganizationName().isBlank()) {
                throw new FieldRefusedException("organizationName", "statement.signOn.organization.required");
            }
            if (!form.isAuthority()) {
                throw new FieldRefusedException("authority", "statement.sign.authority.required");
            }
        }
        Optional<PublicFormLimits.Hold> hold = limits.check(origin, key -> recent(statement, key, now));
        if (hold.isPresent()) {
            LOG.info(() -> "Sign-on to statement " + statement.getId() + " held: " + hold.get());
            return;
        }
        SignatoryKind kind = individual ? SignatoryKind.INDIVIDUAL : SignatoryKind.OUTSIDE;
        String limitKey = origin.address() == null ? null : limits.limitKey(origin.address());
        if (!individual) {
            Optional<Organization> member = memberNamed(form);
            if (member.isPresent()) {
                mails.memberSignsFromDashboard(statement, form, member.get());
                return;
            }
        }
        String nameKey =
                individual ? Signatory.individualKey(form.getEmail()) : Signatory.keyOf(form.getOrganizationName());
        Optional<Signatory> existing = em.createNamedQuery("Signatory.findByStatementAndName", Signatory.class)
                .setParameter("statementId", statement.getId())
                .setParameter("nameKey", nameKey)
                .setParameter("country", form.getCountry())
                .getResultStream()
                .findFirst();
        String token = Tokens.generate();
        Instant expiry = now.plus(LINK_LIFETIME);
        if (existing.isEmpty()) {
            Signatory signatory = Signatory.requested(statement, kind, form, Tokens.hash(token), expiry, limitKey, now);
            em.persist(signatory);
            mails.confirmLink(signatory, token);
        } else if (existing.get().getState() == SignatoryState.UNCONFIRMED
                || existing.get().getState() == SignatoryState.REJECTED) {
            // Only the confirmation counts: the newest request replaces one nobody confirmed (or staff turned down).
            existing.get().request(form, Tokens.hash(token), expiry, limitKey, now);
            mails.confirmLink(existing.get(), token);
        } else {
            mails.alreadyRecorded(statement, form, existing.get());
        }
    }

    /** Submissions from one address (its limit key) to this statement lately, for the form's limits. */
    private PublicFormLimits.Recent recent(Statement statement, String key, Instant now) {
        return new PublicFormLimits.Recent(
                countFrom(statement, key, now.minus(Duration.ofMinutes(1))),
                countFrom(statement, key, now.minus(Duration.ofHours(1))));
    }

    private long countFrom(Statement statement, String key, Instant since) {
        return em.createQuery(
                        "select count(s) from Signatory s where s.statement.id = :statementId "
                                + "and s.limitKey = :key and s.createdAt > :since",
                        Long.class)
                .setParameter("statementId", statement.getId())
                .setParameter("key", key)
                .setParameter("since", since)
                .getSingleResult();
    }

    private Optional<Organization> memberNamed(SignOnForm form) {
        String key = Signatory.keyOf(form.getOrganizationName());
        return organizations.listActive().stream()
                .filter(o -> key.equals(Signatory.keyOf(o.getName())))
                .filter(o -> o.getCountry() == null || o.getCountry().equals(form.getCountry()))
                .findFirst();
    }

    /** What a confirmation link names, for its page. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Signatory> findLinked(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return em.createNamedQuery("Signatory.findByTokenHash", Signatory.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultStream()
                .findFirst();
    }

    /**
     * The signer confirms from the link (by POST: a mail scanner following it confirms nothing). An outside
     * organization's signature then waits for staff; a person's stands; a signature of an earlier version
     * endorses the current text.
     *
     * @return the signature as it now stands, or nothing when the link is unknown, expired or turned down
     * @throws StatementClosedException when sign-on has closed meanwhile
     */
    public Optional<Signatory> confirm(String token) {
        Optional<Signatory> linked = findLinked(token);
        if (linked.isEmpty()) {
            return Optional.empty();
        }
        Statement statement =
                em.find(Statement.class, linked.get().getStatement().getId(), LockModeType.PESSIMISTIC_WRITE);
        Signatory signatory = em.find(Signatory.class, linked.get().getId());
        em.refresh(signatory);
        Instant now = clock.instant();
        boolean pending = signatory.getState() == SignatoryState.UNCONFIRMED
                || signatory.isSigned() && !signatory.endorsesCurrentText();
        if (!pending) {
            // Pressed twice, or opened again: it stands as it stood.
            return Optional.of(signatory).filter(s -> s.isSigned() || s.getState() == SignatoryState.UNVERIFIED);
        }
        if (!signatory.linkUsable(now)) {
            return Optional.empty();
        }
        if (!statement.takesSignatures(now)) {
            throw new StatementClosedException(statement.getSlug());
        }
        if (signatory.getState() == SignatoryState.UNCONFIRMED) {
            signatory.confirmEmail(now);
        } else {
            signatory.reconfirm(now);
        }
        changed.fire(new StatementsChanged());
        return Optional.of(signatory);
    }

    /** Outside organizations' confirmed signatures waiting for staff, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public List<Signatory> toVerify(long statementId) {
        caller.require(Role.ADMIN, Role.STAFF);
        return em.createQuery(
                        "select s from Signatory s where s.statement.id = :statementId and s.state = :state "
                                + "order by s.confirmedAt, s.id",
                        Signatory.class)
                .setParameter("statementId", statementId)
                .setParameter("state", SignatoryState.UNVERIFIED)
                .getResultList();
    }

    /** How many confirmed signatures wait for staff on each statement that has any. */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, Long> waitingCounts() {
        Map<Long, Long> counts = new LinkedHashMap<>();
        for (Object[] row : em.createQuery(
                        "select s.statement.id, count(s) from Signatory s where s.state = :state group by s.statement.id",
                        Object[].class)
                .setParameter("state", SignatoryState.UNVERIFIED)
                .getResultList()) {
            counts.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * For each of the signatures waiting for staff ({@link #toVerify}), the other signatures on the statement (and member organizations)
     * that may be the same organization: the same organization e-mail domain or website, or the same name in
     * another country.
     */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, List<String>> possibleDuplicates(long statementId, List<Signatory> waiting) {
        caller.require(Role.ADMIN, Role.STAFF);
        List<Signatory> others = em.createQuery(
                        "select s from Signatory s where s.statement.id = :statementId and s.state in :states",
                        Signatory.class)
                .setParameter("statementId", statementId)
                .setParameter(
                        "states", List.of(SignatoryState.UNVERIFIED, SignatoryState.SIGNED, SignatoryState.WITHDRAWN))
                .getResultList();
        List<Organization> members = organizations.listActive();
        Map<Long, List<String>> flagged = new LinkedHashMap<>();
        for (Signatory candidate : waiting) {
            List<String> alike = new ArrayList<>();
            for (Signatory other : others) {
                if (!other.getId().equals(candidate.getId())
                        && other.getKind() != SignatoryKind.INDIVIDUAL
                        && alike(candidate, other.getNameKey(), other.getEmailDomain(), other.getWebsite())) {
                    alike.add(other.getOrganizationName() + placeOf(other.getCountry()));
                }
            }
            for (Organization member : members) {
                if (alike(candidate, Signatory.keyOf(member.getName()), null, member.getWebsite())
                        && alike.stream().noneMatch(a -> a.startsWith(member.getName()))) {
                    alike.add(member.getName() + placeOf(member.getCountry()));
                }
            }
            if (!alike.isEmpty()) {
                flagged.put(candidate.getId(), alike);
            }
        }
        return flagged;
    }

    private static String placeOf(String country) {
        return country == null ? "" : " (" + country + ")";
    }

    private static boolean alike(Signatory candidate, String nameKey, String emailDomain, String website) {
        return candidate.getNameKey().equals(nameKey)
                || candidate.getEmailDomain() != null
                        && candidate.getEmailDomain().equals(emailDomain)
                || host(candidate.getWebsite())
                        .filter(h -> h.equals(host(website).orElse(null)))
                        .isPresent()
                || candidate.getEmailDomain() != null
                        && host(website)
                                .filter(h -> h.equals(candidate.getEmailDomain()))
                                .isPresent();
    }

    /** A website's host without "www.", lower case. */
    static Optional<String> host(String website) {
        if (website == null) {
            return Optional.empty();
        }
        try {
            String host = URI.create(website.strip()).getHost();
            return Optional.ofNullable(host)
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .map(h -> h.startsWith("www.") ? h.substring(4) : h);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Staff verified that the organization is real and the signer speaks for it: listed from now, signer told.
     *
     * @return false when it was no longer waiting (another staff member decided first)
     */
    public boolean verify(long signatoryId) {
        Account staff = caller.require(Role.ADMIN, Role.STAFF);
        Optional<Signatory> signatory = waiting(signatoryId);
        signatory.ifPresent(s -> {
            s.verify(staff.getId(), clock.instant());
            mails.verified(s);
            changed.fire(new StatementsChanged());
        });
        return signatory.isPresent();
    }

    /**
     * Staff turn a signature down, with the reason the signer is told in their language.
     *
     * @return false when it was no longer waiting
     */
    public boolean reject(long signatoryId, String reason) {
        Account staff = caller.require(Role.ADMIN, Role.STAFF);
        if (reason == null || reason.isBlank()) {
            throw new FieldRefusedException("reason", "admin.signOn.reason.required");
        }
        if (reason.strip().length() > 1000) {
            throw new FieldRefusedException("reason", "admin.signOn.reason.tooLong");
        }
        Optional<Signatory> signatory = waiting(signatoryId);
        signatory.ifPresent(s -> {
            s.reject(staff.getId(), reason.strip(), clock.instant());
            mails.rejected(s);
        });
        return signatory.isPresent();
    }

    /**
     * A signature still waiting for staff, under its statement's lock: of two staff members acting on it at
     * once, the second finds it decided.
     */
    private Optional<Signatory> waiting(long signatoryId) {
        Signatory found = em.find(Signatory.class, signatoryId);
        if (found == null) {
            throw new NotFoundException("signatory " + signatoryId);
        }
        em.find(Statement.class, found.getStatement().getId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(found);
        return Optional.of(found).filter(s -> s.getState() == SignatoryState.UNVERIFIED);
    }

    /**
     * Requests nobody confirmed before their link expired are deleted (they hold an e-mail address and a
     * name for nothing); the upkeep calls this.
     *
     * @return how many were deleted
     */
    public int forgetUnconfirmed() {
        return em.createQuery("delete from Signatory s where s.state = :state and s.tokenExpiresAt < :now")
                .setParameter("state", SignatoryState.UNCONFIRMED)
                .setParameter("now", clock.instant())
                .executeUpdate();
    }

    /** How long after its release a statement's signers' contact addresses are kept, for staff's questions. */
    static final Duration CONTACTS_KEPT = Duration.ofDays(30);

    /**
     * The contact addresses of those who signed through the public form are needed while the statement takes
     * signatures (links, re-confirmation) and for staff's questions after; a month after its release they are
     * erased (the signature itself stays, it is public). The upkeep calls this.
     *
     * @return how many signatures lost their address
     */
    public int forgetContacts() {
        return em.createQuery("update Signatory s set s.email = null, s.emailDomain = null, s.tokenHash = null, "
                        + "s.tokenExpiresAt = null where s.email is not null and s.statement.id in "
                        + "(select st.id from Statement st where st.releasedAt < :before)")
                .setParameter("before", clock.instant().minus(CONTACTS_KEPT))
                .executeUpdate();
    }
}
