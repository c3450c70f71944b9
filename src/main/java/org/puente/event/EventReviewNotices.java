package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.puente.account.Account;
import org.puente.account.ReviewMail;
import org.puente.organization.OrganizationService;
import org.puente.platform.config.PuenteConfig;

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
        mail.toReviewers(
                "mail.eventReview.submitted.subject",
                "mail.eventReview.submitted.body",
                "mail.eventReview.submitted.action",
                event.getTitle(),
                event.getOrganization() == null ? "" : event.getOrganization().getName(),
                config.baseUrl() + "/admin/events");
    }

    void approved(CoalitionEvent event) {
        mail.toEach(
                editorsOf(event),
                "mail.eventReview.approved.subject",
                "mail.eventReview.approved.body",
                "mail.eventReview.approved.action",
                event.getTitle(),
                null,
                config.baseUrl() + "/events/" + event.getSlug());
    }

    void sentBack(CoalitionEvent event) {
        mail.toEach(
                editorsOf(event),
                "mail.eventReview.sentBack.subject",
                "mail.eventReview.sentBack.body",
                "mail.eventReview.sentBack.action",
                event.getTitle(),
                event.getRejectionReason(),
                config.baseUrl() + "/admin/event?id=" + event.getId());
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
