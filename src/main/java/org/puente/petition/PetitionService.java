package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.puente.account.Account;
import org.puente.account.Caller;
import org.puente.organization.Organization;
import org.puente.platform.security.AccessDeniedException;
import org.puente.platform.security.Role;
import org.puente.platform.web.NotFoundException;

/**
 * Writing and moderating petitions. Editors write for their own organizations; coalition staff and
 * admins write for any, and they alone approve (open), reject with a reason, or close.
 */
@ApplicationScoped
@Transactional
public class PetitionService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    /** The petitions the caller may work on: all for coalition staff, their organizations' for editors. */
    public List<Petition> listForCaller() {
        Account account = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (account.getRole() == Role.ORG_EDITOR) {
            List<Organization> own = List.copyOf(em.find(Account.class, account.getId()).getOrganizations());
            return own.isEmpty() ? List.of() : em.createNamedQuery("Petition.findByOrganizations", Petition.class)
                    .setParameter("organizations", own).getResultList();
        }
        return em.createNamedQuery("Petition.findAllNewestFirst", Petition.class).getResultList();
    }

    /** The organizations the caller may write petitions for. */
    public List<Organization> organizationsForCaller() {
        Account account = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (account.getRole() == Role.ORG_EDITOR) {
            return em.find(Account.class, account.getId()).getOrganizations().stream().filter(Organization::isActive)
                    .sorted(java.util.Comparator.comparing(Organization::getName)).toList();
        }
        return em.createNamedQuery("Organization.findActiveOrderedByName", Organization.class).getResultList();
    }

    public Petition findForAuthoring(long id) {
        Petition petition = find(id);
        requireAuthorOf(petition.getOrganization());
        return petition;
    }

    public Petition create(@Valid PetitionForm form) {
        Organization organization = em.find(Organization.class, form.getOrganizationId());
        if (organization == null || !organization.isActive()) {
            throw new NotFoundException("organization " + form.getOrganizationId());
        }
        requireAuthorOf(organization);
        Petition petition = new Petition(organization, uniqueSlug(form), form.title(), form.summary(), form.text(),
                form.getTarget(), form.getGoal(), form.getEndDate(), Instant.now());
        em.persist(petition);
        return petition;
    }

    public Petition revise(long id, @Valid PetitionForm form) {
        Petition petition = findForAuthoring(id);
        petition.revise(form.title(), form.summary(), form.text(), form.getTarget(), form.getGoal(),
                form.getEndDate(), Instant.now());
        return petition;
    }

    /** Confirmed signatures for delivering the petition: coalition staff and the sponsoring organization's editors. */
    public List<Signature> confirmedSignatures(long id) {
        Petition petition = findForAuthoring(id);
        return em.createNamedQuery("Signature.findConfirmedByPetition", Signature.class)
                .setParameter("petitionId", petition.getId()).getResultList();
    }

    /** Signers' e-mail addresses are for coalition staff only. */
    public boolean callerSeesEmails() {
        return caller.isCoalitionStaff();
    }

    public void submit(long id) {
        findForAuthoring(id).submitForReview(Instant.now());
    }

    public void approve(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        find(id).approve(Instant.now());
    }

    public void reject(long id, String reason) {
        caller.require(Role.ADMIN, Role.STAFF);
        find(id).reject(reason, Instant.now());
    }

    public void close(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        find(id).close(Instant.now());
    }

    public void pauseSigning(long id, boolean paused) {
        caller.require(Role.ADMIN, Role.STAFF);
        Petition petition = find(id);
        if (paused) {
            petition.pauseSigning(Instant.now());
        } else {
            petition.resumeSigning(Instant.now());
        }
    }

    /** The emergency switch for every petition at once. */
    public void pauseAllSigning(boolean paused) {
        caller.require(Role.ADMIN, Role.STAFF);
        em.find(org.puente.organization.Coalition.class, org.puente.organization.Coalition.ID)
                .pauseAllSigning(paused, Instant.now());
    }

    public boolean isAllSigningPaused() {
        org.puente.organization.Coalition coalition = em.find(org.puente.organization.Coalition.class,
                org.puente.organization.Coalition.ID);
        return coalition != null && coalition.isSigningPaused();
    }

    private void requireAuthorOf(Organization organization) {
        Account account = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (account.getRole() == Role.ORG_EDITOR && !account.mayEdit(organization)) {
            throw new AccessDeniedException("account " + account.getId() + " may not write for organization "
                    + organization.getId());
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
        String base = Organization.slugOf(form.title().in(org.puente.platform.i18n.Language.EN));
        String slug = base;
        for (int n = 2; em.createNamedQuery("Petition.countBySlug", Long.class).setParameter("slug", slug)
                .getSingleResult() > 0; n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
