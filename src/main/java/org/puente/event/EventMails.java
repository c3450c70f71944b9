package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.MailQueue;
import org.puente.platform.mail.OutgoingMail;

/**
 * The mails an attendee gets, each wholly in their own language and each with the link to their own
 * registration page. The private address goes only into the mails of a confirmed place (the confirmation,
 * a promotion, a change), with the attendee's calendar entry attached; the first mail, which only asks to
 * confirm, carries neither.
 */
@ApplicationScoped
public class EventMails {

    @Inject
    MailComposer composer;

    @Inject
    MailQueue queue;

    @Inject
    PuenteConfig config;

    @Inject
    EventCalendar calendar;

    /** The first mail: confirm your address (no greeting by name: anyone may type any address). */
    void confirmLink(EventRegistration registration, String token) {
        Language language = registration.getLanguage();
        CoalitionEvent event = registration.getEvent();
        send(
                registration,
                token,
                "mail.registration.confirm.subject",
                "mail.registration.confirm.action",
                List.of(
                        Messages.get(
                                language,
                                "mail.registration.confirm.body",
                                event.getTitle().in(language)),
                        EventTimes.when(event, language)),
                null);
    }

    /** Asked again (a double click, a lost mail): the same link once more. */
    void again(EventRegistration registration, String token) {
        if (registration.isPending()) {
            confirmLink(registration, token);
        } else {
            Language language = registration.getLanguage();
            CoalitionEvent event = registration.getEvent();
            send(
                    registration,
                    token,
                    "mail.registration.again.subject",
                    "mail.registration.page.action",
                    List.of(Messages.get(
                            language,
                            "mail.registration.again.body",
                            event.getTitle().in(language))),
                    null);
        }
    }

    /** Their place is confirmed: the whole place, and their calendar entry attached. */
    void confirmed(EventRegistration registration, String token) {
        Language language = registration.getLanguage();
        CoalitionEvent event = registration.getEvent();
        List<String> body = new ArrayList<>();
        body.add(Messages.get(
                language, "mail.registration.confirmed.body", event.getTitle().in(language)));
        body.addAll(details(registration));
        send(
                registration,
                token,
                "mail.registration.confirmed.subject",
                "mail.registration.page.action",
                body,
                EventCalendar.Method.REQUEST);
    }

    /** No place yet: where they stand on the waitlist. */
    void waitlisted(EventRegistration registration, String token, long position) {
        Language language = registration.getLanguage();
        CoalitionEvent event = registration.getEvent();
        send(
                registration,
                token,
                "mail.registration.waitlisted.subject",
                "mail.registration.page.action",
                List.of(
                        Messages.get(
                                language,
                                "mail.registration.waitlisted.body",
                                event.getTitle().in(language),
                                position),
                        EventTimes.when(event, language)),
                null);
    }

    /** A place came free for them. */
    void promoted(EventRegistration registration, String token) {
        Language language = registration.getLanguage();
        CoalitionEvent event = registration.getEvent();
        List<String> body = new ArrayList<>();
        body.add(Messages.get(
                language, "mail.registration.promoted.body", event.getTitle().in(language)));
        body.addAll(details(registration));
        send(
                registration,
                token,
                "mail.registration.promoted.subject",
                "mail.registration.page.action",
                body,
                EventCalendar.Method.REQUEST);
    }

    /** The time or place moved: the new ones, the host's note, and the updated calendar entry. */
    void moved(EventRegistration registration, String token, String note) {
        Language language = registration.getLanguage();
        CoalitionEvent event = registration.getEvent();
        List<String> body = new ArrayList<>();
        body.add(Messages.get(
                language, "mail.registration.moved.body", event.getTitle().in(language)));
        body.addAll(details(registration));
        if (note != null && !note.isBlank()) {
            body.add(Messages.get(language, "mail.registration.note", note.strip()));
        }
        send(
                registration,
                token,
                "mail.registration.moved.subject",
                "mail.registration.page.action",
                body,
                EventCalendar.Method.REQUEST);
    }

