package org.puente.organization;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import org.puente.platform.web.Images;
import org.puente.platform.web.Pages;

/**
 * Creating a member organization (admins) or editing one (admins and that organization's editors):
 * {@code /admin/organization?id=}. The id arrives as a view parameter on every request, including
 * the post, and the service checks the caller against it each time.
 */
@Named
@ViewScoped
public class EditOrganization implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganizationService organizations;

    private Long id;
    private OrganizationProfile profile = new OrganizationProfile();
    private boolean removeLogo;
    private boolean hasLogo;
    private transient Part logo;

    /** Loads the organization on the first GET; refuses (403/404) one the caller may not edit. */
    public void load() {
        if (id != null) {
            Organization organization = organizations.findForEditing(id);
            if (!FacesContext.getCurrentInstance().isPostback()) {
                profile = OrganizationProfile.of(organization);
            }
            hasLogo = organizations.logo(id).isPresent();
        } else {
            organizations.requireMayCreate();
        }
    }

    public String save() {
        byte[] logoBytes = Images.readUpload(
                logo,
                OrganizationLogo.MAX_BYTES,
                "form:logo",
                "organization.logo.tooLarge",
                "organization.logo.invalidType",
                "organization.logo.tooManyPixels");
        if (Images.refused(logo, logoBytes)) {
            return null;
        }
        try {
            Organization saved = id == null
                    ? organizations.create(profile, logoBytes)
                    : organizations.update(id, profile, logoBytes, removeLogo);
            Pages.flash(
                    FacesMessage.SEVERITY_INFO,
                    id == null ? "admin.organization.created" : "admin.organization.saved",
                    saved.getName());
            return Pages.redirect("/admin/organizations");
        } catch (DuplicateOrganizationException e) {
            Pages.error("form:name", "organization.name.taken");
            return null;
        }
    }

    public boolean isNew() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public OrganizationProfile getProfile() {
        return profile;
    }

    public Part getLogo() {
        return logo;
    }

    public void setLogo(Part logo) {
        this.logo = logo;
    }

    public boolean isRemoveLogo() {
        return removeLogo;
    }

    public void setRemoveLogo(boolean removeLogo) {
        this.removeLogo = removeLogo;
    }

    public boolean isHasLogo() {
        return hasLogo;
    }
}
