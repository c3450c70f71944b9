package org.puente.statement;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.owasp.html.HtmlStreamEventReceiver;
import org.puente.platform.i18n.Countries;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.i18n.Messages;
import org.puente.platform.web.RichText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A statement as a print-ready PDF: its title, summary, preamble, numbered demands with their addressees, closing
 * and release date, then every organization that endorses its current text, under a cover line that counts them
 * and their countries. A bilingual edition sets English and Spanish side by side, passage by passage, so each
 * demand faces its translation; the signatories are listed once.
 *
 * <p>The document is built as a DOM, never as markup in a string: every text a person wrote enters as a text node,
 * and the rich text (preamble, closing) as the elements the sanitizer's allow-list lets through. It is laid out by
 * openhtmltopdf with DejaVu Serif embedded (subset), so accents and ñ print anywhere; nothing is fetched from
 * outside while rendering.
 */
final class StatementPdf {

    static {
        XRLog.setLoggerImpl(new LibraryLog());
    }

    static final String FONT = "DejaVu Serif";

    private static final List<Font> FONTS = List.of(
            new Font("DejaVuSerif.ttf", 400, FontStyle.NORMAL),
            new Font("DejaVuSerif-Bold.ttf", 700, FontStyle.NORMAL),
            new Font("DejaVuSerif-Italic.ttf", 400, FontStyle.ITALIC),
            new Font("DejaVuSerif-BoldItalic.ttf", 700, FontStyle.ITALIC));

    private static final Set<String> VOID_ELEMENTS = Set.of("br");

    private static final String STYLE = "@page { size: letter; margin: 18mm 18mm 20mm 18mm;"
            + " @bottom-center { content: counter(page) \" / \" counter(pages); font-family: '" + FONT + "';"
            + " font-size: 8pt; color: #555555; } }"
            + " body { font-family: '" + FONT + "'; font-size: 10pt; line-height: 1.4; color: #111111; }"
            + " h1 { font-size: 19pt; line-height: 1.2; margin: 0 0 6pt 0; }"
            + " h2 { font-size: 12.5pt; margin: 14pt 0 6pt 0; padding-bottom: 2pt; border-bottom: 0.5pt solid #888888; }"
            + " p { margin: 0 0 6pt 0; }"
            + " .summary { font-style: italic; font-size: 11pt; }"
            + " .cover { font-weight: bold; font-size: 12pt; margin-top: 8pt; }"
            + " .meta { color: #333333; font-size: 9.5pt; }"
            + " .demands { width: 100%; border-collapse: collapse; table-layout: fixed; }"
            + " .demands td { vertical-align: top; padding: 0 0 7pt 0; }"
            + " .demands td.number { width: 18pt; font-weight: bold; }"
            + " .demands tr { page-break-inside: avoid; }"
            + " .addressee { font-weight: bold; margin: 0 0 2pt 0; }"
            + " .parallel { width: 100%; border-collapse: collapse; table-layout: fixed; }"
            + " td.side { width: 50%; vertical-align: top; padding: 0 10pt 0 0; }"
            + " td.side + td.side { padding: 0 0 0 10pt; border-left: 0.5pt solid #bbbbbb; }"
            + " .signatories { width: 100%; border-collapse: collapse; font-size: 9pt; -fs-table-paginate: paginate; }"
            + " .signatories th { text-align: left; border-bottom: 0.75pt solid #333333; padding: 2pt 4pt; }"
            + " .signatories td { border-bottom: 0.25pt solid #cccccc; padding: 2pt 4pt; vertical-align: top; }"
            + " .signatories tr { page-break-inside: avoid; }"
            + " blockquote { margin: 0 0 6pt 12pt; font-style: italic; }"
            + " ul, ol { margin: 0 0 6pt 0; padding-left: 16pt; }";

    /** One embedded face of the family, read once from the classpath. */
    private record Font(String file, int weight, FontStyle style) {

