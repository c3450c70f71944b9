package org.puente.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
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

    /**
     * Every reviewer but the caller hears that something waits for them, each in their language: the
     * subject given the title, the body given the title and who submitted it.
     */
    public void toReviewers(
            String subjectKey, String bodyKey, String actionKey, LocalizedText title, String from, String link) {
        for (Account staff : reviewersButCaller()) {
            Language language = staff.getLanguage();
            send(
                    staff,
                    Messages.get(language, subjectKey, title.in(language)),
                    Messages.get(language, bodyKey, title.in(language), from),
                    Messages.get(language, actionKey),
                    link);
        }
    }

    /**
     * These people (a lead organization's editors, say) hear of a decision, each in their language: the
     * subject given the title, the body given the title and the reviewer's reason (if any).
     */
    public void toEach(
            Collection<Account> people,
            String subjectKey,
            String bodyKey,
            String actionKey,
            LocalizedText title,
            String reason,
            String link) {
        for (Account person : people) {
            Language language = person.getLanguage();
            send(
                    person,
                    Messages.get(language, subjectKey, title.in(language)),
                    Messages.get(language, bodyKey, title.in(language), reason),
                    Messages.get(language, actionKey),
                    link);
        }
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
