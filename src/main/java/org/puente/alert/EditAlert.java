package org.puente.alert;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.puente.petition.Petition;
import org.puente.petition.PetitionService;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.CurrentLanguage;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.security.AccessDeniedException;
import org.puente.platform.time.StaffTimeZone;
import org.puente.platform.web.Pages;
import org.puente.statement.Statement;
import org.puente.statement.StatementService;

/** Writing and sending an alert ({@code /admin/alert?id=}); every action checks the caller is staff. */
@Named
@ViewScoped
public class EditAlert implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Clock clock;

    @Inject
    AlertService alerts;

    @Inject
    PetitionService petitions;

    @Inject
    StatementService statements;

    @Inject
    PuenteConfig config;

    @Inject
    CurrentLanguage language;

    @Inject
    AlertMessages messages;

    @Inject
    StaffTimeZone timeZone;

    private Long id;

    @Valid
    private AlertForm form = new AlertForm();

    private Language onlyLanguage;
    private boolean onlyLanguageConfirmed;
    private Long audienceSize;
    private EnumMap<Language, Long> audienceByLanguage;
    private boolean confirmingSend;
    private transient Map<Language, AlertMessages.InboxLine> inboxLines;
    private LocalDateTime scheduledAt;
    private int previewVersion;
    private Long statementId;

    public void load() {
        if (id != null && !FacesContext.getCurrentInstance().isPostback()) {
            Alert alert = alerts.find(id);
            if (!alert.isDraft()) {
                throw new AccessDeniedException("alert " + id + " is no longer a draft");
            }
            form = AlertForm.of(alert);
        } else if (id == null) {
            alerts.requireStaff(); // even for the empty form
        }
    }

    public String save() {
        if (!store()) {
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.alert.saved");
        return Pages.redirect("/admin/alert?id=" + id);
    }

    /** Saves the draft; the preview frames, asked for again, show it as supporters will get it. */
    public void preview() {
        if (store()) {
            previewVersion++;
        }
    }

    /** Saves, then shows how many supporters the audience holds now, and how many read each language. */
    public void countAudience() {
        if (store()) {
            count();
        }
    }

    private void count() {
        audienceByLanguage = new EnumMap<>(alerts.audienceByLanguage(form.audience()));
        audienceSize =
                audienceByLanguage.values().stream().mapToLong(Long::longValue).sum();
    }

    public void testSend() {
        if (!store()) {
            return;
        }
        List<Language> sent = alerts.testSend(id);
        Pages.info(
                "admin.alert.testSent",
                sent.stream()
                        .map(l -> Messages.get(Pages.language(), "language." + l.code()))
                        .collect(Collectors.joining(", ")));
    }

    /**
     * "Send now": saves, checks the alert may go, counts the audience and asks staff to confirm with the
     * figures ({@link #getSendQuestion}); nothing is sent until they do ({@link #send}).
     */
    public void askToSend() {
        confirmingSend = false;
        if (!store() || !readyToGo()) {
            return;
        }
        count();
        confirmingSend = true;
    }

    /** Staff confirmed the question {@link #askToSend} asked on this page: the audience is snapshotted and sent to. */
    public String send() {
        if (!confirmingSend) {
            Pages.error(null, "admin.alert.send.unconfirmed");
            return null;
        }
        confirmingSend = false;
        if (!store() || !readyToGo()) {
            return null;
        }
        Alert sending = alerts.send(id, onlyLanguage);
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.alert.sent", sending.getAudienceSize());
        return Pages.redirect("/admin/alerts");
    }

    /** Freezes the alert until its time, in the coalition's time zone, comes. */
    public String schedule() {
        if (!store()) {
            return null;
        }
        if (scheduledAt == null) {
            Pages.error("form:scheduledAt", "admin.alert.schedule.required");
            return null;
        }
        Instant at = scheduledAt.atZone(timeZone.zone()).toInstant();
        if (!at.isAfter(clock.instant().plusSeconds(60))) {
            Pages.error("form:scheduledAt", "admin.alert.schedule.past");
            return null;
        }
        if (!readyToGo()) {
            return null;
        }
        Alert scheduled = alerts.schedule(id, onlyLanguage, at);
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.alert.scheduled", language.dateTime(scheduled.getScheduledAt()));
        return Pages.redirect("/admin/alerts");
    }

    /** Both versions complete, or one version chosen for everyone, complete, and the choice confirmed. */
    private boolean readyToGo() {
        Alert alert = alerts.find(id);
        if (onlyLanguage == null && !alert.isReady(null)) {
            Pages.error(null, "admin.alert.incomplete");
            return false;
        }
        if (onlyLanguage != null && (!onlyLanguageConfirmed || !alert.isReady(onlyLanguage))) {
            Pages.error(
                    "form:onlyLanguageConfirmed",
                    onlyLanguageConfirmed ? "admin.alert.incomplete" : "admin.alert.onlyLanguageUnconfirmed");
            return false;
        }
        return true;
    }

    private boolean store() {
        if (form.subject().isEmpty() || form.body().isEmpty()) {
            Pages.error("form:subjectEn", "admin.alert.subject.required");
            return false;
        }
        Alert saved = alerts.save(
                id,
                form.subject(),
                form.preheader(),
                form.body(),
                form.actionLabel(),
                form.actionUrl(),
                form.nameFallback(),
                form.audience());
        id = saved.getId();
        inboxLines = null;
        return true;
    }

    /** Statements an alert's button may point to: those the public can read and sign or share. */
    public List<Statement> getStatements() {
        alerts.requireStaff();
        return statements.listed();
    }

    public Long getStatementId() {
        return statementId;
    }

    public void setStatementId(Long statementId) {
        this.statementId = statementId;
    }

    /**
     * Points the button to the chosen statement: its page in each version's language, and, where staff wrote
     * no label, the default words for it. Nothing is saved until staff save.
     */
    public void pointToStatement() {
        if (statementId == null) {
            Pages.error("form:statement", "admin.alert.statementNone");
            return;
        }
        Statement statement = statements.listed().stream()
                .filter(s -> s.getId().equals(statementId))
                .findFirst()
                .orElse(null);
        if (statement == null) {
            Pages.error("form:statement", "admin.alert.statementNone");
            return;
        }
        String page = config.baseUrl() + "/statements/" + statement.getSlug() + "?lang=";
        form.setActionUrlEn(page + Language.EN.code());
        form.setActionUrlEs(page + Language.ES.code());
        String key = statement.isOpen() ? "admin.alert.statementActionOpen" : "admin.alert.statementActionRead";
        if (form.getActionLabelEn() == null || form.getActionLabelEn().isBlank()) {
            form.setActionLabelEn(Messages.get(Language.EN, key));
        }
        if (form.getActionLabelEs() == null || form.getActionLabelEs().isBlank()) {
            form.setActionLabelEs(Messages.get(Language.ES, key));
        }
    }

    public List<Petition> getPetitions() {
        return petitions.listForCaller().stream()
                .filter(p -> p.isVisible() || p.isArchived())
                .toList();
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

    public int getPreviewVersion() {
        return previewVersion;
    }

    public LocalDateTime getScheduledAt() {
        return scheduledAt;
    }

    public void setScheduledAt(LocalDateTime scheduledAt) {
        this.scheduledAt = scheduledAt;
    }

    /** The zone the schedule is read in, by its name in the reader's language ("tiempo universal coordinado"). */
    public String getTimeZone() {
        return timeZone.zone().getDisplayName(TextStyle.FULL, Pages.language().locale());
    }

    public Long getAudienceSize() {
        return audienceSize;
    }

    /** "7,102 in English, 5,378 in Spanish", once the audience is counted. */
    public String getAudienceSplit() {
        return audienceByLanguage == null
                ? null
                : Pages.text(
                        "admin.alert.sizeByLanguage",
                        audienceByLanguage.get(Language.EN),
                        audienceByLanguage.get(Language.ES));
    }

    /** Whether "Send now" was pressed and waits for staff to confirm. */
    public boolean isConfirmingSend() {
        return confirmingSend;
    }

    /** "Send to 12,480 supporters (7,102 in English, 5,378 in Spanish) now?", in the reader's language and numbers. */
    public String getSendQuestion() {
        return audienceByLanguage == null
                ? null
                : Pages.text(
                        "admin.alert.send.confirm",
                        audienceSize,
                        audienceByLanguage.get(Language.EN),
                        audienceByLanguage.get(Language.ES));
    }

    /** The first-name tokens as staff write them, English first, for the hints. */
    public List<String> getMergeTokens() {
        return MergeFields.WRITTEN;
    }

    /** The words in braces that are not merge fields: shown as written, with a warning. */
    public List<String> getUnknownTokens() {
        return List.copyOf(form.unknownTokens());
    }

    public String getUnknownTokensText() {
        return String.join(", ", form.unknownTokens());
    }

    /** The saved alert as an inbox lists it, for a supporter reading each language. */
    public Map<Language, AlertMessages.InboxLine> getInboxLines() {
        if (inboxLines == null && id != null) {
            Alert alert = alerts.find(id);
            inboxLines = new EnumMap<>(Language.class);
            for (Language each : Language.values()) {
                inboxLines.put(each, messages.inboxLine(alert, each));
            }
        }
        return inboxLines;
    }
}
