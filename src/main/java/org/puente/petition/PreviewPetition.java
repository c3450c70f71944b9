package org.puente.petition;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.puente.account.Caller;
import org.puente.platform.i18n.Language;
import org.puente.platform.web.NotFoundException;
import org.puente.platform.web.Pages;

/**
 * A petition read as the public will see it, in both languages one after the other
 * ({@code /admin/petition-preview?id=}): what staff read before they approve or send it back, and what an
 * editor sees of their own petition while it waits for review. Coalition staff and the organization's
 * editors only.
 */
@Named
@ViewScoped
public class PreviewPetition implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PetitionService petitions;

    @Inject
    Caller caller;

    private Long id;
    private transient Petition petition;
    private transient List<PetitionCorrection> history;
    private boolean confirmClose;

    /** On opening: the petition, or 404 / 403 before anything is shown. */
    public void load() {
        getPetition();
    }

    /** Read again on every request of the view (the decision buttons post back to it). */
    public Petition getPetition() {
        if (petition == null) {
            if (id == null) {
                throw new NotFoundException("petition preview without an id");
            }
            petition = petitions.findForAuthoring(id);
        }
        return petition;
    }

    public List<Language> getLanguages() {
        return List.of(Language.values());
    }

    /** Staff decide on a petition in review here. */
    public boolean isDecidable() {
        return getPetition().isInReview() && caller.isCoalitionStaff();
    }

    /** The petition's corrections since it opened, newest first. */
    public List<PetitionCorrection> getHistory() {
        if (history == null) {
            history = getPetition().isDraft() || getPetition().isInReview() ? List.of() : petitions.corrections(id);
        }
        return history;
    }

    /** The corrected texts, named in the reader's language. */
    public String fieldNames(PetitionCorrection correction) {
        return correction.getFields().stream()
                .map(field -> Pages.text("petition.field." + field.name()))
                .collect(Collectors.joining(", "));
    }

    /** Its authors (or staff) close an open petition, once they have ticked that signing stops for good. */
    public String close() {
        if (!confirmClose) {
            Pages.error(null, "admin.preview.closeUnconfirmed");
            return null;
        }
        petitions.close(id);
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.petitions.closed");
        return Pages.redirect("/admin/petition-preview?id=" + id);
    }

    public boolean isConfirmClose() {
        return confirmClose;
    }

    public void setConfirmClose(boolean confirmClose) {
        this.confirmClose = confirmClose;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
