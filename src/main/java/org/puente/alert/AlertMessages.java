package org.puente.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.OutgoingMail;
import org.puente.supporter.SupporterLinks;

/**
 * One alert as one recipient gets it: their language's version, a plain-text and an HTML part, the
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

    /**
     * @param recipientLanguage the supporter's own language (the footer is always in it)
     * @param supporterId       for the unsubscribe and preferences links; null for a test send to staff
     * @param linkGeneration    the supporter's current link generation, which their preferences link carries
     */
    public OutgoingMail render(
            Alert alert, String to, Language recipientLanguage, Long supporterId, int linkGeneration) {
        return render(
                alert,
                to,
                recipientLanguage,
                supporterId == null ? null : links.unsubscribe(supporterId, alert.getId(), recipientLanguage),
                supporterId == null ? null : links.preferences(supporterId, linkGeneration, recipientLanguage));
    }

    /** As a supporter reading {@code language} will see it, footer links included (they lead nowhere). */
    public OutgoingMail preview(Alert alert, Language language) {
        return render(alert, "preview@invalid", language, "#", "#");
    }

    private OutgoingMail render(
            Alert alert, String to, Language recipientLanguage, String unsubscribeLink, String preferencesLink) {
        Language version = alert.versionFor(recipientLanguage);
        String subject = orEmpty(alert.getSubject().exactly(version));
        String body = orEmpty(alert.getBody().exactly(version));
        String label = alert.getActionLabel().exactly(version);
        String url = alert.getActionUrl().exactly(version);
        MailComposer.Letter letter = new MailComposer.Letter(
                subject,
                alert.getPreheader().exactly(version),
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
