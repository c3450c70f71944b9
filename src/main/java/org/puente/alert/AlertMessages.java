package org.puente.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.OutgoingMail;
import org.puente.supporter.SupporterLinks;

/**
 * One alert as one recipient gets it: their language's version with their first name merged in
 * ({@link MergeFields}), a plain-text and an HTML part, the
 * footer saying why they receive it, the coalition's postal address and how to leave, and the
 * {@code List-Unsubscribe} headers for one-click unsubscribing (RFC 8058). The header carries only the
 * unsubscribe link, which can do nothing else; the preferences link (which can ask for erasure) is only
 * in the body. No tracking pixel, no redirected links.
 */
@ApplicationScoped
public class AlertMessages {

    @Inject
    MailComposer composer;

    @Inject
    SupporterLinks links;

    @Inject
    PuenteConfig config;

    /**
     * @param recipientLanguage the supporter's own language (the footer is always in it)
     * @param supporterId       for the unsubscribe and preferences links; null for a test send to staff
     * @param linkGeneration    the supporter's current link generation, which their preferences link carries
     * @param firstName         the supporter's first name for {@code {first_name}}; blank or null when unknown
     */
    public OutgoingMail render(
            Alert alert,
            String to,
            Language recipientLanguage,
            Long supporterId,
            int linkGeneration,
            String firstName) {
        return render(
                alert,
                to,
                recipientLanguage,
                firstName,
                false,
                supporterId == null ? null : links.unsubscribe(supporterId, alert.getId(), recipientLanguage),
                supporterId == null ? null : links.preferences(supporterId, linkGeneration, recipientLanguage));
    }

    /**
     * A host's message as one attendee gets it: their language's version with their first name, the
     * button to their own registration page (to see the event, change or cancel), and a footer saying why
     * they receive it. No unsubscribe: it is about an event they registered for, and it does not make
     * them a subscriber.
     */
    public OutgoingMail renderForAttendee(
            Alert alert, String to, Language recipientLanguage, String firstName, String registrationPage) {
        Language version = alert.versionFor(recipientLanguage);
        String fallback = nameFallback(alert, recipientLanguage);
        MailComposer.Letter letter = new MailComposer.Letter(
                orEmpty(MergeFields.plain(alert.getSubject().exactly(version), firstName, fallback)),
                MergeFields.plain(alert.getPreheader().exactly(version), firstName, fallback),
                orEmpty(MergeFields.html(alert.getBody().exactly(version), firstName, fallback)),
                Messages.get(recipientLanguage, "alert.attendee.action"),
                registrationPage,
                Messages.get(recipientLanguage, "alert.attendee.why"),
                null,
                null,
                null,
                null);
        return composer.letter(to, version, recipientLanguage, letter);
    }

    /** A test to staff: {@code language}'s version, its subject marked "[TEST]" in that language. */
    public OutgoingMail test(Alert alert, String to, Language language, String firstName) {
        return render(alert, to, language, firstName, true, null, null);
    }

    /**
     * As a supporter reading {@code language} whose first name is unknown will see it (the fallback in
     * place of the name), footer links included (they lead nowhere).
     */
    public OutgoingMail preview(Alert alert, Language language) {
        return render(alert, "preview@invalid", language, null, false, "#", "#");
    }

    /**
     * The line a mail program's inbox shows for the alert in {@code language}: sender, subject, and the
     * preview line, or, when there is none, the beginning of the text, as mail programs do.
     */
    public InboxLine inboxLine(Alert alert, Language language) {
        OutgoingMail mail = preview(alert, language);
        String preheader = MergeFields.plain(
                alert.getPreheader().exactly(alert.versionFor(language)), null, nameFallback(alert, language));
        if (preheader == null || preheader.isBlank()) {
            String text = mail.text().replaceAll("\\s+", " ").strip();
            preheader = text.length() > PREVIEW_CHARACTERS ? text.substring(0, PREVIEW_CHARACTERS) + "…" : text;
        }
        return new InboxLine(sender(), mail.subject(), preheader);
    }

    /** What an inbox lists for one mail. */
    public record InboxLine(String sender, String subject, String preview) {}

    private static final int PREVIEW_CHARACTERS = 90;

    /** The sender as mail programs name it: the display name of the From address, or the address. */
    private String sender() {
        try {
            InternetAddress from = new InternetAddress(config.mailFrom());
            return from.getPersonal() != null ? from.getPersonal() : from.getAddress();
        } catch (AddressException e) {
            return config.mailFrom();
        }
    }

    /** The words for an unknown first name in the version {@code language} reads: staff's, or the neutral default. */
    static String nameFallback(Alert alert, Language language) {
        Language version = alert.versionFor(language);
        String chosen = alert.getNameFallback().exactly(version);
        return chosen != null && !chosen.isBlank() ? chosen : Messages.get(version, "alert.merge.nameFallback");
    }

    private OutgoingMail render(
            Alert alert,
            String to,
            Language recipientLanguage,
            String firstName,
            boolean test,
            String unsubscribeLink,
            String preferencesLink) {
        Language version = alert.versionFor(recipientLanguage);
        String fallback = nameFallback(alert, recipientLanguage);
        String subject = orEmpty(MergeFields.plain(alert.getSubject().exactly(version), firstName, fallback));
        if (test) {
            subject = Messages.get(version, "alert.test.subject", subject);
        }
        String body = orEmpty(MergeFields.html(alert.getBody().exactly(version), firstName, fallback));
        String label = alert.getActionLabel().exactly(version);
        String url = alert.getActionUrl().exactly(version);
        MailComposer.Letter letter = new MailComposer.Letter(
                subject,
                MergeFields.plain(alert.getPreheader().exactly(version), firstName, fallback),
                body,
                label,
                url,
                Messages.get(recipientLanguage, "alert.footer.why"),
                Messages.get(recipientLanguage, "alert.footer.unsubscribe"),
                unsubscribeLink,
                Messages.get(recipientLanguage, "alert.footer.preferences"),
                preferencesLink);
        OutgoingMail mail = composer.letter(to, version, recipientLanguage, letter);
        if (unsubscribeLink == null || !unsubscribeLink.startsWith("http")) {
            return mail;
        }
        return new OutgoingMail(
                mail.to(),
                mail.language(),
                mail.subject(),
                mail.text(),
                mail.html(),
                Map.of(
                        "List-Unsubscribe",
                        "<" + unsubscribeLink + ">",
                        "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click"));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
