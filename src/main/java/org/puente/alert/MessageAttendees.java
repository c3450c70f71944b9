package org.puente.alert;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.puente.event.Attendees;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.web.NotFoundException;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PlainText;
import org.puente.platform.web.RichText;

/**
 * A host writes to everyone coming to their event ({@code /admin/attendee-message?event=}): one message
 * in English and Spanish, reviewed with who it will reach, then sent by the alert engine, each person in
 * their own language, once. The draft is saved when the host asks to review it, so the send names one
 * stored message: a second click, or the same page sent twice, finds it sent.
 */
@Named
@ViewScoped
public class MessageAttendees implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AlertService alerts;

    @Inject
    Attendees attendees;

    private Long eventId;
    private Long messageId;

    private Attendees.Hosted event;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String subjectEn;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String subjectEs;

    @Size(max = 50000, message = "{field.tooLong}")
    private String bodyEn;

    @Size(max = 50000, message = "{field.tooLong}")
    private String bodyEs;

    private boolean withWaitlist;
    private boolean reviewing;
    private transient List<Sent> sent;

    /** Reads the event (refusing anyone who does not host it) and, on first view, the draft named. */
    public void load() {
        if (eventId == null) {
            throw new NotFoundException("no event named");
        }
        event = attendees.hosted(eventId);
        if (messageId != null && !FacesContext.getCurrentInstance().isPostback()) {
            Alert draft = alerts.findAttendeeMessage(messageId, eventId);
            if (!draft.isDraft()) {
                messageId = null;
                return;
            }
            subjectEn = draft.getSubject().exactly(Language.EN);
            subjectEs = draft.getSubject().exactly(Language.ES);
            bodyEn = draft.getBody().exactly(Language.EN);
            bodyEs = draft.getBody().exactly(Language.ES);
            withWaitlist = draft.getAudience().withWaitlist();
        }
    }

    /** Saves the draft and shows it as it will go, with how many people it reaches in each language. */
    public void review() {
        boolean complete = required("form:subjectEn", subjectEn)
                & required("form:subjectEs", subjectEs)
                & required("form:bodyEn", RichText.sanitize(bodyEn))
                & required("form:bodyEs", RichText.sanitize(bodyEs));
        if (!complete) {
            return;
        }
        Alert draft = alerts.saveAttendeeMessage(
                messageId,
                eventId,
                new LocalizedText(subjectEn.strip(), subjectEs.strip()),
                new LocalizedText(bodyEn, bodyEs),
                withWaitlist && event.waitlistedCount() > 0);
        messageId = draft.getId();
        bodyEn = draft.getBody().exactly(Language.EN);
        bodyEs = draft.getBody().exactly(Language.ES);
        reviewing = true;
    }

    private static boolean required(String clientId, String value) {
        if (value == null || value.replaceAll("<[^>]*>", "").isBlank()) {
            Pages.error(clientId, "admin.attendees.required");
            return false;
        }
        return true;
    }

    /** Back to the text, to change it. */
    public void change() {
        reviewing = false;
    }

    /** The host confirmed: the message goes out, once. */
    public String send() {
        try {
            Alert message = alerts.sendAttendeeMessage(messageId, eventId);
            Pages.flash(FacesMessage.SEVERITY_INFO, "admin.attendees.sent", message.getAudienceSize());
        } catch (IllegalStateException alreadySent) {
            Pages.flash(FacesMessage.SEVERITY_WARN, "admin.attendees.alreadySent");
        }
        return Pages.redirect("/admin/attendee-message?event=" + eventId);
    }

    /** How many people the message reaches now, with the waitlist or without. */
    public long getReach() {
        return event.confirmedCount() + (withWaitlist ? event.waitlistedCount() : 0);
    }

    public long reachIn(Language language) {
        return event.confirmed().get(language)
                + (withWaitlist ? event.waitlisted().get(language) : 0);
    }

    /** A message already sent (or being sent), with how far it got. */
    public record Sent(Alert message, long delivered, long total) {}

    public List<Sent> getSent() {
        if (sent == null) {
            List<Alert> all = alerts.attendeeMessages(eventId).stream()
                    .filter(a -> !a.isDraft())
                    .toList();
            Map<Long, AlertService.Progress> progress = alerts.attendeeProgress(
                    eventId, all.stream().map(Alert::getId).toList());
            sent = all.stream()
                    .map(a -> {
                        Map<DeliveryState, Long> counts =
                                progress.get(a.getId()).counts();
                        return new Sent(
                                a,
                                counts.getOrDefault(DeliveryState.SENT, 0L),
                                a.getAudienceSize() == null ? 0 : a.getAudienceSize());
                    })
                    .toList();
        }
        return sent;
    }

    public Attendees.Hosted getEvent() {
        return event;
    }

    public Long getEventId() {
        return eventId;
    }

    public void setEventId(Long eventId) {
        this.eventId = eventId;
    }

    public Long getMessageId() {
        return messageId;
    }

    public void setMessageId(Long messageId) {
        this.messageId = messageId;
    }

    public String getSubjectEn() {
        return subjectEn;
    }

    public void setSubjectEn(String subjectEn) {
        this.subjectEn = subjectEn;
    }

    public String getSubjectEs() {
        return subjectEs;
    }

    public void setSubjectEs(String subjectEs) {
        this.subjectEs = subjectEs;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public void setBodyEn(String bodyEn) {
        this.bodyEn = bodyEn;
    }

    public String getBodyEs() {
        return bodyEs;
    }

    public void setBodyEs(String bodyEs) {
        this.bodyEs = bodyEs;
    }

    public boolean isWithWaitlist() {
        return withWaitlist;
    }

    public void setWithWaitlist(boolean withWaitlist) {
        this.withWaitlist = withWaitlist;
    }

    public boolean isReviewing() {
        return reviewing;
    }
}
