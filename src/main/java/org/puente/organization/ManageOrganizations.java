package org.puente.organization;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.puente.platform.web.Pages;

/** The admin list of organizations ({@code #{manageOrganizations}}) with activate/deactivate. */
@Named
@RequestScoped
public class ManageOrganizations {

    @Inject
    OrganizationService organizations;

    private List<Organization> list;

    public List<Organization> getList() {
        if (list == null) {
            list = organizations.listForCaller();
        }
        return list;
    }

    public String deactivate(long id) {
        organizations.deactivate(id);
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.organizations.deactivated");
        return Pages.redirect("/admin/organizations");
    }

    public String trustWithEvents(long id, boolean trusted) {
        organizations.trustWithEvents(id, trusted);
        Pages.flash(
                FacesMessage.SEVERITY_INFO,
                trusted ? "admin.organizations.eventsTrusted" : "admin.organizations.eventsReviewed");
        return Pages.redirect("/admin/organizations");
    }

    public String reactivate(long id) {
        organizations.reactivate(id);
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.organizations.reactivated");
        return Pages.redirect("/admin/organizations");
    }
}
