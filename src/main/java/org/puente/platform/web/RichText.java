package org.puente.platform.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

/**
 * The rich text authors may write (petitions, alerts): paragraphs, emphasis, lists, quotations and http(s) links
 * (opened without a referrer, marked nofollow). Everything else, scripts and event handlers included, is removed.
 *
 * <p>The staff text editor (Quill) writes a bulleted list as {@code <ol><li data-list="bullet">} with a UI marker
 * inside each item; that markup is read as the list it stands for before the allow-list applies, so that a bulleted
 * list stays bulleted and nothing the author wrote counts as removed.
 */
public final class RichText {

    /** What the allow-list took away from a text, as the author would say it; each a bundle key. */
    public enum Removal {
        SCRIPTS("richText.removed.scripts"),
        STYLES("richText.removed.styles"),
        HEADINGS("richText.removed.headings"),
        IMAGES("richText.removed.images"),
        TABLES("richText.removed.tables"),
        LINKS("richText.removed.links"),
        OTHER("richText.removed.other");

        private final String key;

        Removal(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The sanitized text and what sanitizing removed from it (empty when only harmless markup went). */
    public record Cleaned(String html, Set<Removal> removed) {}

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .withPreprocessor(QuillLists::new)
            .allowElements("p", "br", "em", "strong", "b", "i", "ul", "ol", "li", "blockquote", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href")
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    /**
     * Markup that carries nothing a reader of the portal would miss: editors' bookkeeping, the link behaviour the
     * portal sets itself, and wrappers whose text is kept.
     */
    private static final Set<String> HARMLESS_ATTRIBUTES =
            Set.of("class", "id", "target", "rel", "dir", "lang", "title", "spellcheck", "contenteditable");

    private static final Set<String> HARMLESS_TAGS =
            Set.of("div", "section", "article", "main", "header", "footer", "html", "head", "body", "meta", "o:p");

    private RichText() {}

    public static String sanitize(String html) {
        return clean(html).html();
    }

    /**
     * Sanitizes {@code html} into a stream of tags and plain (decoded) text instead of a string: for writers of other
     * formats (a statement's PDF builds its document from it), which then never parse markup themselves.
     */
    public static void replay(String html, HtmlStreamEventReceiver out) {
        if (html != null && !html.isBlank()) {
            HtmlSanitizer.sanitize(html, POLICY.apply(out));
        }
    }

    /** Sanitizes and says what was removed, so the author can be told (pasted colours, a script). */
    public static Cleaned clean(String html) {
        if (html == null || html.isBlank()) {
            return new Cleaned(null, Set.of());
        }
        Set<Removal> removed = EnumSet.noneOf(Removal.class);
        String clean = POLICY.sanitize(html, new Listener(), removed).strip();
        return new Cleaned(clean.isEmpty() ? null : clean, Set.copyOf(removed));
    }

    private static final class Listener implements HtmlChangeListener<Set<Removal>> {
        @Override
        public void discardedTag(Set<Removal> removed, String elementName) {
            String name = elementName.toLowerCase(Locale.ROOT);
            if (HARMLESS_TAGS.contains(name)) {
                return;
            }
            removed.add(
                    switch (name) {
                        case "script", "style", "iframe", "object", "embed", "noscript", "template" -> Removal.SCRIPTS;
                        case "span", "font", "u", "s", "strike", "sub", "sup", "mark", "small", "big", "code", "pre" ->
                            Removal.STYLES;
                        case "h1", "h2", "h3", "h4", "h5", "h6" -> Removal.HEADINGS;
                        case "a" -> Removal.LINKS; // left without an address it may have: a javascript: one
                        case "img", "picture", "svg", "video", "audio", "source" -> Removal.IMAGES;
                        case "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col" ->
                            Removal.TABLES;
                        default -> Removal.OTHER;
                    });
        }

        @Override
        public void discardedAttributes(Set<Removal> removed, String tagName, String... attributeNames) {
            for (String attribute : attributeNames) {
                String name = attribute.toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    removed.add(Removal.SCRIPTS);
                } else if (name.equals("style") || name.equals("color") || name.equals("face") || name.equals("size")) {
                    removed.add(Removal.STYLES);
                } else if (name.equals("href")) {
                    removed.add(Removal.LINKS); // a javascript: or other non-web address
                } else if (!HARMLESS_ATTRIBUTES.contains(name)
                        && !name.startsWith("data-")
                        && !name.startsWith("aria-")) {
                    removed.add(Removal.OTHER);
                }
            }
        }
    }

    /**
     * Reads Quill's list markup as plain HTML lists: an {@code <ol>} whose items say {@code data-list="bullet"} is a
     * {@code <ul>} (a change of kind within one {@code <ol>} starts a new list), and Quill's {@code <span
     * class="ql-ui">} marker inside each item is dropped.
     */
    static final class QuillLists implements HtmlStreamEventReceiver {
        private final HtmlStreamEventReceiver next;
        /** For each open {@code <ol>}: the kind of list opened for it so far ({@code null} before its first item). */
        private final Deque<String[]> lists = new ArrayDeque<>();

        private int skippedDepth;

        QuillLists(HtmlStreamEventReceiver next) {
            this.next = next;
        }

        @Override
        public void openDocument() {
            next.openDocument();
        }

        @Override
        public void closeDocument() {
            next.closeDocument();
        }

        @Override
        public void openTag(String elementName, List<String> attrs) {
            if (skippedDepth > 0) {
                skippedDepth++;
                return;
            }
            if ("span".equals(elementName) && "ql-ui".equals(attribute(attrs, "class"))) {
                skippedDepth = 1;
                return;
            }
            if ("ol".equals(elementName)) {
                lists.push(new String[1]);
                return;
            }
            if ("li".equals(elementName) && !lists.isEmpty()) {
                String[] open = lists.peek();
                String kind = "bullet".equals(attribute(attrs, "data-list")) ? "ul" : "ol";
                if (!kind.equals(open[0])) {
                    if (open[0] != null) {
                        next.closeTag(open[0]);
                    }
                    next.openTag(kind, new ArrayList<>());
                    open[0] = kind;
                }
                next.openTag("li", withoutAttribute(attrs, "data-list"));
                return;
            }
            next.openTag(elementName, attrs);
        }

        @Override
        public void closeTag(String elementName) {
            if (skippedDepth > 0) {
                skippedDepth--;
                return;
            }
            if ("ol".equals(elementName) && !lists.isEmpty()) {
                String[] open = lists.pop();
                if (open[0] != null) {
                    next.closeTag(open[0]);
                }
                return;
            }
            next.closeTag(elementName);
        }

        @Override
        public void text(String text) {
            if (skippedDepth == 0) {
                next.text(text);
            }
        }

        private static String attribute(List<String> attrs, String name) {
            for (int i = 0; i + 1 < attrs.size(); i += 2) {
                if (name.equals(attrs.get(i))) {
                    return attrs.get(i + 1).strip();
                }
            }
            return null;
        }

        private static List<String> withoutAttribute(List<String> attrs, String name) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i + 1 < attrs.size(); i += 2) {
                if (!name.equals(attrs.get(i))) {
                    kept.add(attrs.get(i));
                    kept.add(attrs.get(i + 1));
                }
            }
            return kept;
        }
    }
}
