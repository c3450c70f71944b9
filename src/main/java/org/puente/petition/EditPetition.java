package org.puente.petition;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.puente.organization.Organization;
import org.puente.platform.web.Pages;

/**
 * Writing a petition in both languages ({@code /admin/petition?id=}); the service checks on every post
 * that the caller writes for the petition's organization.
 */
@Named
@ViewScoped
public class EditPetition implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PetitionService petitions;

    private Long id;
    private PetitionForm form = new PetitionForm();
    private String rejectionReason;

    public void load() {
        if (id != null) {
            Petition petition = petitions.findForAuthoring(id);
            if (!FacesContext.getCurrentInstance().isPostback()) {
                form = PetitionForm.of(petition);
                rejectionReason = petition.getRejectionReason();
            }
            if (!petition.isDraft()) {
                throw new org.puente.platform.security.AccessDeniedException("petition " + id + " is not a draft");
            }
        }
    }

    public String save() {
        if (form.title().isEmpty()) {
            Pages.error("form:titleEn", "petition.title.required");
            return null;
        }
        Petition saved = id == null ? petitions.create(form) : petitions.revise(id, form);
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.petition.saved", saved.getTitle().in(Pages.language()));
        return Pages.redirect("/admin/petitions");
    }

    public List<Organization> getOrganizations() {
        return petitions.organizationsForCaller();
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

    public PetitionForm getForm() {
        return form;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }
}
