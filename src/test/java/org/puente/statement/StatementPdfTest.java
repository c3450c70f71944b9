package org.puente.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.account.Account;
import org.puente.organization.Organization;
import org.puente.organization.OrganizationProfile;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.security.Role;
import org.w3c.dom.Document;

@DisplayName("The printed statement: what it says in each edition, written as text and never as markup, fonts embedded")
class StatementPdfTest {

    static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    static final Account EDITOR = new Account("ed@example.org", "Ed", "x", Role.ORG_EDITOR, Language.ES, NOW);
    static final StatementPdf.Details DETAILS =
            new StatementPdf.Details("https://puente.example.org/statements/ninez", LocalDate.of(2026, 3, 3));

    static Organization organization(String name, String city, String country) {
        OrganizationProfile profile = new OrganizationProfile();
        profile.setName(name);
        profile.setCity(city);
        profile.setCountry(country);
        return new Organization(Organization.slugOf(name), profile, NOW);
    }

    static Statement statement(String preambleEn) {
        return new Statement(
                organization("Voces Unidas", "Chicago", "US"),
                "ninez",
                EDITOR,
                new StatementText(
                        new LocalizedText("Protection for children", "Protección para la niñez"),
                        new LocalizedText("Two demands.", "Dos demandas."),
                        new LocalizedText(preambleEn, "<p>Las organizaciones firmantes pedimos.</p>"),
                        List.of(
                                new Demand(
                                        new LocalizedText("End family detention.", "Fin a la detención familiar."),
                                        new LocalizedText("To the US Congress", "Al Congreso de EE. UU.")),
                                new Demand(new LocalizedText("Only in English.", null), LocalizedText.empty())),
                        new LocalizedText(
                                "<p>Until every family is safe.</p>", "<p>Hasta que cada familia esté a salvo.</p>"),
                        List.of(),
                        List.of("US", "MX", "HN"),
                        null,
                        null,
                        null,
                        null,
                        true),
                NOW);
    }

    static Endorsements signed(Statement statement, String... names) {
        List<Signatory> all = new ArrayList<>();
        all.add(Signatory.member(
                statement, organization("Red por la Niñez", "Tegucigalpa", "HN"), EDITOR, "Ana", null, NOW));
        all.add(Signatory.member(
                statement, organization("Casa Migrante", "Ciudad Juárez", "MX"), EDITOR, "Luis", null, NOW));
        for (String name : names) {
            all.add(Signatory.member(statement, organization(name, "Chicago", "US"), EDITOR, "Eva", null, NOW));
        }
        return Endorsements.of(all);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    @DisplayName("the Spanish edition: title, cover line, release date, numbered demands with addressees, every "
            + "signatory with accents and ñ intact; an untranslated demand in English")
    void spanish() throws IOException {
        Statement statement = statement("<p>We ask.</p>");
        String text = text(StatementPdf.render(statement, signed(statement), StatementEdition.SPANISH, DETAILS));
        for (String expected : List.of(
                "Protección para la niñez",
                "Firmado por 2 organizaciones en 2 países",
                "Fecha de publicación: 3 de marzo de 2026",
                "Las organizaciones firmantes pedimos.",
                "1. Al Congreso de EE. UU. Fin a la detención familiar.",
                "2. Only in English.",
                "Hasta que cada familia esté a salvo.",
                "Red por la Niñez Tegucigalpa Honduras",
                "Casa Migrante Ciudad Juárez México",
                "Léelo y compártelo en https://puente.example.org/statements/ninez")) {
            assertTrue(text.contains(expected), () -> "«" + expected + "» in: " + text);
        }
        assertFalse(text.contains("End family detention"));
    }

    @Test
    @DisplayName("the bilingual edition sets both languages side by side and labels the list in both")
    void bilingual() throws IOException {
        Statement statement = statement("<p>We ask.</p>");
        byte[] pdf = StatementPdf.render(statement, signed(statement, "Alba"), StatementEdition.BILINGUAL, DETAILS);
        // Kept for a person to look at, as the browser tests keep their screenshots.
        Files.write(Path.of(System.getProperty("puente.test.dir", "target"), "statement-bilingual.pdf"), pdf);
        String text = text(pdf);
        for (String expected : List.of(
                "Protection for children",
                "Protección para la niñez",
                "Signed by 3 organizations in 3 countries",
                "Firmado por 3 organizaciones en 3 países",
                "End family detention.",
                "Fin a la detención familiar.",
                "Signatory organizations / Organizaciones firmantes",
                "Red por la Niñez Tegucigalpa Honduras",
                "Casa Migrante Ciudad Juárez Mexico / México")) {
            assertTrue(text.contains(expected), () -> "«" + expected + "» in: " + text);
        }
    }

    @Test
    @DisplayName("a long bilingual statement with 200 signatories runs over pages and loses nobody")
    void longStatement() throws IOException {
        String paragraph =
                "<p>" + "Families who cross borders deserve protection and due process. ".repeat(12) + "</p>";
        Statement statement = statement(paragraph.repeat(8));
        String[] names = new String[198];
        for (int i = 0; i < names.length; i++) {
            names[i] = "Organización Número " + (1000 + i);
        }
        byte[] pdf = StatementPdf.render(statement, signed(statement, names), StatementEdition.BILINGUAL, DETAILS);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 4, "pages: " + document.getNumberOfPages());
        }
        String text = text(pdf);
        for (String name : names) {
            assertTrue(text.contains(name + " Chicago"), name);
        }
        assertTrue(text.contains("Signed by 200 organizations in 3 countries"), text);
    }

    @Test
    @DisplayName("what people wrote is text, never markup: an organization's angle brackets print as such, and the "
            + "preamble keeps only what the allow-list lets through")
    void escaped() throws IOException {
        Statement statement = statement("<p>Tom &amp; Jerry <em>ask</em><br>again</p><p onclick=\"x()\">Second</p>");
        Endorsements signed = signed(statement, "<b>Acme & Hijos</b>");
        Document document = StatementPdf.document(statement, signed, StatementEdition.ENGLISH, DETAILS);
        assertEquals(0, document.getElementsByTagName("b").getLength(), "a name is never an element");
        assertEquals(1, document.getElementsByTagName("em").getLength(), "the preamble's emphasis is kept");
        assertEquals(1, document.getElementsByTagName("br").getLength());

        byte[] pdf = StatementPdf.render(statement, signed, StatementEdition.ENGLISH, DETAILS);
        String text = text(pdf);
        assertTrue(text.contains("<b>Acme & Hijos</b>"), text);
        assertTrue(text.contains("Tom & Jerry ask"), text);
        assertTrue(text.contains("Second"), text);
        assertTrue(text.contains("Signed by 3 organizations in 3 countries"), text);
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            assertEquals(
                    "Protection for children", loaded.getDocumentInformation().getTitle());
            for (PDPage page : loaded.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    assertTrue(font.getName().contains("DejaVuSerif"), font.getName());
                }
            }
        }
    }

    @Test
    @DisplayName(
            "?lang=both is the bilingual edition; en and es (any case or region) theirs; anything else the reader's")
    void editions() {
        assertEquals(StatementEdition.BILINGUAL, StatementEdition.of("Both", Language.ES));
        assertEquals(StatementEdition.SPANISH, StatementEdition.of("es-MX", Language.EN));
        assertEquals(StatementEdition.ENGLISH, StatementEdition.of("EN", Language.ES));
        assertEquals(StatementEdition.SPANISH, StatementEdition.of("fr", Language.ES));
        assertEquals(StatementEdition.ENGLISH, StatementEdition.of(null, Language.EN));
    }
}
