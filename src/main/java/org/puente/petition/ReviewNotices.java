package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.puente.account.Account;
import org.puente.account.ReviewMail;
import org.puente.organization.OrganizationService;
import org.puente.platform.config.PuenteConfig;

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
        mail.toReviewers(
                "mail.review.submitted.subject",
                "mail.review.submitted.body",
                "mail.review.submitted.action",
                petition.getTitle(),
                petition.getOrganization().getName(),
                config.baseUrl() + "/admin/petition-preview?id=" + petition.getId());
    }

    /** The organization's editors: their petition is open, with its public address. */
    void approved(Petition petition) {
        mail.toEach(
                editorsOf(petition),
                "mail.review.approved.subject",
                "mail.review.approved.body",
                "mail.review.approved.action",
                petition.getTitle(),
                null,
                config.baseUrl() + "/petitions/" + petition.getSlug());
    }

    /** The organization's editors: their petition came back to them, with the staff's reason. */
    void sentBack(Petition petition) {
        mail.toEach(
                editorsOf(petition),
                "mail.review.sentBack.subject",
                "mail.review.sentBack.body",
                "mail.review.sentBack.action",
                petition.getTitle(),
                petition.getRejectionReason(),
                config.baseUrl() + "/admin/petition?id=" + petition.getId());
    }

    private List<Account> editorsOf(Petition petition) {
        return organizations.editorsOf(petition.getOrganization().getId()).stream()
                .filter(Account::isActive)
                .toList();
    }
}
