package org.puente.supporter;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.puente.platform.i18n.Language;
import org.puente.platform.web.NotFoundException;
import org.puente.platform.web.Pages;

/** One supporter as staff see them ({@code /admin/supporter?id=}): details, history, and what staff may change. */
@Named
@ViewScoped
public class EditSupporter implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SupporterDirectory directory;

    /** The features that hold what this person did (petitions signed, alerts received). */
    @Inject
    Instance<SupporterActivity> activities;

    private Long id;
    private Language language;
    private boolean confirmForget;
    private transient Supporter supporter;
    private transient List<SupporterEvent> history;
    private transient List<SupporterActivity.Entry> activity;

    public void load() {
        if (id == null) {
            throw new NotFoundException("no supporter id");
        }
        supporter = directory.find(id);
        language = supporter.getLanguage();
    }

    public String changeLanguage() {
        directory.changeLanguage(id, language);
        Pages.flash(FacesMessage.SEVERITY_INFO, "supporter.languageChanged");
        return Pages.redirect("/admin/supporter?id=" + id);
    }

    public String unsubscribe() {
        directory.unsubscribe(id);
        Pages.flash(FacesMessage.SEVERITY_INFO, "supporter.unsubscribed");
        return Pages.redirect("/admin/supporter?id=" + id);
    }

    public String forget() {
        if (!confirmForget) {
            Pages.error("forget:confirm", "supporter.forget.unconfirmed");
            return null;
        }
        directory.forget(id);
        Pages.flash(FacesMessage.SEVERITY_INFO, "supporter.forgotten");
        return Pages.redirect("/admin/supporters");
    }

    public Supporter getSupporter() {
        if (supporter == null) {
            load();
        }
        return supporter;
    }

    public List<SupporterEvent> getHistory() {
        if (history == null) {
            history = directory.history(id);
        }
        return history;
    }

    public List<SupporterActivity.Entry> getSignedPetitions() {
        return activity(SupporterActivity.Kind.SIGNED);
    }

    public List<SupporterActivity.Entry> getReceivedAlerts() {
        return activity(SupporterActivity.Kind.RECEIVED);
    }

    private List<SupporterActivity.Entry> activity(SupporterActivity.Kind kind) {
        if (activity == null) {
            Supporter person = getSupporter();
            activity = activities.stream()
                    .flatMap(feature -> feature.of(person).stream())
                    .sorted(Comparator.comparing(
                            SupporterActivity.Entry::at, Comparator.nullsFirst(Comparator.reverseOrder())))
                    .toList();
        }
        return activity.stream().filter(entry -> entry.kind() == kind).toList();
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

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public boolean isConfirmForget() {
        return confirmForget;
    }

    public void setConfirmForget(boolean confirmForget) {
        this.confirmForget = confirmForget;
    }
}
