package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.puente.account.Account;
import org.puente.account.Caller;
import org.puente.organization.CoalitionService;
import org.puente.organization.Editors;
import org.puente.organization.Organization;
import org.puente.organization.OrganizationService;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.security.AccessDeniedException;
import org.puente.platform.security.Role;
import org.puente.platform.web.NotFoundException;

/**
 * Writing and moderating petitions. Editors write for their own organizations; coalition staff and
 * admins write for any, and they alone approve (open) or reject with a reason. Once a petition is open,
 * its authors may still fix a typo (kept in its history) and close it.
 */
@ApplicationScoped
@Transactional
public class PetitionService {

    static final int DELIVERY_BATCH = 1000;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    SignatureService signatures;

    @Inject
    OrganizationService organizations;

    @Inject
    Editors editors;

    @Inject
    CoalitionService coalition;

    @Inject
    Event<PetitionsChanged> changed;

    @Inject
    ReviewNotices notices;

    /** The petitions the caller may work on: all for coalition staff, their organizations' for editors. */
    @Transactional(TxType.SUPPORTS)
    public List<Petition> listForCaller() {
        Account account = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (account.getRole() == Role.ORG_EDITOR) {
            List<Organization> own = organizations.editedBy(account);
            return own.isEmpty()
                    ? List.of()
                    : em.createNamedQuery("Petition.findByOrganizations", Petition.class)
                            .setParameter("organizations", own)
                            .getResultList();
        }
        return em.createNamedQuery("Petition.findAllNewestFirst", Petition.class)
                .getResultList();
    }

    /** The organizations the caller may write petitions for. */
    @Transactional(TxType.SUPPORTS)
    public List<Organization> organizationsForCaller() {
        return organizations.actedForByCaller();
    }

    @Transactional(TxType.SUPPORTS)
    public Petition findForAuthoring(long id) {
        Petition petition = find(id);
        requireAuthorOf(petition.getOrganization());
        return petition;
    }

    public Petition create(@Valid PetitionForm form) {
        Organization organization = organizations
                .findActive(form.getOrganizationId())
                .orElseThrow(() -> new NotFoundException("organization " + form.getOrganizationId()));
        requireAuthorOf(organization);
        Instant now = clock.instant();
        String slug = form.requestedSlug().isEmpty() ? uniqueSlug(form) : available(form.requestedSlug(), null);
        Petition petition = new Petition(
                organization,
                slug,
                form.title(),
                form.summary(),
                form.text(),
                form.target(),
                form.getGoal(),
                form.getEndDate(),
                now);
        petition.cosponsoredBy(cosponsors(form), now);
        petition.describeImage(form.imageAlt());
        em.persist(petition);
        return petition;
    }

    /**
     * @throws SlugTakenException when the requested address belongs to another petition (nothing is changed)
     */
    public Petition revise(long id, @Valid PetitionForm form) {
        Petition petition = findForAuthoring(id);
        Instant now = clock.instant();
        if (!form.requestedSlug().isEmpty() && !form.requestedSlug().equals(petition.getSlug())) {
            petition.rename(available(form.requestedSlug(), petition), now);
        }
        petition.revise(
                form.title(), form.summary(), form.text(), form.target(), form.getGoal(), form.getEndDate(), now);
        petition.cosponsoredBy(cosponsors(form), now);
        petition.describeImage(form.imageAlt());
        return petition;
    }

    /** Active member organizations named as co-sponsors; unknown or inactive ids are ignored. */
    private List<Organization> cosponsors(PetitionForm form) {
        return form.getCosponsorIds().stream()
                .distinct()
                .limit(50)
                .map(organizations::findActive)
                .flatMap(Optional::stream)
                .toList();
    }

    private String available(String slug, Petition self) {
        List<Petition> holders = em.createNamedQuery("Petition.findBySlug", Petition.class)
                .setParameter("slug", slug)
                .getResultList();
        if (holders.stream().anyMatch(p -> !p.equals(self))) {
            throw new SlugTakenException(slug);
        }
        return slug;
    }

    /**
     * Creates or revises a petition with its picture in one transaction: all of it is saved, or nothing.
     *
     * @param id           the petition, or null for a new one
     * @param image        a new picture (an accepted image, {@link PetitionImage}), or null to keep the current one
     * @param removeImage  whether to drop the current picture when no new one is given
     */
    public Petition save(Long id, @Valid PetitionForm form, byte[] image, boolean removeImage) {
        Petition petition = id == null ? create(form) : revise(id, form);
        em.flush();
        PetitionImage current = em.find(PetitionImage.class, petition.getId());
        Instant now = clock.instant();
        if (image != null && current == null) {
            em.persist(new PetitionImage(petition.getId(), image, now));
            petition.imageChanged(now);
        } else if (image != null) {
            current.replace(image, now);
            petition.imageChanged(now);
        } else if (removeImage && current != null) {
            em.remove(current);
            petition.imageChanged(null);
        }
        return petition;
    }

    /** Any active member organization may be named as a co-sponsor (staff check them when they approve). */
    @Transactional(TxType.SUPPORTS)
    public List<Organization> cosponsorOptions() {
        caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        return organizations.listActive();
    }

