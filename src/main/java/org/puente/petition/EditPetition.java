package org.puente.petition;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.Part;
import jakarta.transaction.TransactionalException;
import java.io.Serializable;
import java.util.List;
import org.puente.organization.Organization;
import org.puente.platform.persistence.DatabaseErrors;
import org.puente.platform.security.AccessDeniedException;
import org.puente.platform.web.Images;
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
    private boolean hasImage;
    private boolean removeImage;
    private transient Part image;

    public void load() {
        if (id != null) {
            Petition petition = petitions.findForAuthoring(id);
            if (!FacesContext.getCurrentInstance().isPostback()) {
                form = PetitionForm.of(petition);
                rejectionReason = petition.getRejectionReason();
                hasImage = petition.isHasImage();
            }
            if (!petition.isDraft()) {
                if (FacesContext.getCurrentInstance().isPostback()) {
                    throw new AccessDeniedException("petition " + id + " is not a draft");
                }
                // Only drafts are written; one in review or open is read, with what it is waiting for.
                Pages.redirectToPath("/admin/petition-preview?id=" + id);
            }
        }
    }

    public String save() {
        if (form.title().isEmpty()) {
            Pages.error("form:titleEn", "petition.title.required");
            return null;
        }
        byte[] picture = Images.readUpload(
                image,
                PetitionImage.MAX_BYTES,
                "form:image",
                "petition.image.tooLarge",
                "petition.image.invalidType",
                "petition.image.tooManyPixels");
        if (Images.refused(image, picture)) {
            return null;
        }
        Petition saved;
        try {
            saved = petitions.save(id, form, picture, removeImage);
        } catch (SlugTakenException e) {
            Pages.error("form:slug", "petition.slug.taken");
            return null;
        } catch (PersistenceException | TransactionalException e) {
            if (!DatabaseErrors.isDuplicate(e)) {
                throw e;
            }
            Pages.error("form:slug", "petition.slug.taken"); // another author took it at the same moment
            return null;
        }
        Pages.flash(
                FacesMessage.SEVERITY_INFO,
                "admin.petition.saved",
                saved.getTitle().in(Pages.language()));
        return Pages.redirect("/admin/petitions");
    }

    public List<Organization> getOrganizations() {
        return petitions.organizationsForCaller();
    }

    public List<Organization> getCosponsorOptions() {
        return petitions.cosponsorOptions();
    }

    public boolean isHasImage() {
        return hasImage;
    }

    public boolean isRemoveImage() {
        return removeImage;
    }

    public void setRemoveImage(boolean removeImage) {
        this.removeImage = removeImage;
    }

    public Part getImage() {
        return image;
    }

    public void setImage(Part image) {
        this.image = image;
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
