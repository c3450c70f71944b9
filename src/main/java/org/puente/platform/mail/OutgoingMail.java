package org.puente.platform.mail;

import java.util.Map;
import org.puente.platform.i18n.Language;

/** One message to one person, already rendered in their language. */
public record OutgoingMail(
        String to, Language language, String subject, String text, String html, Map<String, String> headers) {

    public OutgoingMail {
        headers = Map.copyOf(headers);
    }

    /** A message with no headers of its own beyond the usual ones. */
    public OutgoingMail(String to, Language language, String subject, String text, String html) {
        this(to, language, subject, text, html, Map.of());
    }
}
