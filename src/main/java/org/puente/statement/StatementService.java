package org.puente.statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.puente.account.Account;
import org.puente.account.Caller;
import org.puente.account.ReviewMail;
import org.puente.organization.Organization;
import org.puente.organization.OrganizationService;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.security.AccessDeniedException;
import org.puente.platform.security.Role;
import org.puente.platform.web.FieldRefusedException;
import org.puente.platform.web.NotFoundException;

/**
 * Statements from draft to release, and member organizations' signatures on them. Leads (editors of the
 * lead or a co-lead organization) write drafts and submit them; staff open them (or send them back with a
 * reason, mailed to the leads in their language), close and release them. An editor signs for their own
 * organization, once, and may withdraw while sign-on is open; signing again endorses the current text.
 * Reads run without a transaction.
 */
@ApplicationScoped
@Transactional
public class StatementService {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    OrganizationService organizations;

    @Inject
    ReviewMail reviewMail;

    @Inject
    PuenteConfig config;

    @Inject
    StatementMails mails;

    @Inject
    jakarta.enterprise.event.Event<StatementsChanged> changed;

    /** The organizations the caller may lead a statement for. */
    @Transactional(TxType.SUPPORTS)
    public List<Organization> leadOptions() {
        return organizations.actedForByCaller();
    }

    /** Staff may write a statement for the coalition itself, with no member organization leading. */
    @Transactional(TxType.SUPPORTS)
    public boolean mayLeadAsCoalition() {
        return caller.isCoalitionStaff();
    }

    /** Member organizations that may co-lead. */
    @Transactional(TxType.SUPPORTS)
    public List<Organization> coleadOptions() {
        caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        return organizations.listActive();
    }

    /** The statements the caller works on: staff all of them, an editor those their organizations lead. */
    @Transactional(TxType.SUPPORTS)
    public List<Statement> listForCaller() {
        Account account = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (account.getRole() == Role.ORG_EDITOR) {
            List<Organization> own = organizations.editedBy(account);
            return own.isEmpty()
                    ? List.of()
                    : em.createNamedQuery("Statement.findByOrganizations", Statement.class)
                            .setParameter("organizations", own)
                            .getResultList();
        }
        return em.createNamedQuery("Statement.findAllNewestFirst", Statement.class)
                .setMaxResults(500)
                .getResultList();
    }

    /** Open statements the caller's organizations may sign (all open ones, for an editor). */
    @Transactional(TxType.SUPPORTS)
    public List<Statement> openForSigning() {
        caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        return em.createNamedQuery("Statement.findInStates", Statement.class)
                .setParameter("states", Set.of(StatementState.OPEN))
                .getResultList();
    }

    @Transactional(TxType.SUPPORTS)
    public Statement find(long id) {
        Statement statement = em.find(Statement.class, id);
        if (statement == null) {
            throw new NotFoundException("statement " + id);
        }
        return statement;
    }

    /** A statement the caller leads (or staff): refused to anyone else. */
    @Transactional(TxType.SUPPORTS)
    public Statement findForLeading(long id) {
        Statement statement = find(id);
        requireLead(statement);
        return statement;
    }

    /** Whether the caller may edit the statement and see its signatories' details. */
    @Transactional(TxType.SUPPORTS)
    public boolean mayLead(Statement statement) {
        Optional<Account> account = caller.account();
        return account.isPresent()
                && (caller.isCoalitionStaff()
                        || account.get().getRole() == Role.ORG_EDITOR && statement.mayBeEditedBy(account.get()));
    }

    private void requireLead(Statement statement) {
        caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (!mayLead(statement)) {
            throw new AccessDeniedException("statement " + statement.getId() + " is not led by the caller");
        }
    }

    /** A public statement by its address. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Statement> findPublic(String slug) {
        if (slug == null || slug.length() > 80) {
            return Optional.empty();
        }
        return em
                .createNamedQuery("Statement.findBySlugInStates", Statement.class)
                .setParameter("slug", slug)
                .setParameter("states", StatementState.PUBLIC)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** A public statement by its id (the API's address for it). */
    @Transactional(TxType.SUPPORTS)
    public Optional<Statement> findPublicById(long id) {
        return Optional.ofNullable(em.find(Statement.class, id)).filter(Statement::isPublic);
    }

