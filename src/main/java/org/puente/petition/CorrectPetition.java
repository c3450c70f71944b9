package org.puente.petition;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.security.AccessDeniedException;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PlainText;

/**
 * Fixing a typo in an open petition ({@code /admin/petition-correct?id=}): its texts only, a few characters
 * at most, kept in the petition's history. The service checks on every post that the caller writes for the
 * petition's organization and that the change is small ({@link Petition#correct}).
 */
@Named
@ViewScoped
public class CorrectPetition implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PetitionService petitions;

    private Long id;
    private transient Petition petition;

    @Size(max = Petition.TITLE_MAX, message = "{field.tooLong}")
    @PlainText
    private String titleEn;

    @Size(max = Petition.TITLE_MAX, message = "{field.tooLong}")
    @PlainText
    private String titleEs;

    @Size(max = Petition.SUMMARY_MAX, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String summaryEn;

    @Size(max = Petition.SUMMARY_MAX, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String summaryEs;

    @Size(max = Petition.TEXT_MAX, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String textEn;

    @Size(max = Petition.TEXT_MAX, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String textEs;

    /** On opening: the petition's texts as they stand; one that is not open is read on its preview instead. */
    public void load() {
        petition = petitions.findForAuthoring(id);
        boolean postback = FacesContext.getCurrentInstance().isPostback();
        if (!petition.isOpen()) {
            if (postback) {
                throw new AccessDeniedException("petition " + id + " is not open");
            }
            Pages.redirectToPath("/admin/petition-preview?id=" + id);
            return;
        }
        if (!postback) {
            titleEn = petition.getTitle().en();
            titleEs = petition.getTitle().es();
            summaryEn = petition.getSummary().en();
            summaryEs = petition.getSummary().es();
            textEn = petition.getText().en();
            textEs = petition.getText().es();
        }
    }

    public String save() {
        Petition.Correction correction;
        try {
            correction = petitions.correct(
                    id,
                    new LocalizedText(titleEn, titleEs),
                    new LocalizedText(summaryEn, summaryEs),
                    new LocalizedText(textEn, textEs));
        } catch (CorrectionRefusedException e) {
            Pages.error(null, e.messageKey(), e.arguments());
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.correct.saved", correction.changedCharacters());
        return Pages.redirect("/admin/petition-preview?id=" + id);
    }

    public Petition getPetition() {
        if (petition == null) {
            petition = petitions.findForAuthoring(id);
        }
        return petition;
    }

    public int getMaxCharacters() {
        return Petition.MAX_CORRECTION;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getTitleEs() {
        return titleEs;
    }

    public void setTitleEs(String titleEs) {
        this.titleEs = titleEs;
    }

    public String getSummaryEn() {
        return summaryEn;
    }

    public void setSummaryEn(String summaryEn) {
        this.summaryEn = summaryEn;
    }

    public String getSummaryEs() {
        return summaryEs;
    }

    public void setSummaryEs(String summaryEs) {
        this.summaryEs = summaryEs;
    }

    public String getTextEn() {
        return textEn;
    }

    public void setTextEn(String textEn) {
        this.textEn = textEn;
    }

    public String getTextEs() {
        return textEs;
    }

    public void setTextEs(String textEs) {
        this.textEs = textEs;
    }
}