        byte[] bytes() {
            try (InputStream in = StatementPdf.class.getResourceAsStream("fonts/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the build: " + file);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Faces {
        static final List<byte[]> BYTES = FONTS.stream().map(Font::bytes).toList();
    }

    /** What the document says besides the statement's own text. */
    record Details(String address, LocalDate releaseDay) {}

    private final Statement statement;
    private final Endorsements signed;
    private final StatementEdition edition;
    private final Details details;
    private final Document document;

    private StatementPdf(Statement statement, Endorsements signed, StatementEdition edition, Details details) {
        this.statement = statement;
        this.signed = signed;
        this.edition = edition;
        this.details = details;
        try {
            this.document =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PDF's bytes. */
    static byte[] render(Statement statement, Endorsements signed, StatementEdition edition, Details details) {
        return new StatementPdf(statement, signed, edition, details).render();
    }

    /** The document before layout (for tests of what it says). */
    static Document document(Statement statement, Endorsements signed, StatementEdition edition, Details details) {
        StatementPdf pdf = new StatementPdf(statement, signed, edition, details);
        pdf.build();
        return pdf.document;
    }

    private byte[] render() {
        build();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .withW3cDocument(document, details.address())
                .withProducer("Puente")
                .useExternalResourceAccessControl(
                        (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl(
                        (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        for (int i = 0; i < FONTS.size(); i++) {
            byte[] bytes = Faces.BYTES.get(i);
            Font font = FONTS.get(i);
            builder.useFont(() -> new ByteArrayInputStream(bytes), FONT, font.weight(), font.style(), true);
        }
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void build() {
        Language primary = edition.primary();
        Element html = element("html");
        html.setAttribute("lang", primary.code());
        document.appendChild(html);
        Element head = append(html, "head");
        append(head, "title").setTextContent(statement.getTitle().in(primary));
        append(head, "style").setTextContent(STYLE);
        Element body = append(html, "body");
        if (edition.isBilingual()) {
            Element parallel = append(body, "table");
            parallel.setAttribute("class", "parallel");
            for (Section section : sections()) {
                Element row = append(parallel, "tr");
                for (Language language : edition.languages()) {
                    Element cell = append(row, "td");
                    cell.setAttribute("class", "side");
                    cell.setAttribute("lang", language.code());
                    section.write(cell, language);
                }
            }
        } else {
            for (Section section : sections()) {
                section.write(body, primary);
            }
        }
        signatories(body);
    }

    /** One passage of the statement, written in one language into a container. */
    private interface Section {
        void write(Element into, Language language);
    }

    private List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        sections.add((into, language) -> {
            Element title = append(into, "h1");
            text(title, statement.getTitle(), language);
        });
        if (!statement.getSummary().isEmpty()) {
            sections.add((into, language) -> text(paragraph(into, "summary", null), statement.getSummary(), language));
        }
        sections.add((into, language) -> {
            paragraph(into, "cover", coverLine(language));
            if (details.releaseDay() != null) {
                paragraph(
                        into,
                        "meta",
                        Messages.get(
                                language,
                                "statement.pdf.releaseDate",
                                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                        .withLocale(language.locale())
                                        .format(details.releaseDay())));
            }
        });
        if (!statement.getPreamble().isEmpty()) {
            sections.add((into, language) -> rich(into, "preamble", statement.getPreamble(), language));
        }
        sections.add(
                (into, language) -> append(into, "h2").setTextContent(Messages.get(language, "statement.pdf.demands")));
        List<Demand> demands = statement.getDemands();
        for (int i = 0; i < demands.size(); i++) {
            int number = i + 1;
            Demand demand = demands.get(i);
            sections.add((into, language) -> demand(into, number, demand, language));
        }
        if (!statement.getClosing().isEmpty()) {
            sections.add((into, language) -> rich(into, "closing", statement.getClosing(), language));
        }
        sections.add((into, language) ->
                paragraph(into, "meta", Messages.get(language, "statement.pdf.address", details.address())));
        return sections;
    }

    private String coverLine(Language language) {
        return signed.count() == 0
                ? Messages.get(language, "statement.pdf.unsigned")
                : Messages.get(language, "statement.pdf.signedBy", signed.count(), signed.countries());
    }

    private void demand(Element into, int number, Demand demand, Language language) {
        Element table = append(into, "table");
        table.setAttribute("class", "demands");
        Element row = append(table, "tr");
        Element numberCell = append(row, "td");
        numberCell.setAttribute("class", "number");
        numberCell.setTextContent(number + ".");
        Element cell = append(row, "td");
        if (!demand.getAddressee().isEmpty()) {
            text(paragraph(cell, "addressee", null), demand.getAddressee(), language);
        }
        text(append(cell, "p"), demand.getText(), language);
    }

    private void signatories(Element body) {
        append(body, "h2").setTextContent(labels("statement.pdf.signatories"));
        if (signed.count() == 0) {
            paragraph(body, "meta", labels("statement.pdf.unsigned"));
            return;
        }
        Element table = append(body, "table");
        table.setAttribute("class", "signatories");
        Element header = append(append(table, "thead"), "tr");
        for (String key : List.of("statement.pdf.organization", "statement.pdf.city", "statement.pdf.country")) {
            append(header, "th").setTextContent(labels(key));
        }
        Element rows = append(table, "tbody");
        for (Signatory signatory : signed.organizations()) {
            Element row = append(rows, "tr");
            append(row, "td").setTextContent(signatory.getOrganizationName());
            append(row, "td").setTextContent(signatory.getCity() == null ? "" : signatory.getCity());
            append(row, "td").setTextContent(country(signatory.getCountry()));
        }
    }

    /** A country's name in each language of the edition ("Mexico / México"), once where they are the same. */
    private String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return joined(language -> Countries.name(code, language));
    }

    /** A label in each language of the edition, "English / Español" in the bilingual one. */
    private String labels(String key) {
        return joined(language -> Messages.get(language, key));
    }

    private String joined(Function<Language, String> each) {
        return String.join(
                " / ", edition.languages().stream().map(each).distinct().toList());
    }

    /** A bilingual text in {@code language}, falling back to the other one, marked with the language it is in. */
    private static void text(Element into, LocalizedText text, Language language) {
        into.setTextContent(text.in(language));
        if (text.isFallback(language)) {
            into.setAttribute("lang", text.languageShownFor(language).code());
        }
    }

    private void rich(Element into, String cssClass, LocalizedText text, Language language) {
        Element section = append(into, "div");
        section.setAttribute("class", cssClass);
        if (text.isFallback(language)) {
            section.setAttribute("lang", text.languageShownFor(language).code());
        }
        RichText.replay(text.in(language), new DomWriter(section));
    }

    private Element paragraph(Element into, String cssClass, String text) {
        Element p = append(into, "p");
        p.setAttribute("class", cssClass);
        if (text != null) {
            p.setTextContent(text);
        }
        return p;
    }

    private Element element(String name) {
        return document.createElement(name);
    }

    private Element append(Element parent, String name) {
        Element child = element(name);
        parent.appendChild(child);
        return child;
    }

    /** Writes the sanitizer's events (allowed tags, decoded text) as DOM nodes under one element. */
    private static final class DomWriter implements HtmlStreamEventReceiver {

        private final Document document;
        private final Deque<Element> open = new ArrayDeque<>();

        DomWriter(Element root) {
            this.document = root.getOwnerDocument();
            open.push(root);
        }

        @Override
        public void openDocument() {}

        @Override
        public void closeDocument() {}

        @Override
        public void openTag(String name, List<String> attributes) {
            Element element = document.createElement(name);
            for (int i = 0; i + 1 < attributes.size(); i += 2) {
                element.setAttribute(attributes.get(i), attributes.get(i + 1));
            }
            open.peek().appendChild(element);
            if (!VOID_ELEMENTS.contains(name)) {
                open.push(element);
            }
        }

        @Override
        public void closeTag(String name) {
            if (open.stream()
                    .limit(open.size() - 1L)
                    .noneMatch(e -> e.getTagName().equals(name))) {
                return;
            }
            while (open.size() > 1) {
                if (open.pop().getTagName().equals(name)) {
                    return;
                }
            }
        }

        @Override
        public void text(String text) {
            open.peek().appendChild(document.createTextNode(text));
        }
    }

    /** openhtmltopdf's own log: its progress notes (INFO for every document) at FINE, its warnings as they are. */
    private static final class LibraryLog implements XRLogger {

        private static final Logger LIBRARY = Logger.getLogger("com.openhtmltopdf");

        @Override
        public void log(String where, Level level, String message) {
            LIBRARY.log(demoted(level), message);
        }

        @Override
        public void log(String where, Level level, String message, Throwable thrown) {
            LIBRARY.log(demoted(level), message, thrown);
        }

        @Override
        public void setLevel(String logger, Level level) {
            // The portal's logging configuration decides.
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return LIBRARY.isLoggable(demoted(diagnostic.getLevel()));
        }

        private static Level demoted(Level level) {
            return level.intValue() < Level.WARNING.intValue() ? Level.FINE : level;
        }
    }
}
