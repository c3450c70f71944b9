package org.puente.petition;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.puente.account.Caller;
import org.puente.platform.i18n.Language;
import org.puente.platform.web.NotFoundException;

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

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
