package org.puente.alert;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.puente.petition.Petition;
import org.puente.petition.PetitionService;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.web.Pages;

/** Writing and sending an alert ({@code /admin/alert?id=}); every action checks the caller is staff. */
@Named
@ViewScoped
public class EditAlert implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AlertService alerts;

    @Inject
    PetitionService petitions;

    private Long id;
    @Valid
    private AlertForm form = new AlertForm();
    private Language onlyLanguage;
    private boolean onlyLanguageConfirmed;
    private Long audienceSize;

    public void load() {
        if (id != null && !FacesContext.getCurrentInstance().isPostback()) {
            Alert alert = alerts.find(id);
            if (!alert.isDraft()) {
                throw new org.puente.platform.security.AccessDeniedException("alert " + id + " is no longer a draft");
            }
            form = AlertForm.of(alert);
        } else if (id == null) {
            alerts.list(); // staff only, even for the empty form
        }
    }

    public String save() {
        if (!store()) {
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.alert.saved");
        return Pages.redirect("/admin/alert?id=" + id);
    }

    /** Saves, then shows how many supporters the audience holds now. */
    public void countAudience() {
        if (store()) {
            audienceSize = alerts.audienceSize(form.audience());
        }
    }

    public void testSend() {
        if (!store()) {
            return;
        }
        List<Language> sent = alerts.testSend(id);
        Pages.info("admin.alert.testSent", sent.stream().map(l -> Messages.get(Pages.language(), "language." + l.code()))
                .collect(Collectors.joining(", ")));
    }

    public String send() {
        if (!store()) {
            return null;
        }
        Alert alert = alerts.find(id);
        if (onlyLanguage == null && !(alert.isComplete(Language.EN) && alert.isComplete(Language.ES))) {
            Pages.error(null, "admin.alert.incomplete");
            return null;
        }
        if (onlyLanguage != null && (!onlyLanguageConfirmed || !alert.isComplete(onlyLanguage))) {
            Pages.error("form:onlyLanguageConfirmed", onlyLanguageConfirmed ? "admin.alert.incomplete"
                    : "admin.alert.onlyLanguageUnconfirmed");
            return null;
        }
        Alert sending = alerts.send(id, onlyLanguage);
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.alert.sent", sending.getAudienceSize());
        return Pages.redirect("/admin/alerts");
    }

    private boolean store() {
        if (form.subject().isEmpty() || form.body().isEmpty()) {
            Pages.error("form:subjectEn", "admin.alert.subject.required");
            return false;
        }
        Alert saved = alerts.save(id, form.subject(), form.preheader(), form.body(), form.actionLabel(),
                form.actionUrl(), form.audience());
        id = saved.getId();
        return true;
    }

    public List<Petition> getPetitions() {
        return petitions.listForCaller().stream().filter(p -> p.isVisible() || p.isArchived()).toList();
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public AlertForm getForm() {
        return form;
    }

    public Language getOnlyLanguage() {
        return onlyLanguage;
    }

    public void setOnlyLanguage(Language onlyLanguage) {
        this.onlyLanguage = onlyLanguage;
    }

    public boolean isOnlyLanguageConfirmed() {
        return onlyLanguageConfirmed;
    }

    public void setOnlyLanguageConfirmed(boolean onlyLanguageConfirmed) {
        this.onlyLanguageConfirmed = onlyLanguageConfirmed;
    }

    public Long getAudienceSize() {
        return audienceSize;
    }
}
