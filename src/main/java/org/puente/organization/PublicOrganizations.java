package org.puente.organization;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.puente.platform.web.NotFoundException;

/**
 * Backs the public pages ({@code #{publicOrganizations}}): the home page's coalition and members, the
 * directory, and one organization's page. Read-only and sessionless.
 */
@Named
@RequestScoped
public class PublicOrganizations {

    @Inject
    OrganizationService organizations;

    @Inject
    HttpServletRequest request;

    @PersistenceContext
    EntityManager em;

    private List<Organization> active;
    private Organization current;
    private Set<Long> withLogo;

    public Coalition getCoalition() {
        return em.find(Coalition.class, Coalition.ID);
    }

    public List<Organization> getActive() {
        if (active == null) {
            active = organizations.listActive();
        }
        return active;
    }

    /** The organization named by the address; a 404 when there is none (or it was deactivated). */
    public Organization getCurrent() {
        if (current == null) {
            Object slug = request.getAttribute(OrganizationUrlFilter.SLUG_ATTRIBUTE);
            current = organizations
                    .findActiveBySlug(slug == null ? null : slug.toString())
                    .orElseThrow(() -> new NotFoundException("organization " + slug));
        }
        return current;
    }

    public void load() {
        getCurrent();
    }

    /** Whether to show the organization's logo; every card of the page asks, one query answers them all. */
    public boolean hasLogo(Organization organization) {
        if (withLogo == null) {
            withLogo = organizations.idsWithLogo();
        }
        return withLogo.contains(organization.getId());
    }
}
