package org.puente.petition;

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
 * The mails around a petition's review, each in its recipient's stored language and sent after the decision
 * commits: coalition staff hear that a petition waits for them, and the sponsoring organization's editors
 * hear that it opened or came back with the staff's reason. All the organization's active editors are told,
 * not only the one who pressed «Submit»: they write the organization's petitions together, any of them may
 * take up a sent-back draft, and the one who submitted may be away (staff may also submit for them).
 */
@ApplicationScoped
public class ReviewNotices {

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

    /** Every active admin and staff account but the one submitting: a petition waits for their review. */
    void submitted(Petition petition) {
        String link = config.baseUrl() + "/admin/petition-preview?id=" + petition.getId();
        Long submitter = caller.account().map(Account::getId).orElse(null);
        for (Account staff : accounts.coalitionTeam()) {
            if (!staff.isActive() || staff.getId().equals(submitter)) {
                continue;
            }
            Language language = staff.getLanguage();
            String title = petition.getTitle().in(language);
            String organization = petition.getOrganization().getName();
            send(
                    staff,
                    Messages.get(language, "mail.review.submitted.subject", title),
                    Messages.get(language, "mail.review.submitted.body", title, organization),
                    Messages.get(language, "mail.review.submitted.action"),
                    link);
        }
    }

    /** The organization's editors: their petition is open, with its public address. */
    void approved(Petition petition) {
        String link = config.baseUrl() + "/petitions/" + petition.getSlug();
        for (Account editor : editorsOf(petition)) {
            Language language = editor.getLanguage();
            String title = petition.getTitle().in(language);
            send(
                    editor,
                    Messages.get(language, "mail.review.approved.subject", title),
                    Messages.get(language, "mail.review.approved.body", title),
                    Messages.get(language, "mail.review.approved.action"),
                    link);
        }
    }

    /** The organization's editors: their petition came back to them, with the staff's reason. */
    void sentBack(Petition petition) {
        String link = config.baseUrl() + "/admin/petition?id=" + petition.getId();
        for (Account editor : editorsOf(petition)) {
            Language language = editor.getLanguage();
            String title = petition.getTitle().in(language);
            send(
                    editor,
                    Messages.get(language, "mail.review.sentBack.subject", title),
                    Messages.get(language, "mail.review.sentBack.body", title, petition.getRejectionReason()),
                    Messages.get(language, "mail.review.sentBack.action"),
                    link);
        }
    }

    private List<Account> editorsOf(Petition petition) {
        return organizations.editorsOf(petition.getOrganization().getId()).stream()
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
