package org.puente.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.puente.testing.Deployments;
import org.puente.testing.StatementRows;
import org.puente.testing.StatementRows.Written;
import org.puente.testing.TestClock;
import org.puente.testing.TestEnvironment;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("A statement printed (PDF in English, Spanish or both, parsed back) and read through the JSON API: "
        + "demands, every organization endorsing the current text, accents intact, never a signer's e-mail")
class StatementPdfAndApiIT {

    static final String FRONTERA = "Frontera Family Network";
    static final String VOCES = "Voces Unidas de Chicago";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    URI portal;
    HttpClient http;
    Instant now;
    final List<Long> arranged = new ArrayList<>();

    @BeforeEach
    void portal() throws Exception {
        portal = base.toURI();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        now = TestClock.now(portal);
    }

    /** This test's statements leave the public lists, which other tests read. */
    @AfterEach
    void archive() throws Exception {
        for (long id : arranged) {
            StatementRows.archive(id);
        }
    }

    /** A released statement and what it must and must not show. */
    record Released(long id, String slug, List<String> emails) {}

    /**
     * Released with three demands (the last only in English), signed by Voces and Frontera (both in the US), a
     * Honduran and a Mexican organization outside the coalition; one that withdrew, and one that signed the first
     * version of the text only, which the current one (version 2) replaced.
     */
    Released released(String prefix) throws Exception {
        String slug = prefix + "-" + System.nanoTime();
        long id = StatementRows.insert(
                new Written(
                        slug,
                        "RELEASED",
                        VOCES,
                        "Protection for children and families",
                        "Protección para la niñez y las familias",
                        "Three demands to three governments.",
                        "Tres demandas a tres gobiernos.",
                        LocalDate.of(2026, 3, 3),
                        2),
                now.minus(Duration.ofHours(2)));
        arranged.add(id);
        StatementRows.demand(
                id,
                0,
                "End the detention of children.",
                "Fin a la detención de la niñez.",
                "To the US Congress",
                "Al Congreso de EE. UU.");
        StatementRows.demand(
                id,
                1,
                "Guarantee asylum at every port of entry.",
                "Garanticen el asilo en cada puerto de entrada.",
                "To the Government of Mexico",
                "Al Gobierno de México");
        StatementRows.demand(id, 2, "Fund legal aid for families.", null, null, null);
        String tag = Long.toString(System.nanoTime());
        List<String> emails = List.of(
                "ninez-" + tag + "@example.org",
                "juarez-" + tag + "@example.org",
                "gone-" + tag + "@example.org",
                "old-" + tag + "@example.org");
        StatementRows.memberSigned(id, VOCES, "Firmante Voces", 2);
        StatementRows.memberSigned(id, FRONTERA, "Firmante Frontera", 2);
        StatementRows.outsideSigned(
                id, "Red por la Niñez Hondureña", "Tegucigalpa", "HN", "Ana", emails.get(0), 2, false);
        StatementRows.outsideSigned(
                id, "Casa del Migrante Señor San José", "Ciudad Juárez", "MX", "Luis", emails.get(1), 2, false);
        StatementRows.outsideSigned(id, "Organización Retirada", "Oaxaca", "MX", "Eva", emails.get(2), 2, true);
        StatementRows.outsideSigned(id, "Colectivo Versión Uno", "León", "MX", "Raúl", emails.get(3), 1, false);
        return new Released(id, slug, emails);
    }

    static Written draft(String slug) {
        return new Written(slug, "DRAFT", VOCES, "Draft " + slug, "Borrador " + slug, null, null, null, 1);
    }

