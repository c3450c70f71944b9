package org.puente.platform.web;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The rich text authors may write (petitions, alerts): paragraphs, emphasis, lists and http(s) links (opened without
 * a referrer, marked nofollow). Everything else, scripts and event handlers included, is removed.
 */
public final class RichText {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "b", "i", "ul", "ol", "li", "blockquote", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href")
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private RichText() {}

    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String clean = POLICY.sanitize(html).strip();
        return clean.isEmpty() ? null : clean;
    }
}
