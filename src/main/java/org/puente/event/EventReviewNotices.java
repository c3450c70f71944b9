package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.puente.account.Account;
import org.puente.account.ReviewMail;
import org.puente.organization.OrganizationService;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;

/**
 * The mails around an event's review, each in its recipient's language, sent after the decision commits:
 * staff hear that an event waits for them; the host organization's editors hear that it was published or
 * came back with the staff's reason.
 */
@ApplicationScoped
public class EventReviewNotices {

    @Inject
    OrganizationService organizations;

    @Inject
    ReviewMail mail;

    @Inject
    PuenteConfig config;

    void submitted(CoalitionEvent event) {
        String link = config.baseUrl() + "/admin/events";
        for (Account staff : mail.reviewersButCaller()) {
            Language language = staff.getLanguage();
            String title = event.getTitle().in(language);
            String host = event.getOrganization() == null
                    ? ""
                    : event.getOrganization().getName();
            mail.send(
                    staff,
                    Messages.get(language, "mail.eventReview.submitted.subject", title),
                    Messages.get(language, "mail.eventReview.submitted.body", title, host),
                    Messages.get(language, "mail.eventReview.submitted.action"),
                    link);
        }
    }

    void approved(CoalitionEvent event) {
        String link = config.baseUrl() + "/events/" + event.getSlug();
        for (Account editor : editorsOf(event)) {
            Language language = editor.getLanguage();
            mail.send(
                    editor,
                    Messages.get(
                            language,
                            "mail.eventReview.approved.subject",
                            event.getTitle().in(language)),
                    Messages.get(
                            language,
                            "mail.eventReview.approved.body",
                            event.getTitle().in(language)),
                    Messages.get(language, "mail.eventReview.approved.action"),
                    link);
        }
    }

    void sentBack(CoalitionEvent event) {
        String link = config.baseUrl() + "/admin/event?id=" + event.getId();
        for (Account editor : editorsOf(event)) {
            Language language = editor.getLanguage();
            mail.send(
                    editor,
                    Messages.get(
                            language,
                            "mail.eventReview.sentBack.subject",
                            event.getTitle().in(language)),
                    Messages.get(
                            language,
                            "mail.eventReview.sentBack.body",
                            event.getTitle().in(language),
                            event.getRejectionReason()),
                    Messages.get(language, "mail.eventReview.sentBack.action"),
                    link);
        }
    }

    private List<Account> editorsOf(CoalitionEvent event) {
        if (event.getOrganization() == null) {
            return List.of();
        }
        return organizations.editorsOf(event.getOrganization().getId()).stream()
                .filter(Account::isActive)
                .toList();
    }
}
