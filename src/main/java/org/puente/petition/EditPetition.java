package org.puente.petition;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.Part;
import jakarta.transaction.TransactionalException;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.puente.organization.Organization;
import org.puente.platform.persistence.DatabaseErrors;
import org.puente.platform.security.AccessDeniedException;
import org.puente.platform.web.Images;
import org.puente.platform.web.Pages;
import org.puente.platform.web.RichText;

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
    /** The accepted picture, read while the form was validated; null for none. */
    private transient byte[] picture;

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

    /**
     * The checks no single field can make on its own, run when every field has been converted and validated
     * (the form's {@code postValidate}), so that one save shows every problem at once, each at its field: a
     * title and a target in at least one language, and a picture the portal can use. Until this ran in the
     * action, an empty form showed the target's error first and the title's only on the next save.
     */
    public void validateTogether(ComponentSystemEvent event) {
        UIComponent form = event.getComponent();
        requireOneLanguage(form, "titleEn", "titleEs", "petition.title.required");
        requireOneLanguage(form, "targetEn", "targetEs", "petition.target.required");
        UIInput file = (UIInput) form.findComponent("image");
        Part upload = file.isValid() ? (Part) file.getValue() : null;
        picture = Images.readUpload(
                upload,
                PetitionImage.MAX_BYTES,
                file.getClientId(),
                "petition.image.tooLarge",
                "petition.image.invalidType",
                "petition.image.tooManyPixels");
        if (Images.refused(upload, picture)) {
            refuse(file);
        }
    }

    /** Both inputs valid by themselves but both empty: the message goes to the English one. */
    private static void requireOneLanguage(UIComponent form, String enId, String esId, String key) {
        UIInput en = (UIInput) form.findComponent(enId);
        UIInput es = (UIInput) form.findComponent(esId);
        if (en.isValid() && es.isValid() && isBlank(en.getValue()) && isBlank(es.getValue())) {
            Pages.error(en.getClientId(), key);
            refuse(en);
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static void refuse(UIInput input) {
        input.setValid(false);
        FacesContext.getCurrentInstance().validationFailed();
        FacesContext.getCurrentInstance().renderResponse();
    }

    public String save() {
        Set<RichText.Removal> removed = EnumSet.noneOf(RichText.Removal.class);
        removed.addAll(RichText.clean(form.getTextEn()).removed());
        removed.addAll(RichText.clean(form.getTextEs()).removed());
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
        if (!removed.isEmpty()) {
            // The text is kept as sanitized; the author learns what went, in their language, to check it.
            Pages.flash(
                    FacesMessage.SEVERITY_WARN,
                    "admin.petition.formattingRemoved",
                    removed.stream().map(r -> Pages.text(r.key())).collect(Collectors.joining(", ")));
        }
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
