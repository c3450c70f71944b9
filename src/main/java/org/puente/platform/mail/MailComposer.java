package org.puente.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.List;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;

/**
 * Renders the portal's transactional mails (invitations, password resets) from the message
 * bundles, wholly in the recipient's language: greeting paragraphs, one action button, and a footer
 * with the sender's name and postal address ({@link MailSignature}, which the coalition's feature
 * provides). Text and HTML parts say the same thing.
 */
@ApplicationScoped
public class MailComposer {

    @Inject
    MailSignature signature;

    private MailSignature.Sender sender() {
        return signature.sender();
    }

    /**
     * @param subject    the subject, already in {@code language}
     * @param paragraphs the body, already in {@code language}, as plain text
     * @param actionLabel the button's label
     * @param actionUrl  where the button leads
     */
    public OutgoingMail compose(
            String to,
            Language language,
            String subject,
            List<String> paragraphs,
            String actionLabel,
            String actionUrl) {
        MailSignature.Sender sender = sender();
        String coalitionName = sender.name(language);
        String address = sender.postalAddress();
        String footer = Messages.get(language, "mail.footer.transactional", coalitionName);

        StringBuilder text = new StringBuilder();
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
        }
        text.append(actionLabel)
                .append(":\n")
                .append(actionUrl)
                .append("\n\n-- \n")
                .append(footer)
                .append('\n')
                .append(address)
                .append('\n');

        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"")
                .append(language.code())
                .append("\"><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\"><title>")
                .append(escape(subject))
                .append(
                        "</title></head><body style=\"margin:0;padding:0;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#1f2937\">")
                .append("<div style=\"max-width:560px;margin:0 auto;padding:24px;background:#ffffff\">")
                .append("<p style=\"font-size:20px;font-weight:bold;color:#0f4c5c;margin:0 0 16px\">")
                .append(escape(coalitionName))
                .append("</p>");
        for (String paragraph : paragraphs) {
            html.append("<p style=\"font-size:16px;line-height:1.5\">")
                    .append(escape(paragraph))
                    .append("</p>");
        }
        html.append("<p style=\"margin:24px 0\"><a href=\"")
                .append(escape(actionUrl))
                .append("\" style=\"display:inline-block;background:#0f4c5c;color:#ffffff;padding:12px 20px;"
                        + "border-radius:6px;text-decoration:none;font-weight:bold\">")
                .append(escape(actionLabel))
                .append("</a></p>")
                .append("<p style=\"font-size:13px;color:#4b5563;word-break:break-all\">")
                .append(escape(actionUrl))
                .append("</p>")
                .append("<hr style=\"border:none;border-top:1px solid #e5e7eb\">")
                .append("<p style=\"font-size:12px;color:#6b7280\">")
                .append(escape(footer))
                .append("<br>")
                .append(escape(address).replace("\n", "<br>"))
                .append("</p></div></body></html>");
        return new OutgoingMail(to, language, subject, text.toString(), html.toString());
    }

    /**
     * A letter to a supporter: rich body (already sanitized HTML), an optional button, and a footer.
     *
     * @param why             why they receive it, with {@code {0}} for the coalition's name
     * @param unsubscribeUrl  the unsubscribe link, or null for none (then no preferences link either)
     */
    public record Letter(
            String subject,
            String preheader,
            String bodyHtml,
            String actionLabel,
            String actionUrl,
            String why,
            String unsubscribeText,
            String unsubscribeUrl,
            String preferencesText,
            String preferencesUrl) {}

    /**
     * An alert-style mail: the letter's own language for its text, the recipient's for the footer.
     */
    public OutgoingMail letter(String to, Language language, Language footerLanguage, Letter letter) {
        MailSignature.Sender sender = sender();
        String why = MessageFormat.format(letter.why().replace("'", "''"), sender.name(footerLanguage));
        boolean action = letter.actionLabel() != null
                && !letter.actionLabel().isBlank()
                && letter.actionUrl() != null
                && !letter.actionUrl().isBlank();

        StringBuilder text = new StringBuilder();
        text.append(plainText(letter.bodyHtml())).append("\n\n");
        if (action) {
            text.append(letter.actionLabel())
                    .append(":\n")
                    .append(letter.actionUrl())
                    .append("\n\n");
        }
        text.append("-- \n")
                .append(why)
                .append('\n')
                .append(sender.postalAddress())
                .append('\n');
        if (letter.unsubscribeUrl() != null) {
            text.append(letter.unsubscribeText())
                    .append(": ")
                    .append(letter.unsubscribeUrl())
                    .append('\n');
            text.append(letter.preferencesText())
                    .append(": ")
                    .append(letter.preferencesUrl())
                    .append('\n');
        }

        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"")
                .append(language.code())
                .append("\"><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\"><title>")
                .append(escape(letter.subject()))
                .append(
                        "</title></head><body style=\"margin:0;padding:0;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#1f2937\">");
        if (letter.preheader() != null && !letter.preheader().isBlank()) {
            html.append("<div style=\"display:none;max-height:0;overflow:hidden\">")
                    .append(escape(letter.preheader()))
                    .append("</div>");
        }
        html.append(
                        "<div style=\"max-width:560px;margin:0 auto;padding:24px;background:#ffffff;font-size:16px;line-height:1.5\">")
                .append("<p style=\"font-size:20px;font-weight:bold;color:#0f4c5c;margin:0 0 16px\">")
                .append(escape(sender.name(language)))
                .append("</p>")
                .append(letter.bodyHtml() == null ? "" : letter.bodyHtml());
        if (action) {
            html.append("<p style=\"margin:24px 0\"><a href=\"")
                    .append(escape(letter.actionUrl()))
                    .append("\" style=\"display:inline-block;background:#0f4c5c;color:#ffffff;padding:12px 20px;"
                            + "border-radius:6px;text-decoration:none;font-weight:bold\">")
                    .append(escape(letter.actionLabel()))
                    .append("</a></p>");
        }
        html.append("<hr style=\"border:none;border-top:1px solid #e5e7eb\">")
                .append("<p lang=\"")
                .append(footerLanguage.code())
                .append("\" style=\"font-size:12px;color:#6b7280\">")
                .append(escape(why))
                .append("<br>")
                .append(escape(sender.postalAddress()).replace("\n", "<br>"));
        if (letter.unsubscribeUrl() != null) {
            html.append("<br><a href=\"")
                    .append(escape(letter.unsubscribeUrl()))
                    .append("\" style=\"color:#6b7280\">")
                    .append(escape(letter.unsubscribeText()))
                    .append("</a> · <a href=\"")
                    .append(escape(letter.preferencesUrl()))
                    .append("\" style=\"color:#6b7280\">")
                    .append(escape(letter.preferencesText()))
                    .append("</a>");
        }
        html.append("</p></div></body></html>");
        return new OutgoingMail(to, language, letter.subject(), text.toString(), html.toString());
    }

    /** Sanitized HTML as readable plain text: paragraphs and list items on their own lines, tags gone. */
    static String plainText(String html) {
        if (html == null) {
            return "";
        }
        String text = html.replaceAll("(?i)<li[^>]*>", "- ")
                .replaceAll("(?i)</(p|li|ul|ol|blockquote)>|<br\\s*/?>", "\n")
                .replaceAll("<[^>]+>", "");
        text = text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#34;", "\"")
                .replace("&#39;", "'")
                .replace("&#43;", "+")
                .replace("&#61;", "=")
                .replace("&#64;", "@")
                .replace("&amp;", "&");
        return text.replaceAll("\n{3,}", "\n\n").strip();
    }

    /** The value as HTML text: the five characters that mean markup become entities. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
