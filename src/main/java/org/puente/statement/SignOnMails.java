package org.puente.statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.puente.organization.Organization;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.MailQueue;

/**
 * The mails of the public sign-on, each in the signer's language, through the outbox after the change
 * commits: the confirmation link, the answer to a second submission for the same organization (sent to the
 * address that asked, so nobody learns anything they could not read on the page later), and staff's
 * decision.
 */
@ApplicationScoped
public class SignOnMails {

    @Inject
    MailComposer composer;

    @Inject
    MailQueue queue;

    @Inject
    PuenteConfig config;

    /** The link that confirms a signature (or re-confirms it for the current text). */
    String confirmUrl(String token, Language language) {
        return config.baseUrl() + "/statement-signature?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&lang=" + language.code();
    }

    private String pageUrl(Statement statement, Language language) {
        return config.baseUrl() + "/statements/" + statement.getSlug() + "?lang=" + language.code();
    }

    void confirmLink(Signatory signatory, String token) {
        Language language = signatory.getLanguage();
        String title = signatory.getStatement().getTitle().in(language);
        String body = signatory.getKind() == SignatoryKind.INDIVIDUAL
                ? "mail.signOn.confirm.individual"
                : "mail.signOn.confirm.organization";
        send(
                signatory.getEmail(),
                language,
                signatory.getSignerName(),
                Messages.get(language, "mail.signOn.confirm.subject", title),
                List.of(
                        Messages.get(language, body, title, signatory.getOrganizationName()),
                        Messages.get(language, "mail.signOn.confirm.notYou")),
                Messages.get(language, "mail.signOn.confirm.action"),
                confirmUrl(token, language));
    }

    /** Asks a signer from outside the coalition to endorse a new version of the text, with what changed. */
    void reconfirmLink(Signatory signatory, String token, List<String> changes) {
        Language language = signatory.getLanguage();
        String title = signatory.getStatement().getTitle().in(language);
        List<String> body = new ArrayList<>();
        body.add(Messages.get(language, "mail.statement.changed.body", title, signatory.getOrganizationName()));
        body.addAll(changes);
        send(
                signatory.getEmail(),
                language,
                signatory.getSignerName(),
                Messages.get(language, "mail.statement.changed.subject", title),
                body,
                Messages.get(language, "mail.signOn.reconfirm.action"),
                confirmUrl(token, language));
    }

    void alreadyRecorded(Statement statement, SignOnForm form, Signatory existing) {
        Language language = form.getLanguage();
        String title = statement.getTitle().in(language);
        String key = existing.getKind() == SignatoryKind.INDIVIDUAL
                ? "mail.signOn.already.individual"
                : "mail.signOn.already.organization";
        send(
                form.getEmail(),
                language,
                form.getSignerName(),
                Messages.get(language, "mail.signOn.already.subject", title),
                List.of(Messages.get(language, key, title, existing.getOrganizationName())),
                Messages.get(language, "mail.signOn.toStatement"),
                pageUrl(statement, language));
    }

    void memberSignsFromDashboard(Statement statement, SignOnForm form, Organization member) {
        Language language = form.getLanguage();
        String title = statement.getTitle().in(language);
        send(
                form.getEmail(),
                language,
                form.getSignerName(),
                Messages.get(language, "mail.signOn.member.subject", title),
                List.of(Messages.get(language, "mail.signOn.member.body", title, member.getName())),
                Messages.get(language, "mail.signOn.member.action"),
                config.baseUrl() + "/admin/statement-sign?id=" + statement.getId());
    }

    void verified(Signatory signatory) {
        Language language = signatory.getLanguage();
        String title = signatory.getStatement().getTitle().in(language);
        send(
                signatory.getEmail(),
                language,
                signatory.getSignerName(),
                Messages.get(language, "mail.signOn.verified.subject", title),
                List.of(Messages.get(language, "mail.signOn.verified.body", title, signatory.getOrganizationName())),
                Messages.get(language, "mail.signOn.toStatement"),
                pageUrl(signatory.getStatement(), language));
    }

    void rejected(Signatory signatory) {
        Language language = signatory.getLanguage();
        String title = signatory.getStatement().getTitle().in(language);
        send(
                signatory.getEmail(),
                language,
                signatory.getSignerName(),
                Messages.get(language, "mail.signOn.rejected.subject", title),
                List.of(
                        Messages.get(language, "mail.signOn.rejected.body", title, signatory.getOrganizationName()),
                        signatory.getRejectionReason()),
                Messages.get(language, "mail.signOn.toStatement"),
                pageUrl(signatory.getStatement(), language));
    }

    /** One mail in {@code language} to the signer, greeted by name, through the outbox after the commit. */
    private void send(
            String to,
            Language language,
            String name,
            String subject,
            List<String> paragraphs,
            String actionLabel,
            String actionUrl) {
        List<String> body = new ArrayList<>();
        body.add(Messages.get(language, "mail.signOn.greeting", name));
        body.addAll(paragraphs);
        queue.sendAfterCommit(composer.compose(to, language, subject, body, actionLabel, actionUrl));
    }
}
