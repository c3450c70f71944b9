package org.puente.petition;

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
 * The mails around a petition's review, each in its recipient's stored language and sent after the decision
 * commits: coalition staff hear that a petition waits for them, and the sponsoring organization's editors
 * hear that it opened or came back with the staff's reason. All the organization's active editors are told,
 * not only the one who pressed «Submit»: they write the organization's petitions together, any of them may
 * take up a sent-back draft, and the one who submitted may be away (staff may also submit for them).
 */
@ApplicationScoped
public class ReviewNotices {

    @Inject
    OrganizationService organizations;

    @Inject
    ReviewMail mail;

    @Inject
    PuenteConfig config;

    /** Every active admin and staff account but the one submitting: a petition waits for their review. */
    void submitted(Petition petition) {
        String link = config.baseUrl() + "/admin/petition-preview?id=" + petition.getId();
        for (Account staff : mail.reviewersButCaller()) {
            Language language = staff.getLanguage();
            String title = petition.getTitle().in(language);
            String organization = petition.getOrganization().getName();
            mail.send(
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
            mail.send(
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
            mail.send(
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
}
