package org.puente.alert;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.puente.platform.mail.MailComposer;

/**
 * The tokens staff may write in an alert's subject, preview line and message, filled in for each recipient.
 * One token for now: the first name, written {@code {first_name}} or, in Spanish, {@code {nombre}}. A recipient
 * whose first name is unknown gets the fallback instead. Any other word in braces is not a token this knows:
 * it is left as written, so staff see it in the preview, and {@link #unknown} names it for a warning.
 */
final class MergeFields {

    /** The tokens for the recipient's first name. */
    private static final List<String> FIRST_NAME_WORDS = List.of("first_name", "nombre");

    static final Set<String> FIRST_NAME = Set.copyOf(FIRST_NAME_WORDS);

    /** The first-name tokens as staff write them, in braces, English first. */
    static final List<String> WRITTEN =
            FIRST_NAME_WORDS.stream().map(word -> "{" + word + "}").toList();

    /** A word in braces; in sanitized HTML the braces may come back as character references. */
    private static final Pattern TOKEN = Pattern.compile(
            "(?:\\{|&#123;|&#x7b;|&lbrace;)\\s*([\\p{L}_][\\p{L}\\p{N}_]*)\\s*(?:\\}|&#125;|&#x7d;|&rbrace;)",
            Pattern.CASE_INSENSITIVE);

    private MergeFields() {}

    /** Plain text (a subject, a preview line) with the first name, or the fallback, in place of its token. */
    static String plain(String text, String firstName, String fallback) {
        return fill(text, nameOr(firstName, fallback));
    }

    /** Sanitized HTML with the first name, or the fallback, escaped, in place of its token. */
    static String html(String html, String firstName, String fallback) {
        return fill(html, MailComposer.escape(nameOr(firstName, fallback)));
    }

    /** The words in braces that are not tokens, as written ({@code {apellido}}), in order of appearance. */
    static Set<String> unknown(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        if (text == null) {
            return unknown;
        }
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            if (!isFirstName(matcher.group(1))) {
                unknown.add("{" + matcher.group(1) + "}");
            }
        }
        return unknown;
    }

    /** The name as stored, trimmed; a blank one counts as unknown. */
    static String nameOr(String firstName, String fallback) {
        if (firstName != null && !firstName.isBlank()) {
            return firstName.strip();
        }
        return fallback == null ? "" : fallback.strip();
    }

    private static String fill(String text, String value) {
        if (text == null) {
            return null;
        }
        Matcher matcher = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (matcher.find()) {
            String replacement = isFirstName(matcher.group(1)) ? value : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static boolean isFirstName(String word) {
        return FIRST_NAME.contains(word.toLowerCase(Locale.ROOT));
    }
}