    HttpResponse<byte[]> pdf(String path, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(portal.resolve(path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The PDF's text, every run of white space (a line wrapped in a column) one space. */
    static String text(HttpResponse<byte[]> response) throws Exception {
        assertEquals(200, response.statusCode(), response.uri().toString());
        assertEquals(
                "application/pdf", response.headers().firstValue("Content-Type").orElseThrow());
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    static void assertShows(String text, List<String> expected) {
        for (String each : expected) {
            assertTrue(text.contains(each), () -> "«" + each + "» is in the PDF: " + text);
        }
    }

    static void assertHides(String text, List<String> hidden) {
        for (String each : hidden) {
            assertFalse(text.contains(each), () -> "«" + each + "» is not in the PDF: " + text);
        }
    }

    static final List<String> CURRENT = List.of(
            "Voces Unidas de Chicago Chicago",
            "Frontera Family Network El Paso",
            "Red por la Niñez Hondureña Tegucigalpa Honduras",
            "Casa del Migrante Señor San José Ciudad Juárez");

    static final List<String> NOT_CURRENT = List.of("Organización Retirada", "Colectivo Versión Uno", "Firmante");

    @Test
    @DisplayName("staff download the statement in Spanish, in English and in both: the demands in the chosen "
            + "language(s), numbered, with their addressees, every current signatory with accents intact, and the "
            + "cover line counting organizations and countries")
    void printedInEachLanguage() throws Exception {
        Released statement = released("printed");
        String path = "/statements/" + statement.slug() + ".pdf";

        HttpResponse<byte[]> es = pdf(path + "?lang=es");
        String spanish = text(es);
        assertEquals(
                "inline; filename=\"" + statement.slug() + "-es.pdf\"",
                es.headers().firstValue("Content-Disposition").orElseThrow());
        assertShows(
                spanish,
                List.of(
                        "Protección para la niñez y las familias",
                        "Firmado por 4 organizaciones en 3 países",
                        "Fecha de publicación: 3 de marzo de 2026",
                        "Demandas",
                        "1. Al Congreso de EE. UU. Fin a la detención de la niñez.",
                        "2. Al Gobierno de México Garanticen el asilo en cada puerto de entrada.",
                        "3. Fund legal aid for families.",
                        "Las organizaciones firmantes hablamos juntas.",
                        "Hasta que cada familia esté a salvo.",
                        "Red por la Niñez Hondureña Tegucigalpa Honduras",
                        "Casa del Migrante Señor San José Ciudad Juárez México",
                        "Voces Unidas de Chicago Chicago Estados Unidos"));
        assertHides(spanish, List.of("End the detention of children.", "Signed by"));
        assertHides(spanish, NOT_CURRENT);
        assertHides(spanish, statement.emails());

        String english = text(pdf(path + "?lang=en"));
        assertShows(
                english,
                List.of(
                        "Protection for children and families",
                        "Signed by 4 organizations in 3 countries",
                        "Release date: March 3, 2026",
                        "1. To the US Congress End the detention of children.",
                        "2. To the Government of Mexico Guarantee asylum at every port of entry.",
                        "3. Fund legal aid for families.",
                        "Casa del Migrante Señor San José Ciudad Juárez Mexico"));
        assertShows(english, CURRENT);
        assertHides(english, List.of("Fin a la detención de la niñez.", "Firmado por"));
        assertHides(english, NOT_CURRENT);

        HttpResponse<byte[]> both = pdf(path + "?lang=both");
        String bilingual = text(both);
        assertTrue(both.headers()
                .firstValue("Content-Disposition")
                .orElseThrow()
                .endsWith(statement.slug() + "-both.pdf\""));
        assertShows(
                bilingual,
                List.of(
                        "Signed by 4 organizations in 3 countries",
                        "Firmado por 4 organizaciones en 3 países",
                        "End the detention of children.",
                        "Fin a la detención de la niñez.",
                        "Guarantee asylum at every port of entry.",
                        "Garanticen el asilo en cada puerto de entrada.",
                        "Signatory organizations / Organizaciones firmantes",
                        "Casa del Migrante Señor San José Ciudad Juárez Mexico / México"));
        assertShows(bilingual, CURRENT);
        assertHides(bilingual, NOT_CURRENT);

        String readersOwn = text(pdf(path, "Accept-Language", "es-MX,es;q=0.9"));
        assertShows(readersOwn, List.of("Firmado por 4 organizaciones en 3 países"));
        assertHides(readersOwn, List.of("Signed by"));
    }

    @Test
    @DisplayName("the PDF is kept until its signatures change: asked again it is the same (304 by its tag), a new "
            + "signature or a withdrawal makes a new one at once")
    void keptUntilSignaturesChange() throws Exception {
        Released statement = released("kept");
        String path = "/statements/" + statement.slug() + ".pdf?lang=es";
        HttpResponse<byte[]> first = pdf(path);
        String tag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = pdf(path);
        assertEquals(tag, again.headers().firstValue("ETag").orElseThrow());
        assertTrue(java.util.Arrays.equals(first.body(), again.body()), "the same document, not a new rendering");
        assertEquals(304, pdf(path, "If-None-Match", tag).statusCode());

        StatementRows.outsideSigned(
                statement.id(),
                "Pastoral de Movilidad Humana Ñuñoa",
                "San Pedro Sula",
                "HN",
                "Inés",
                "late-" + System.nanoTime() + "@example.org",
                2,
                false);
        HttpResponse<byte[]> signedAgain = pdf(path, "If-None-Match", tag);
        String text = text(signedAgain);
        assertNotEquals(tag, signedAgain.headers().firstValue("ETag").orElseThrow());
        assertShows(
                text,
                List.of(
                        "Firmado por 5 organizaciones en 3 países",
                        "Pastoral de Movilidad Humana Ñuñoa San Pedro Sula Honduras"));

        StatementRows.withdraw(statement.id(), "Red por la Niñez Hondureña");
        String withdrawn = text(pdf(path));
        assertShows(withdrawn, List.of("Firmado por 4 organizaciones en 3 países"));
        assertHides(withdrawn, List.of("Red por la Niñez Hondureña"));
    }

    @Test
    @DisplayName("a draft's PDF, an unknown statement's and any other .pdf address are 404")
    void draftNotPrinted() throws Exception {
        String draft = "draft-pdf-" + System.nanoTime();
        long id = StatementRows.insert(draft(draft), now);
        StatementRows.demand(id, 0, "A draft demand.", "Una demanda en borrador.", null, null);
        assertEquals(404, pdf("/statements/" + draft + ".pdf").statusCode());
        assertEquals(404, pdf("/statements/" + draft + ".pdf?lang=both").statusCode());
        assertEquals(
                404, pdf("/statements/nobody-" + System.nanoTime() + ".pdf").statusCode());
        assertEquals(404, pdf("/statements/Upper-Case.pdf").statusCode());
        assertEquals(404, pdf("/petitions/anything.pdf").statusCode());
    }

    static JsonObject json(Page page) {
        assertTrue(page.header("Content-Type").startsWith("application/hal+json"), page.header("Content-Type"));
        return Json.createReader(new StringReader(page.body())).readObject();
    }

    @Test
    @DisplayName("a partner tool reads statements through the API in the language it asks for: demands with "
            + "addressees, the organizations endorsing the current text with city and country, never an e-mail; "
            + "a draft is neither listed nor found")
    void readThroughTheApi() throws Exception {
        Released statement = released("api");
        String draft = "api-draft-" + System.nanoTime();
        long draftId = StatementRows.insert(draft(draft), now);
        StatementRows.demand(draftId, 0, "A draft demand.", null, null, null);

        Page one = new WebSession(portal).acceptLanguage("es-MX,es;q=0.9").get("/api/v1/statements/" + statement.id());
        assertEquals(200, one.status(), one.body());
        for (String email : statement.emails()) {
            assertFalse(one.body().contains(email), "the API never shows " + email);
        }
        assertFalse(one.body().contains("Firmante"), "nor who signed for an organization");
        JsonObject es = json(one);
        assertEquals("puente:" + statement.id(), es.getJsonArray("identifiers").getString(0));
        assertEquals("Protección para la niñez y las familias", es.getString("title"));
        assertEquals("Tres demandas a tres gobiernos.", es.getString("summary"));
        assertEquals("released", es.getString("status"));
        assertEquals("2026-03-03", es.getString("release_date"));
        assertEquals(TestEnvironment.BASE_URL + "/statements/" + statement.slug(), es.getString("browser_url"));
        JsonArray demands = es.getJsonArray("demands");
        assertEquals(3, demands.size());
        assertEquals("Fin a la detención de la niñez.", demands.getJsonObject(0).getString("text"));
        assertEquals("Al Congreso de EE. UU.", demands.getJsonObject(0).getString("addressee"));
        assertEquals("Al Gobierno de México", demands.getJsonObject(1).getString("addressee"));
        assertEquals("Fund legal aid for families.", demands.getJsonObject(2).getString("text"));
        assertEquals(JsonValue.NULL, demands.getJsonObject(2).get("addressee"));
        assertEquals(4, es.getInt("total_signatories"));
        JsonArray signatories = es.getJsonArray("signatories");
        assertEquals(
                List.of(VOCES, "Casa del Migrante Señor San José", FRONTERA, "Red por la Niñez Hondureña"),
                signatories.getValuesAs(JsonObject.class).stream()
                        .map(s -> s.getString("name"))
                        .toList(),
                "the lead first, then A to Z");
        JsonObject honduran = signatories.getJsonObject(3);
        assertEquals("Tegucigalpa", honduran.getString("city"));
        assertEquals("HN", honduran.getString("country"));
        assertEquals("México", signatories.getJsonObject(1).getString("country_name"), "country names in Spanish");
        assertEquals(
                TestEnvironment.BASE_URL + "/statements/" + statement.slug() + ".pdf?lang=es",
                es.getJsonObject("_links").getJsonObject("puente:pdf").getString("href"));

        JsonObject en = json(new WebSession(portal).get("/api/v1/statements/" + statement.id() + "?lang=en"));
        assertEquals("Protection for children and families", en.getString("title"));
        assertEquals(
                "To the Government of Mexico",
                en.getJsonArray("demands").getJsonObject(1).getString("addressee"));
        assertEquals("Mexico", en.getJsonArray("signatories").getJsonObject(1).getString("country_name"));

        Page list = new WebSession(portal).get("/api/v1/statements?per_page=100&lang=es");
        assertEquals(200, list.status(), list.body());
        JsonObject collection = json(list);
        JsonArray embedded = collection.getJsonObject("_embedded").getJsonArray("puente:statements");
        assertNotNull(embedded);
        JsonObject listed = embedded.getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getJsonArray("identifiers").getString(0).equals("puente:" + statement.id()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the released statement is listed: " + list.body()));
        assertEquals("Protección para la niñez y las familias", listed.getString("title"));
        assertEquals(4, listed.getInt("total_signatories"));
        assertFalse(list.body().contains(draft), "a draft is not listed");
        for (String email : statement.emails()) {
            assertFalse(list.body().contains(email));
        }
        assertEquals(1, collection.getInt("page"));
        assertEquals(100, collection.getInt("per_page"));
        assertEquals(
                embedded.size(),
                collection
                        .getJsonObject("_links")
                        .getJsonArray("puente:statements")
                        .size());
        JsonObject paged = json(new WebSession(portal).get("/api/v1/statements?per_page=1&page=1"));
        assertEquals(
                1,
                paged.getJsonObject("_embedded")
                        .getJsonArray("puente:statements")
                        .size());
        assertEquals(collection.getInt("total_records"), paged.getInt("total_pages"));

        Page hidden = new WebSession(portal).get("/api/v1/statements/" + draftId + "?lang=es");
        assertEquals(404, hidden.status());
        assertEquals(
                "Ningún pronunciamiento público tiene este id.", json(hidden).getString("error"));
        assertEquals(
                404,
                new WebSession(portal).get("/api/v1/statements/99999999999").status());
        assertEquals(
                404,
                new WebSession(portal).get("/api/v1/statements/not-a-number").status());
    }
}
