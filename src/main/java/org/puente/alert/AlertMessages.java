package org.puente.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.OutgoingMail;
import org.puente.supporter.UnsubscribeLinks;

/**
 * One alert as one recipient gets it: their language's version, a plain-text and an HTML part, the
 * footer saying why they receive it, the coalition's postal address and how to leave, and the
 * {@code List-Unsubscribe} headers for one-click unsubscribing (RFC 8058). No tracking pixel, no
 * redirected links.
 */
@ApplicationScoped
public class AlertMessages {

    @Inject
    MailComposer composer;

    @Inject
    UnsubscribeLinks unsubscribe;

    /**
     * @param recipientLanguage the supporter's own language (the footer is always in it)
     * @param supporterId       for the unsubscribe link; null for a test send to staff
     */
    public OutgoingMail render(Alert alert, String to, Language recipientLanguage, Long supporterId) {
        Language version = alert.versionFor(recipientLanguage);
        String unsubscribeLink = supporterId == null ? null : unsubscribe.link(supporterId, recipientLanguage);
        String subject = alert.getSubject().exactly(version);
        String body = alert.getBody().exactly(version);
        String label = alert.getActionLabel().exactly(version);
        String url = alert.getActionUrl().exactly(version);
        MailComposer.Letter letter = new MailComposer.Letter(subject, alert.getPreheader().exactly(version), body,
                label, url, Messages.get(recipientLanguage, "alert.footer.why"),
                unsubscribeLink == null ? null : Messages.get(recipientLanguage, "alert.footer.unsubscribe"),
                unsubscribeLink);
        OutgoingMail mail = composer.letter(to, version, recipientLanguage, letter);
        if (unsubscribeLink == null) {
            return mail;
        }
        return new OutgoingMail(mail.to(), mail.language(), mail.subject(), mail.text(), mail.html(),
                Map.of("List-Unsubscribe", "<" + unsubscribeLink + ">",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }
}
