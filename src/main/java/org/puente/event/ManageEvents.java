package org.puente.event;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PlainText;

/**
 * The admin list of events ({@code #{manageEvents}}): submit, approve, send back with a reason, cancel with a
 * note to the people registered.
 */
@Named
@RequestScoped
public class ManageEvents {

    @Inject
    EventService events;

    @Inject
    RegistrationService registrations;

    private final Map<Long, String> reasons = new HashMap<>();
    private final Map<Long, String> notes = new HashMap<>();
    private final Map<Long, Boolean> sure = new HashMap<>();
    private List<CoalitionEvent> list;

    public List<CoalitionEvent> getList() {
        if (list == null) {
            list = events.listForCaller();
        }
        return list;
    }

    public long going(CoalitionEvent event) {
        return registrations.placesTaken(event.getId());
    }

    public String when(CoalitionEvent event) {
        return EventTimes.brief(event, Pages.language());
    }

    public String submit(long id) {
        return done(events.submit(id) ? "admin.events.published" : "admin.events.submitted");
    }

    public String approve(long id) {
        events.approve(id);
        return done("admin.events.approved");
    }

    public String reject(long id) {
        String reason = reasons.get(id);
        if (!isText(reason)) {
            Pages.error(null, "admin.events.reasonRequired");
            return null;
        }
        events.reject(id, reason);
        return done("admin.events.rejected");
    }

    /** Calling an event off takes a ticked confirmation; the note (optional) goes to everyone registered. */
    public String cancel(long id) {
        if (!Boolean.TRUE.equals(sure.get(id))) {
            Pages.error(null, "admin.events.cancelConfirm");
            return null;
        }
        String note = notes.get(id);
        if (note != null && !note.isBlank() && !isText(note)) {
            Pages.error(null, "admin.events.noteInvalid");
            return null;
        }
        events.cancel(id, note);
        return done("admin.events.cancelled");
    }

    private static boolean isText(String value) {
        return value != null && !value.isBlank() && value.length() <= 1000 && PlainText.Validator.isPlain(value, true);
    }

    private String done(String key) {
        Pages.flash(FacesMessage.SEVERITY_INFO, key);
        return Pages.redirect("/admin/events");
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }

    public Map<Long, String> getNotes() {
        return notes;
    }

    public Map<Long, Boolean> getSure() {
        return sure;
    }
}