    /** When the statement's signatures last changed: what a copy made from its signatory list is kept by. */
    @Transactional(TxType.SUPPORTS)
    public SignatureActivity signatureActivity(long statementId) {
        // Three small reads rather than one max(): an aggregate of a converted Instant reaches the converter as the
        // driver's LocalDateTime, which it cannot take.
        long rows = em.createQuery("select count(s) from Signatory s where s.statement.id = :statementId", Long.class)
                .setParameter("statementId", statementId)
                .getSingleResult();
        Instant lastSigned = em.createQuery(
                        "select s.signedAt from Signatory s where s.statement.id = :statementId "
                                + "and s.signedAt is not null order by s.signedAt desc",
                        Instant.class)
                .setParameter("statementId", statementId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
        Instant lastWithdrawn = em.createQuery(
                        "select s.withdrawnAt from Signatory s where s.statement.id = :statementId "
                                + "and s.withdrawnAt is not null order by s.withdrawnAt desc",
                        Instant.class)
                .setParameter("statementId", statementId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
        return new SignatureActivity(rows, lastSigned, lastWithdrawn);
    }

    /** The statements listed publicly, newest first. */
    @Transactional(TxType.SUPPORTS)
    public List<Statement> listed() {
        return em.createNamedQuery("Statement.findInStates", Statement.class)
                .setParameter("states", StatementState.LISTED)
                .getResultList();
    }

    /**
     * How many organizations endorse the current text of each listed statement, by statement id (the cards'
     * count: the same signatures as {@link #signatories}, individuals and earlier versions aside).
     */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, Long> countListedEndorsements() {
        Map<Long, Long> counts = new HashMap<>();
        em.createNamedQuery("Signatory.countCurrentByStatementInStates", Object[].class)
                .setParameter("individual", SignatoryKind.INDIVIDUAL)
                .setParameter("states", StatementState.LISTED)
                .getResultList()
                .forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /** The listed statements an organization signed (its signature stands), newest first: "Statements we signed". */
    @Transactional(TxType.SUPPORTS)
    public List<Statement> listSignedBy(long organizationId) {
        return em.createNamedQuery("Signatory.findStatementsByOrganizationInStates", Statement.class)
                .setParameter("organizationId", organizationId)
                .setParameter("states", StatementState.LISTED)
                .getResultList();
    }

    /**
     * A new draft led by {@code organizationId} (null: the coalition, staff only), with co-leads.
     *
     * @throws FieldRefusedException when the text does not hold together, or the address is taken
     */
    public Statement create(Long organizationId, Collection<Long> coleadIds, String slug, StatementText text) {
        Account author = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        Organization lead = lead(organizationId);
        if (!em.createNamedQuery("Statement.findBySlugInStates", Statement.class)
                .setParameter("slug", slug)
                .setParameter("states", Set.of(StatementState.values()))
                .getResultList()
                .isEmpty()) {
            throw new FieldRefusedException("slug", "statement.slug.taken");
        }
        Instant now = clock.instant();
        Statement statement = new Statement(lead, slug, author, text, now);
        statement.coledBy(coleads(coleadIds), now);
        em.persist(statement);
        return statement;
    }

    /**
     * The leads rewrite a draft, or change an open statement. A change of an open statement's preamble or
     * demands after organizations signed makes a new version: each signatory of the earlier one is mailed
     * what changed and asked to sign again, and their signature counts for the earlier text until they do.
     * Staff may mark a change editorial (a typo): no new version, no mail; it is recorded all the same.
     *
     * @return true when the change made a new version
     */
    public boolean revise(long id, Collection<Long> coleadIds, StatementText text, boolean editorial) {
        Statement statement = findForLeading(id);
        Instant now = clock.instant();
        statement.coledBy(coleads(coleadIds), now);
        if (statement.isDraft()) {
            statement.write(text, now);
            return false;
        }
        if (editorial && !caller.isCoalitionStaff()) {
            throw new AccessDeniedException("only staff mark a change editorial");
        }
        List<Demand> demandsBefore = statement.getDemands();
        var preambleBefore = statement.getPreamble();
        List<Signatory> signed = signatories(statement);
        boolean newVersion = statement.amend(text, editorial, !signed.isEmpty(), now);
        em.persist(StatementRevision.of(statement, editorial, callerId(), now));
        changed.fire(new StatementsChanged());
        if (newVersion) {
            mails.askToReconfirm(
                    statement,
                    signed,
                    DemandChanges.between(demandsBefore, statement.getDemands()),
                    !preambleBefore.equals(statement.getPreamble()));
        }
        return newVersion;
    }

    private Long callerId() {
        return caller.account().map(Account::getId).orElse(null);
    }

    /** The text's revisions since it opened, newest first: the history leads and staff see. */
    @Transactional(TxType.SUPPORTS)
    public List<StatementRevision> revisions(Statement statement) {
        return em.createNamedQuery("StatementRevision.findLatest", StatementRevision.class)
                .setParameter("statementId", statement.getId())
                .getResultList();
    }

    private Organization lead(Long organizationId) {
        if (organizationId == null) {
            if (!caller.isCoalitionStaff()) {
                throw new FieldRefusedException("organization", "statement.organization.required");
            }
            return null;
        }
        return organizations.actedForByCaller().stream()
                .filter(o -> o.getId().equals(organizationId))
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("may not lead for organization " + organizationId));
    }

    private List<Organization> coleads(Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Set<Long> wanted = new LinkedHashSet<>(ids);
        return organizations.listActive().stream()
                .filter(o -> wanted.contains(o.getId()))
                .toList();
    }

    /**
     * The leads submit a draft: staff's own open at once; a lead's goes to review and staff are told.
     *
     * @return true when it opened (or was released, without sign-on) at once
     */
    public boolean submit(long id) {
        Statement statement = findForLeading(id);
        if (caller.isCoalitionStaff()) {
            open(statement);
            return true;
        }
        statement.submitForReview(clock.instant());
        reviewMail.toReviewers(
                "mail.statementReview.submitted.subject",
                "mail.statementReview.submitted.body",
                "mail.statementReview.submitted.action",
                statement.getTitle(),
                statement.getOrganization() == null
                        ? ""
                        : statement.getOrganization().getName(),
                config.baseUrl() + "/admin/statements");
        return false;
    }

    /** Staff open a statement in review; its leads are told. */
    public void approve(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        Statement statement = find(id);
        open(statement);
        reviewMail.toEach(
                leadEditors(statement),
                "mail.statementReview.approved.subject",
                "mail.statementReview.approved.body",
                "mail.statementReview.approved.action",
                statement.getTitle(),
                null,
                config.baseUrl() + "/statements/" + statement.getSlug());
    }

    /** Opens (or, without sign-on, releases) the statement, and keeps its text as it opened. */
    private void open(Statement statement) {
        Instant now = clock.instant();
        statement.approve(now);
        em.persist(StatementRevision.of(statement, false, callerId(), now));
        changed.fire(new StatementsChanged());
    }

    /** Staff send a statement back to its leads with a reason, which they are mailed. */
    public void sendBack(long id, String reason) {
        caller.require(Role.ADMIN, Role.STAFF);
        Statement statement = find(id);
        statement.sendBack(reason, clock.instant());
        reviewMail.toEach(
                leadEditors(statement),
                "mail.statementReview.sentBack.subject",
                "mail.statementReview.sentBack.body",
                "mail.statementReview.sentBack.action",
                statement.getTitle(),
                statement.getRejectionReason(),
                config.baseUrl() + "/admin/statement?id=" + statement.getId());
    }

    /**
     * Every signature ever given, withdrawn, waiting and turned-down ones too, for the leads' and staff's record
     * and CSV (a request nobody confirmed is not a signature yet).
     */
    @Transactional(TxType.SUPPORTS)
    public List<Signatory> allSignatures(long id) {
        Statement statement = findForLeading(id);
        return em.createQuery(
                        "select s from Signatory s where s.statement = :statement and s.state <> :unconfirmed "
                                + "order by s.signedAt, s.id",
                        Signatory.class)
                .setParameter("statement", statement)
                .setParameter("unconfirmed", SignatoryState.UNCONFIRMED)
                .getResultList();
    }

    /** Where the statement was delivered, latest first (staff and the leads). */
    @Transactional(TxType.SUPPORTS)
    public List<StatementDelivery> deliveries(long id) {
        Statement statement = findForLeading(id);
        return em.createNamedQuery("StatementDelivery.findByStatement", StatementDelivery.class)
                .setParameter("statementId", statement.getId())
                .getResultList();
    }

    /** Staff or the leads record a delivery of a public statement. */
    public void recordDelivery(
            long id, String office, String person, java.time.LocalDate on, DeliveryMethod method, String notes) {
        Statement statement = findForLeading(id);
        if (!statement.isPublic()) {
            throw new IllegalStateException("statement " + id + " is not public yet");
        }
        if (office == null || office.isBlank()) {
            throw new FieldRefusedException("office", "statement.delivery.office.required");
        }
        if (on == null
                || on.isAfter(java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
                        .plusDays(1))) {
            throw new FieldRefusedException("deliveredOn", "statement.delivery.date.invalid");
        }
        em.persist(new StatementDelivery(statement, office, person, on, method, notes, callerId(), clock.instant()));
    }

    /**
     * Staff or the leads invite member organizations to sign an open statement: each one's active editors get
     * a mail in their language with the link.
     *
     * @return how many people were invited
     */
    public int invite(long id, Collection<Long> organizationIds) {
        Statement statement = findForLeading(id);
        if (!statement.takesSignatures(clock.instant())) {
            throw new StatementClosedException(statement.getSlug());
        }
        Set<Long> wanted = new LinkedHashSet<>(organizationIds);
        int invited = 0;
        for (Organization organization : organizations.listActive()) {
            if (!wanted.contains(organization.getId())) {
                continue;
            }
            List<Account> editors = organizations.editorsToMail(organization.getId());
            reviewMail.toEach(
                    editors,
                    "mail.statement.invite.subject",
                    "mail.statement.invite.body",
                    "mail.statement.invite.action",
                    statement.getTitle(),
                    organization.getName(),
                    config.baseUrl() + "/admin/statement-sign?id=" + statement.getId());
            invited += editors.size();
        }
        return invited;
    }

    /**
     * Closes sign-on of the open statements whose deadline passed (the upkeep's turn, no caller), each under
     * its row lock and checked again, so two instances close each once.
     *
     * @return how many this call closed
     */
    public int closeAtDeadline() {
        Instant now = clock.instant();
        List<Long> due = em.createQuery(
                        "select s.id from Statement s where s.state = :open and s.deadline <= :now", Long.class)
                .setParameter("open", StatementState.OPEN)
                .setParameter("now", now)
                .setMaxResults(100)
                .getResultList();
        int closed = 0;
        for (long id : due) {
            Statement statement = em.find(Statement.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (statement != null && statement.isOpen() && !statement.takesSignatures(now)) {
                statement.close(now);
                changed.fire(new StatementsChanged());
                closed++;
            }
        }
        return closed;
    }

    /**
     * Staff or the leads close sign-on by hand, under the row lock the deadline's upkeep takes too: closing one
     * that is already closed (a second click, or the deadline at the same moment) changes nothing.
     */
    public void close(long id) {
        Statement statement = locked(id);
        requireLead(statement);
        if (statement.isOpen()) {
            statement.close(clock.instant());
            changed.fire(new StatementsChanged());
        }
    }

    /** Staff release it with its final signatories (closing sign-on first), under its row lock; once is enough. */
    public void release(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        Statement statement = locked(id);
        if (statement.isOpen() || statement.isClosed()) {
            statement.release(clock.instant());
            changed.fire(new StatementsChanged());
        }
    }

    private Statement locked(long id) {
        Statement statement = em.find(Statement.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (statement == null) {
            throw new NotFoundException("statement " + id);
        }
        return statement;
    }

    /**
     * Staff or the leads archive a released statement, under its row lock: it keeps its public address and
     * leaves the lists. Archiving one already archived changes nothing (a second click, or two people at once).
     */
    public void archive(long id) {
        caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        Statement statement = em.find(Statement.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (statement == null) {
            throw new NotFoundException("statement " + id);
        }
        requireLead(statement);
        if (statement.getState() == StatementState.ARCHIVED) {
            return;
        }
        statement.archive(clock.instant());
        changed.fire(new StatementsChanged());
    }

    private List<Account> leadEditors(Statement statement) {
        List<Account> editors = new ArrayList<>();
        List<Organization> leads = new ArrayList<>(statement.getColeads());
        if (statement.getOrganization() != null) {
            leads.add(0, statement.getOrganization());
        }
        for (Organization organization : leads) {
            organizations.editorsToMail(organization.getId()).stream()
                    .filter(a -> !editors.contains(a))
                    .forEach(editors::add);
        }
        return editors;
    }

    /**
     * An editor signs for their organization, naming who signs and confirming they may: the current text,
     * once (signing again after a withdrawal revives the signature; a second signature is the same one).
     * The statement's row is locked first, so two editors of one organization signing at once make one.
     */
    public Signatory signForOrganization(
            long statementId, long organizationId, String signerName, String signerTitle, boolean mayCommit) {
        Account editor = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (signerName == null || signerName.isBlank()) {
            throw new FieldRefusedException("signerName", "statement.sign.name.required");
        }
        if (!mayCommit) {
            throw new FieldRefusedException("authority", "statement.sign.authority.required");
        }
        Organization organization = organizations.actedForByCaller().stream()
                .filter(o -> o.getId().equals(organizationId))
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("may not sign for organization " + organizationId));
        Statement statement = em.find(Statement.class, statementId, LockModeType.PESSIMISTIC_WRITE);
        if (statement == null || !statement.isPublic()) {
            throw new NotFoundException("statement " + statementId);
        }
        Instant now = clock.instant();
        if (!statement.takesSignatures(now)) {
            throw new StatementClosedException(statement.getSlug());
        }
        changed.fire(new StatementsChanged());
        Optional<Signatory> existing = memberSignature(statementId, organizationId);
        if (existing.isPresent()) {
            existing.get().sign(editor, signerName, signerTitle, now);
            return existing.get();
        }
        Signatory signatory = Signatory.member(statement, organization, editor, signerName, signerTitle, now);
        em.persist(signatory);
        return signatory;
    }

    /** An editor takes their organization's name off, while sign-on is open. */
    public void withdraw(long statementId, long organizationId) {
        caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        organizations.actedForByCaller().stream()
                .filter(o -> o.getId().equals(organizationId))
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("may not withdraw for organization " + organizationId));
        Statement statement = find(statementId);
        if (!statement.takesSignatures(clock.instant())) {
            throw new StatementClosedException(statement.getSlug());
        }
        memberSignature(statementId, organizationId).ifPresent(s -> s.withdraw(clock.instant()));
        changed.fire(new StatementsChanged());
    }

    /** The caller's organization's signature on the statement, if it stands. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Signatory> memberSignature(long statementId, long organizationId) {
        return em
                .createNamedQuery("Signatory.findByStatementAndOrganization", Signatory.class)
                .setParameter("statementId", statementId)
                .setParameter("organizationId", organizationId)
                .getResultList()
                .stream()
                .findFirst();
    }

    /**
     * The signatories that stand, as the public page lists them: the lead and co-leads first, then the rest
     * A to Z as a Spanish reader expects (accents and ñ in their place, case ignored).
     */
    @Transactional(TxType.SUPPORTS)
    public List<Signatory> signatories(Statement statement) {
        List<Signatory> signed = em.createNamedQuery("Signatory.findSigned", Signatory.class)
                .setParameter("statementId", statement.getId())
                .getResultList();
        return ordered(statement, signed);
    }

    static List<Signatory> ordered(Statement statement, List<Signatory> signed) {
        Collator spanish = Collator.getInstance(Locale.forLanguageTag("es"));
        spanish.setStrength(Collator.SECONDARY);
        return signed.stream()
                .sorted(Comparator.<Signatory, Boolean>comparing(s -> !statement.isLedBy(s.getOrganization()))
                        .thenComparing(Signatory::getOrganizationName, spanish))
                .toList();
    }
}