    /** A picture anyone may see (its petition is public), or its authors while they write. */
    @Transactional(TxType.SUPPORTS)
    public Optional<PetitionImage> image(long id) {
        Petition petition = em.find(Petition.class, id);
        if (petition == null || !(petition.isVisible() || mayAuthor(petition))) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(PetitionImage.class, id));
    }

    @Transactional(TxType.SUPPORTS)
    public boolean isPublic(long id) {
        Petition petition = em.find(Petition.class, id);
        return petition != null && petition.isVisible();
    }

    private boolean mayAuthor(Petition petition) {
        return caller.isCoalitionStaff() || editors.mayEdit(petition.getOrganization());
    }

    /**
     * Confirmed signatures for delivering the petition (coalition staff and the sponsoring organization's
     * editors), a batch of at most {@value #DELIVERY_BATCH} at a time in the order they were given: those after
     * the signature {@code afterId} (0 for the first). The CSV and the printable delivery stream them batch by
     * batch, so 100,000 signers never sit in memory; the index on (petition, state) serves each batch.
     */
    @Transactional(TxType.SUPPORTS)
    public List<Signature> confirmedSignatures(long id, long afterId) {
        Petition petition = findForAuthoring(id);
        return em.createNamedQuery("Signature.findConfirmedByPetitionAfter", Signature.class)
                .setParameter("petitionId", petition.getId())
                .setParameter("after", afterId)
                .setMaxResults(DELIVERY_BATCH)
                .getResultList();
    }

    /** Signers' e-mail addresses are for coalition staff only. */
    @Transactional(TxType.SUPPORTS)
    public boolean callerSeesEmails() {
        return caller.isCoalitionStaff();
    }

    /** The authors hand a draft to the coalition staff, who are mailed that it waits for them. */
    public void submit(long id) {
        Petition petition = findForAuthoring(id);
        petition.submitForReview(clock.instant());
        notices.submitted(petition);
    }

    /** Staff open a petition in review; its organization's editors are mailed. */
    public void approve(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        Petition petition = find(id);
        petition.approve(clock.instant());
        changed.fire(new PetitionsChanged());
        notices.approved(petition);
    }

    /** Staff send a petition back with a reason; its organization's editors are mailed the reason. */
    public void reject(long id, String reason) {
        caller.require(Role.ADMIN, Role.STAFF);
        Petition petition = find(id);
        petition.reject(reason, clock.instant());
        notices.sentBack(petition);
    }

    /** Staff, or the sponsoring organization's editors, stop an open petition from taking signatures. */
    public void close(long id) {
        findForAuthoring(id).close(clock.instant());
        changed.fire(new PetitionsChanged());
    }

    /** Petitions waiting for the coalition staff's review, the longest waiting first (staff only). */
    @Transactional(TxType.SUPPORTS)
    public List<Petition> awaitingReview() {
        caller.require(Role.ADMIN, Role.STAFF);
        return em.createNamedQuery("Petition.findInReview", Petition.class).getResultList();
    }

    /**
     * Its authors fix a typo in an open petition; the correction is kept in the petition's history.
     *
     * @throws CorrectionRefusedException when it is no small fix (nothing is changed)
     */
    public Petition.Correction correct(long id, LocalizedText title, LocalizedText summary, LocalizedText text) {
        Petition petition = findForAuthoring(id);
        Account account = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        Instant now = clock.instant();
        Petition.Correction correction = petition.correct(title, summary, text, now);
        em.persist(new PetitionCorrection(petition, account.getId(), account.getDisplayName(), correction, now));
        changed.fire(new PetitionsChanged());
        return correction;
    }

    /** The corrections of a petition since it opened, newest first (for its authors and staff). */
    @Transactional(TxType.SUPPORTS)
    public List<PetitionCorrection> corrections(long id) {
        Petition petition = findForAuthoring(id);
        return em.createNamedQuery("PetitionCorrection.findByPetition", PetitionCorrection.class)
                .setParameter("petitionId", petition.getId())
                .getResultList();
    }

    /** A closed petition leaves the public site; its authors keep its signatures for delivery. */
    public void archive(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        find(id).archive(clock.instant());
        changed.fire(new PetitionsChanged());
    }

    public void pauseSigning(long id, boolean paused) {
        caller.require(Role.ADMIN, Role.STAFF);
        Petition petition = find(id);
        if (paused) {
            petition.pauseSigning(clock.instant());
        } else {
            petition.resumeSigning(clock.instant());
        }
        changed.fire(new PetitionsChanged());
    }

    /** The emergency switch for every petition at once. */
    public void pauseAllSigning(boolean paused) {
        coalition.pauseAllSigning(paused);
        changed.fire(new PetitionsChanged());
    }

    @Transactional(TxType.SUPPORTS)
    public boolean isAllSigningPaused() {
        return signatures.isAllSigningPaused();
    }

    private void requireAuthorOf(Organization organization) {
        Account account = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (account.getRole() == Role.ORG_EDITOR && !organization.mayBeEditedBy(account)) {
            throw new AccessDeniedException(
                    "account " + account.getId() + " may not write for organization " + organization.getId());
        }
    }

    private Petition find(long id) {
        Petition petition = em.find(Petition.class, id);
        if (petition == null) {
            throw new NotFoundException("petition " + id);
        }
        return petition;
    }

    private String uniqueSlug(PetitionForm form) {
        String base = Organization.slugOf(form.title().in(Language.EN));
        String slug = base;
        for (int n = 2;
                em.createNamedQuery("Petition.countBySlug", Long.class)
                                .setParameter("slug", slug)
                                .getSingleResult()
                        > 0;
                n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
