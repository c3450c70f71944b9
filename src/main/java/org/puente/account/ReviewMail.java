package org.puente.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.MailQueue;

/**
 * The mails of a review (a petition or an event waiting for staff, approved, sent back), for any feature
 * that has one: who reviews, and one mail to one person in their own language, greeted by name, sent
 * through the outbox after the decision commits.
 */
@ApplicationScoped
public class ReviewMail {

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    @Inject
    MailComposer composer;

    @Inject
    MailQueue queue;

    /** Every active admin and staff account but the caller's (who does not need telling what they just did). */
    public List<Account> reviewersButCaller() {
        Long self = caller.account().map(Account::getId).orElse(null);
        return accounts.coalitionTeam().stream()
                .filter(Account::isActive)
                .filter(staff -> !staff.getId().equals(self))
                .toList();
    }

    /** One mail, already worded in the recipient's language, with one action. */
    public void send(Account to, String subject, String body, String action, String link) {
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
