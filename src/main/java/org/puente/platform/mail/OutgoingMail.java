package org.puente.platform.mail;

import java.util.Map;
import java.util.Objects;
import org.puente.platform.i18n.Language;

/** One message to one person, already rendered in their language, with at most one text attachment. */
public record OutgoingMail(
        String to,
        Language language,
        String subject,
        String text,
        String html,
        Map<String, String> headers,
        Attachment attachment) {

    /**
     * A text file sent with the message, such as an attendee's calendar entry ({@code text/calendar;
     * method=REQUEST}): its name, its full content type and its content.
     */
    public record Attachment(String name, String contentType, String content) {
        public Attachment {
            Objects.requireNonNull(name);
            Objects.requireNonNull(contentType);
            Objects.requireNonNull(content);
        }
    }

    public OutgoingMail {
        headers = Map.copyOf(headers);
    }

    public OutgoingMail(
            String to, Language language, String subject, String text, String html, Map<String, String> headers) {
        this(to, language, subject, text, html, headers, null);
    }

    /** A message with no headers of its own beyond the usual ones. */
    public OutgoingMail(String to, Language language, String subject, String text, String html) {
        this(to, language, subject, text, html, Map.of(), null);
    }

    /** The same message with a file attached. */
    public OutgoingMail attaching(Attachment file) {
        return new OutgoingMail(to, language, subject, text, html, headers, file);
    }
}
