package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.puente.account.Account;
import org.puente.account.AccountService;
import org.puente.account.Caller;
import org.puente.organization.OrganizationService;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.MailQueue;

/**
 * The mails around an event's review, each in its recipient's language, sent after the decision commits:
 * staff hear that an event waits for them; the host organization's editors hear that it was published or
 * came back with the staff's reason.
 */
@ApplicationScoped
public class EventReviewNotices {

    @Inject
    AccountService accounts;

    @Inject
    OrganizationService organizations;

    @Inject
    MailComposer composer;

    @Inject
    MailQueue queue;

    @Inject
    PuenteConfig config;

    @Inject
    Caller caller;

    void submitted(CoalitionEvent event) {
        String link = config.baseUrl() + "/admin/events";
        Long submitter = caller.account().map(Account::getId).orElse(null);
        for (Account staff : accounts.coalitionTeam()) {
            if (staff.isActive() && !staff.getId().equals(submitter)) {
                Language language = staff.getLanguage();
                send(
                        staff,
                        Messages.get(
                                language,
                                "mail.eventReview.submitted.subject",
                                event.getTitle().in(language)),
                        Messages.get(
                                language,
                                "mail.eventReview.submitted.body",
                                event.getTitle().in(language),
                                event.getOrganization() == null
                                        ? ""
                                        : event.getOrganization().getName()),
                        Messages.get(language, "mail.eventReview.submitted.action"),
                        link);
            }
        }
    }

    void approved(CoalitionEvent event) {
        String link = config.baseUrl() + "/events/" + event.getSlug();
        for (Account editor : editorsOf(event)) {
            Language language = editor.getLanguage();
            send(
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
            send(
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

    private void send(Account to, String subject, String body, String action, String link) {
        Language language = to.getLanguage();
        queue.sendAfterCommit(composer.compose(
                to.getEmail(),
                language,
                subject,
                List.of(Messages.get(language, "mail.review.greeting", to.getDisplayName()), body),
                action,
                link));
    }
}
