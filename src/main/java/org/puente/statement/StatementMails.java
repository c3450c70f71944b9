package org.puente.statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.puente.account.Account;
import org.puente.account.AccountService;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.MailQueue;
import org.puente.platform.security.Tokens;

/**
 * The mails signatories get about the text they signed, each in the signer's own language, through the
 * outbox after the change commits: a new version asks them to re-confirm, with what changed.
 */
@ApplicationScoped
public class StatementMails {

    @Inject
    AccountService accounts;

    @Inject
    MailComposer composer;

    @Inject
    MailQueue queue;

    @Inject
    PuenteConfig config;

    @Inject
    SignOnMails signOnMails;

    @Inject
    Clock clock;

    /**
     * Every organization whose signature stands for an earlier version hears what changed and is asked to sign
     * again: a member through the editor who signed (from the dashboard), one from outside the coalition (or a
     * person) through the address they confirmed, with a new link that re-confirms.
     */
    void askToReconfirm(
            Statement statement, List<Signatory> signatories, List<DemandChanges.Change> changes, boolean preamble) {
        String link = config.baseUrl() + "/admin/statement-sign?id=" + statement.getId();
        for (Signatory signatory : signatories) {
            if (!signatory.isSigned() || signatory.endorsesCurrentText()) {
                continue;
            }
            if (signatory.getSignedBy() == null) {
                if (signatory.getEmail() != null) {
                    String token = Tokens.generate();
                    signatory.linkTo(Tokens.hash(token), clock.instant().plus(SignOnService.LINK_LIFETIME));
                    signOnMails.reconfirmLink(
                            signatory, token, changeLines(signatory.getLanguage(), changes, preamble));
                }
                continue;
            }
            Account signer = accounts.find(signatory.getSignedBy())
                    .filter(Account::isActive)
                    .orElse(null);
            if (signer == null) {
                continue;
            }
            Language language = signer.getLanguage();
            String title = statement.getTitle().in(language);
            List<String> body = new ArrayList<>();
            body.add(Messages.get(language, "mail.review.greeting", signer.getDisplayName()));
            body.add(Messages.get(language, "mail.statement.changed.body", title, signatory.getOrganizationName()));
            body.addAll(changeLines(language, changes, preamble));
            queue.sendAfterCommit(composer.compose(
                    signer.getEmail(),
                    language,
                    Messages.get(language, "mail.statement.changed.subject", title),
                    body,
                    Messages.get(language, "mail.statement.changed.action"),
                    link));
        }
    }

    private static List<String> changeLines(Language language, List<DemandChanges.Change> changes, boolean preamble) {
        List<String> lines = new ArrayList<>();
        if (preamble) {
            lines.add(Messages.get(language, "mail.statement.changed.preamble"));
        }
        for (DemandChanges.Change change : changes) {
            lines.add(describe(change, language));
        }
        return lines;
    }

    private static String describe(DemandChanges.Change change, Language language) {
        return switch (change.kind()) {
            case ADDED ->
                Messages.get(
                        language,
                        "mail.statement.demand.added",
                        change.number(),
                        change.after().getText().in(language));
            case REMOVED ->
                Messages.get(
                        language,
                        "mail.statement.demand.removed",
                        change.number(),
                        change.before().getText().in(language));
            case CHANGED ->
                Messages.get(
                        language,
                        "mail.statement.demand.changed",
                        change.number(),
                        change.before().getText().in(language),
                        change.after().getText().in(language));
        };
    }
}