    /** The day before: when and where (as far as they may know), in their language. */
    void reminder(EventRegistration registration, String token) {
        Language language = registration.getLanguage();
        CoalitionEvent event = registration.getEvent();
        List<String> body = new ArrayList<>();
        body.add(Messages.get(
                language, "mail.registration.reminder.body", event.getTitle().in(language)));
        body.addAll(details(registration));
        send(registration, token, "mail.registration.reminder.subject", "mail.registration.page.action", body, null);
    }

    /** The host's second reminder, a few hours before: when and where, in their language. */
    void soon(EventRegistration registration, String token) {
        Language language = registration.getLanguage();
        CoalitionEvent event = registration.getEvent();
        List<String> body = new ArrayList<>();
        body.add(Messages.get(
                language, "mail.registration.soon.body", event.getTitle().in(language)));
        body.addAll(details(registration));
        send(registration, token, "mail.registration.soon.subject", "mail.registration.page.action", body, null);
    }

    /** The event is called off; confirmed attendees' calendars drop it. */
    void cancelled(EventRegistration registration, String token) {
        Language language = registration.getLanguage();
        CoalitionEvent event = registration.getEvent();
        List<String> body = new ArrayList<>();
        body.add(Messages.get(
                language,
                "mail.registration.cancelled.body",
                event.getTitle().in(language),
                EventTimes.when(event, language)));
        if (event.getCancelNote() != null) {
            body.add(Messages.get(language, "mail.registration.note", event.getCancelNote()));
        }
        send(
                registration,
                token,
                "mail.registration.cancelled.subject",
                "mail.registration.page.action",
                body,
                registration.isConfirmed() ? EventCalendar.Method.CANCEL : null);
    }

    /** When, and where as far as this attendee may know. */
    private List<String> details(EventRegistration registration) {
        Language language = registration.getLanguage();
        CoalitionEvent event = registration.getEvent();
        List<String> lines = new ArrayList<>();
        lines.add(Messages.get(language, "mail.registration.when", EventTimes.when(event, language)));
        EventPlace place = event.getPlace();
        if (place != null && event.getAttendance().hasPlace()) {
            String where = registration.seesAddress() || event.isAddressPublic()
                    ? place.getFullAddress()
                    : place.getLocality();
            lines.add(Messages.get(language, "mail.registration.where", where));
        }
        if (place != null && place.getOnlineUrl() != null && (registration.seesAddress() || event.isAddressPublic())) {
            lines.add(Messages.get(language, "mail.registration.online", place.getOnlineUrl()));
        }
        if (registration.getGuests() > 0) {
            lines.add(Messages.get(language, "mail.registration.guests", registration.getGuests()));
        }
        return lines;
    }

    /** The address of a registration's own page, opened with its link, in {@code language}. */
    String pageLink(String token, Language language) {
        return config.baseUrl() + "/registration?token=" + token + "&lang=" + language.code();
    }

    private void send(
            EventRegistration registration,
            String token,
            String subjectKey,
            String actionKey,
            List<String> body,
            EventCalendar.Method entry) {
        Language language = registration.getLanguage();
        CoalitionEvent event = registration.getEvent();
        String link = pageLink(token, language);
        OutgoingMail mail = composer.compose(
                registration.getEmail(),
                language,
                Messages.get(language, subjectKey, event.getTitle().in(language)),
                body,
                Messages.get(language, actionKey),
                link);
        if (entry != null) {
            mail = mail.attaching(new OutgoingMail.Attachment(
                    event.getSlug() + ".ics",
                    "text/calendar; charset=UTF-8; method=" + entry.name(),
                    calendar.attendeeEntry(event, EventCalendar.Invitee.of(registration), entry)));
        }
        queue.sendAfterCommit(mail);
    }
}
