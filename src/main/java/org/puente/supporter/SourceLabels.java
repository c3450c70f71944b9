package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.web.Pages;

/**
 * Where a consent or a change came from, as staff read it in their language ({@code #{sourceLabels.of(s)}}). The
 * records keep a stable, language-free source ("petition:slug", "alert 42", "import: file.csv", "staff: email",
 * "preferences link", "unsubscribe link", "demo data"): an audit trail does not change with the reader, and
 * its words are put into the reader's language only when shown.
 */
@Named
@ApplicationScoped
public class SourceLabels {

    private record Rule(Pattern pattern, String key) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("petition:(.+)"), "supporter.source.petition"),
            new Rule(Pattern.compile("alert (\\d+): (.*)", Pattern.DOTALL), "supporter.source.alertBounce"),
            new Rule(Pattern.compile("alert (\\d+)"), "supporter.source.alert"),
            new Rule(Pattern.compile("import: (.+)"), "supporter.source.import"),
            new Rule(Pattern.compile("staff: (.+)"), "supporter.source.staff"),
            new Rule(Pattern.compile("preferences link"), "supporter.source.preferences"),
            new Rule(Pattern.compile("unsubscribe link"), "supporter.source.unsubscribeLink"),
            new Rule(Pattern.compile("demo data"), "supporter.source.demo"));

    public String of(String source) {
        return in(Pages.language(), source);
    }

    static String in(Language language, String source) {
        if (source == null || source.isBlank()) {
            return "";
        }
        for (Rule rule : RULES) {
            Matcher match = rule.pattern().matcher(source);
            if (match.matches()) {
                Object[] parts = new Object[match.groupCount()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = match.group(i + 1);
                }
                return Messages.get(language, rule.key(), parts);
            }
        }
        return source; // a source recorded before these names existed is shown as it was written
    }
}
