package org.puente.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.puente.account.Account;
import org.puente.account.AccountService;
import org.puente.account.Caller;
import org.puente.account.SecurityLog;
import org.puente.platform.security.Role;
import org.puente.platform.web.NotFoundException;

/**
 * Member organizations: the public directory, and the changes admins and each organization's own
 * editors make. Every change checks the caller here, not only in the page.
 */
@ApplicationScoped
@Transactional
public class OrganizationService {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Editors editors;

    @Inject
    AccountService accounts;

    @Transactional(TxType.SUPPORTS)
    public List<Organization> listActive() {
        return em.createNamedQuery("Organization.findActiveOrderedByName", Organization.class)
                .getResultList();
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Organization> findActiveBySlug(String slug) {
        if (slug == null || slug.length() > 80) {
            return Optional.empty();
        }
        return em
                .createNamedQuery("Organization.findActiveBySlug", Organization.class)
                .setParameter("slug", slug)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** An active member organization, for another feature to refer to (a petition's sponsor, say). */
    @Transactional(TxType.SUPPORTS)
    public Optional<Organization> findActive(long id) {
        return Optional.ofNullable(em.find(Organization.class, id)).filter(Organization::isActive);
    }

    /** The organizations a person acts for, by name, active or not. */
    @Transactional(TxType.SUPPORTS)
    public List<Organization> editedBy(Account account) {
        return em.createNamedQuery("Organization.findEditedBy", Organization.class)
                .setParameter("accountId", account.getId())
                .getResultList();
    }

    /**
     * The active organizations the caller may act for when writing a petition, an event or a statement:
     * an editor's own, or any for staff.
     */
    @Transactional(TxType.SUPPORTS)
    public List<Organization> actedForByCaller() {
        Account account = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (account.getRole() == Role.ORG_EDITOR) {
            return editedBy(account).stream().filter(Organization::isActive).toList();
        }
        return listActive();
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<OrganizationLogo> logo(long organizationId) {
        return Optional.ofNullable(em.find(OrganizationLogo.class, organizationId));
    }

    /** Which organizations have a logo, in one query for a page of cards (without reading the pictures). */
    @Transactional(TxType.SUPPORTS)
    public Set<Long> idsWithLogo() {
        return Set.copyOf(em.createNamedQuery("OrganizationLogo.findOrganizationIds", Long.class)
                .getResultList());
    }

    /** The organizations the caller may see in the admin area: all for coalition staff, their own for editors. */
    @Transactional(TxType.SUPPORTS)
    public List<Organization> listForCaller() {
        Account account = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (account.getRole() == Role.ORG_EDITOR) {
            return editedBy(account);
        }
        return em.createNamedQuery("Organization.findAllOrderedByName", Organization.class)
                .getResultList();
    }

    @Transactional(TxType.SUPPORTS)
    public Organization findForEditing(long id) {
        Organization organization = find(id);
        editors.requireEditorOf(organization);
        return organization;
    }

    /** For coalition staff, or the organization's own editors, inviting and listing its editors. */
    @Transactional(TxType.SUPPORTS)
    public Organization findForManagingEditors(long id) {
        Organization organization = find(id);
        editors.requireManagerOfEditors(organization);
        return organization;
    }

    @Transactional(TxType.SUPPORTS)
    public void requireMayCreate() {
        caller.require(Role.ADMIN);
    }

    /** A new organization and, when given, its logo: both saved, or neither. */
    public Organization create(@Valid OrganizationProfile profile, byte[] logo) {
        caller.require(Role.ADMIN);
        requireUniqueName(profile.getName(), -1L);
        Organization organization = new Organization(uniqueSlug(profile.getName()), profile, clock.instant());
        em.persist(organization);
        if (logo != null) {
            em.flush();
            setLogo(organization.getId(), logo);
        }
        return organization;
    }

    /** The profile and the logo's change (a new one, or removing it, or neither), in one transaction. */
    public Organization update(long id, @Valid OrganizationProfile profile, byte[] logo, boolean removeLogo) {
        Organization organization = find(id);
        editors.requireEditorOf(organization);
        requireUniqueName(profile.getName(), id);
        organization.update(profile, clock.instant());
        if (logo != null) {
            setLogo(id, logo);
        } else if (removeLogo) {
            OrganizationLogo old = em.find(OrganizationLogo.class, id);
            if (old != null) {
                em.remove(old);
            }
        }
        return organization;
    }

    private void setLogo(long id, byte[] content) {
        if (OrganizationLogo.detectType(content).isEmpty()) {
            throw new InvalidLogoException();
        }
        OrganizationLogo logo = em.find(OrganizationLogo.class, id);
        if (logo == null) {
            em.persist(new OrganizationLogo(id, content, clock.instant()));
        } else {
            logo.replace(content, clock.instant());
        }
    }

    public void deactivate(long id) {
        caller.require(Role.ADMIN);
        find(id).deactivate(clock.instant());
    }

    public void reactivate(long id) {
        caller.require(Role.ADMIN);
        find(id).reactivate(clock.instant());
    }

    /** Coalition staff trust an organization to publish its events without their review (or stop). */
    public void trustWithEvents(long id, boolean trusted) {
        caller.require(Role.ADMIN, Role.STAFF);
        find(id).trustWithEvents(trusted, clock.instant());
    }

    /**
     * The organization's active editors, for a mail another feature sends them (an invitation to sign, a
     * review's outcome): no caller check, because their addresses go only to the mail, never to the caller.
     */
    @Transactional(TxType.SUPPORTS)
    public List<Account> editorsToMail(long organizationId) {
        return em
                .createNamedQuery("Organization.findEditorsOf", Account.class)
                .setParameter("organizationId", organizationId)
                .getResultList()
                .stream()
                .filter(Account::isActive)
                .toList();
    }

    @Transactional(TxType.SUPPORTS)
    public List<Account> editorsOf(long organizationId) {
        editors.requireManagerOfEditors(find(organizationId));
        return em.createNamedQuery("Organization.findEditorsOf", Account.class)
                .setParameter("organizationId", organizationId)
                .getResultList();
    }

    /**
     * Coalition staff withdraw a person's access to an organization, even its last editor's: the coalition
     * can always invite someone again, and a person who left must lose access at once. Editors do not remove
     * each other (a dispute inside an organization is for the coalition to settle).
     */
    public void removeEditor(long organizationId, long accountId) {
        Account admin = caller.require(Role.ADMIN, Role.STAFF);
        Organization organization = find(organizationId);
        Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("account " + accountId));
        organization.removeEditor(account);
        SecurityLog.accessChanged(
                account, "no longer acts for organization " + organizationId, admin, caller.address());
    }

    private Organization find(long id) {
        Organization organization = em.find(Organization.class, id);
        if (organization == null) {
            throw new NotFoundException("organization " + id);
        }
        return organization;
    }

    private void requireUniqueName(String name, long exceptId) {
        long same = em.createNamedQuery("Organization.countByNameExcept", Long.class)
                .setParameter("name", name.strip())
                .setParameter("id", exceptId)
                .getSingleResult();
        if (same > 0) {
            throw new DuplicateOrganizationException();
        }
    }

    private String uniqueSlug(String name) {
        String base = Organization.slugOf(name);
        String slug = base;
        for (int n = 2;
                em.createNamedQuery("Organization.countBySlug", Long.class)
                                .setParameter("slug", slug)
                                .getSingleResult()
                        > 0;
                n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
