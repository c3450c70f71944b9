package org.puente.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.puente.testing.Accounts;
import org.puente.testing.Await;
import org.puente.testing.Deployments;
import org.puente.testing.Mailbox;
import org.puente.testing.StatementRows;
import org.puente.testing.TestClock;
import org.puente.testing.TestEnvironment;
import org.puente.testing.TestEvents;
import org.puente.testing.TestStatements;
import org.puente.testing.TestStatements.Arranged;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Statements: organizations outside the coalition (and people) sign on through the public form")
class SignOnIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    URI portal;
    WebSession visitor;
    Instant now;

    @BeforeEach
    void portal() throws Exception {
        portal = base.toURI();
        visitor = new WebSession(portal).ownClientAddress();
        now = TestClock.now(portal);
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    /** An open statement led by Voces Unidas, with one demand; returns its id. */
    long openStatement(String slug) throws Exception {
        long id = TestStatements.insert(Arranged.open(slug, "Voces Unidas de Chicago", now.minus(Duration.ofHours(1)))
                .titled("Statement " + slug, "Pronunciamiento " + slug));
        StatementRows.demand(id, 0, "End family detention.", "Fin a la detención de familias.", null, null);
        return id;
    }

    /** Fills in the organizations' sign-on form on the statement's page and sends it. */
    Page signOn(WebSession who, String slug, String language, Map<String, String> values) {
        Page page = who.get("/statements/" + slug + "?lang=" + language);
        assertEquals(200, page.status(), page.text());
        TestClock.fillingInTheForm(portal);
        Map<String, String> all = new HashMap<>(Map.of(
                "city", "San Pedro Sula",
                "country", "HN",
                "signerName", "Dolores Aguilar",
                "signerTitle", "Coordinadora",
                "language", language.toUpperCase(),
                "authority", "on"));
        all.putAll(values);
        all.values().removeIf(v -> v == null);
        return who.submit(page, "signon", all, "submit");
    }

    /** Rows of the statement's signatories by organization name: their state. */
    static Map<String, String> states(long statementId) throws Exception {
        Map<String, String> found = new HashMap<>();
        try (Connection db = TestEnvironment.database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT organization_name, state FROM statement_signatory WHERE statement_id = ?")) {
            query.setLong(1, statementId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return found;
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The names listed as signatories on the public page, as a fresh anonymous reader sees them. */
    List<String> listed(String slug) {
        Page page = new WebSession(portal).get("/statements/" + slug + "?lang=en");
        List<String> names = new ArrayList<>();
        for (Element name : page.document().select("#signatories .signatory__name")) {
            names.add(name.text());
        }
        return names;
    }

    @Test
    @DisplayName("an organization from Honduras signs on in Spanish: the mail is Spanish, opening the link confirms "
            + "nothing, the button confirms; it is listed only once staff verify it, and is told so in Spanish; its "
            + "e-mail never shows publicly")
    void signOnConfirmVerifyList() throws Exception {
        String slug = unique("hn");
        long id = openStatement(slug);
        String email = unique("dolores") + "@redhonduras.example.org";
        String name = "Red Comunitaria de San Pedro Sula " + slug;

        Page answered = signOn(
                visitor,
                slug,
                "es",
                Map.of("organizationName", name, "email", email, "site", "https://redhonduras.example.org"));
        assertEquals(200, answered.status(), answered.text());
        assertEquals("es", answered.lang());
        assertTrue(
                answered.uri().getPath().endsWith("/statement-check-email"),
                answered.uri().toString());
        assertTrue(answered.text().contains("Revisa tu correo"), answered.text());
        assertEquals("UNCONFIRMED", states(id).get(name));

        MimeMessage mail = Mailbox.to(email).get(0);
        assertEquals("Confirma tu firma: Pronunciamiento " + slug, subject(mail));
        String link = Mailbox.link(mail, "/statement-signature?token=");
        Page opened = visitor.get(link);
        assertEquals(200, opened.status());
        assertEquals("es", opened.lang());
        assertNotNull(opened.document().getElementById("confirm"), opened.text());
        assertEquals("private, no-store", opened.header("Cache-Control"), "the link's page is never kept");
        assertEquals("UNCONFIRMED", states(id).get(name), "a GET (a mail scanner) confirms nothing");

        Page confirmed = visitor.submit(opened, "confirm", Map.of(), "submit");
        assertNotNull(confirmed.document().getElementById("waiting"), confirmed.text());
        assertEquals("UNVERIFIED", states(id).get(name));
        assertFalse(listed(slug).contains(name), "not listed before staff verify it");
        assertNotNull(visitor.get(link).document().getElementById("waiting"), "the link says where it stands");

        WebSession staff = Accounts.admin(new WebSession(portal));
        Page list = staff.get("/admin/statements?lang=en");
        assertTrue(
                list.document()
                        .select("a[href*=statement-verify?id=" + id + "]")
                        .text()
                        .equals("1 to verify"),
                "the staff's list says it waits for them");
        Page record = staff.get("/admin/statement-record?id=" + id);
        assertTrue(record.document().getElementById("to-verify").text().contains("1"), record.text());
        Page queue = staff.get("/admin/statement-verify?id=" + id);
        assertEquals(200, queue.status());
        Element card = queue.document().select("#waiting > li").first();
        assertNotNull(card, queue.text());
        assertTrue(
                card.text().contains(name)
                        && card.text().contains(email)
                        && card.text().contains("Dolores Aguilar"),
                "staff see what the signer gave, the address too: " + card.text());
        Element form = card.selectFirst("form");
        staff.submit(queue, form.id(), Map.of(), "verify");
        assertEquals("SIGNED", states(id).get(name));
        Await.until(
                "the page to list it",
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                () -> listed(slug).contains(name));
        Page page = new WebSession(portal).get("/statements/" + slug + "?lang=es");
        assertFalse(page.body().contains(email), "the signer's address is never public");
        assertFalse(page.body().contains("Dolores Aguilar"), "nor who signed");

        MimeMessage told = Mailbox.to(email, 2).get(1);
        assertEquals("Tu firma aparece: Pronunciamiento " + slug, subject(told));
    }

    /** The page once it has the element {@code id} (public pages are cached for a couple of seconds). */
    static Page awaitPage(WebSession who, String path, String id) throws Exception {
        Page[] found = new Page[1];
        Await.until("an element #" + id + " on " + path, Duration.ofSeconds(10), Duration.ofMillis(200), () -> {
            found[0] = who.get(path);
            return found[0].document().getElementById(id) != null;
        });
        return found[0];
    }

    /** Confirms the newest sign-on link mailed to {@code email}. */
    void confirmFrom(String email, int mails) throws Exception {
        List<MimeMessage> received = Mailbox.to(email, mails);
        String link = Mailbox.link(received.get(mails - 1), "/statement-signature?token=");
        WebSession signer = new WebSession(portal);
        Page confirmed = signer.submit(signer.get(link), "confirm", Map.of(), "submit");
        assertEquals(200, confirmed.status(), confirmed.text());
    }

    @Test
    @DisplayName("one signature per organization: the same name written otherwise in the same country gets the same "
            + "answer and no second row (the address that asked is told it is recorded); another name with the same "
            + "organization e-mail domain is flagged to staff; a member organization's name is sent to the dashboard")
    void duplicates() throws Exception {
        String slug = unique("dup");
        long id = openStatement(slug);
        String tag = Long.toString(System.nanoTime());
        String first = unique("ana") + "@angeles" + tag + ".example.org";
        String name = "Ángeles de la Frontera, A.C. " + tag;
        Page answered = signOn(
                visitor,
                slug,
                "en",
                Map.of("organizationName", name, "email", first, "city", "Tijuana", "country", "MX"));
        confirmFrom(first, 1);
        assertEquals("UNVERIFIED", states(id).get(name));

        String second = unique("otra") + "@example.net";
        Page again = signOn(
                new WebSession(portal).ownClientAddress(),
                slug,
                "en",
                Map.of(
                        "organizationName",
                        "angeles de la frontera A C " + tag,
                        "email",
                        second,
                        "city",
                        "Tijuana",
                        "country",
                        "MX"));
        assertEquals(answered.status(), again.status());
        assertEquals(answered.uri(), again.uri(), "the same answer as a first signature");
        assertEquals(
                answered.document().select("main").text(),
                again.document().select("main").text());
        assertEquals(1, states(id).size(), "one row for the organization: " + states(id));
        assertEquals(
                "Already signed: Statement " + slug, subject(Mailbox.to(second).get(0)));

        String sister = unique("luis") + "@angeles" + tag + ".example.org";
        String otherName = "Casa del Migrante Ángeles " + tag;
        signOn(
                new WebSession(portal).ownClientAddress(),
                slug,
                "en",
                Map.of("organizationName", otherName, "email", sister, "city", "Mexicali", "country", "MX"));
        confirmFrom(sister, 1);
        assertEquals(2, states(id).size());

        String memberAsker = unique("member") + "@example.org";
        signOn(
                new WebSession(portal).ownClientAddress(),
                slug,
                "es",
                Map.of(
                        "organizationName",
                        "voces unidas de chicago",
                        "email",
                        memberAsker,
                        "city",
                        "Chicago",
                        "country",
                        "US"));
        assertEquals(2, states(id).size(), "a member's name makes no outside signature");
        MimeMessage pointed = Mailbox.to(memberAsker).get(0);
        assertEquals("Firma desde tu panel: Pronunciamiento " + slug, subject(pointed));
        assertTrue(Mailbox.link(pointed, "/admin/statement-sign?id=").endsWith("id=" + id));

        WebSession staff = Accounts.admin(new WebSession(portal));
        Page queue = staff.get("/admin/statement-verify?id=" + id);
        Element flagged = queue.document().select("#waiting > li").stream()
                .filter(li -> li.selectFirst("h2").text().equals(otherName))
                .findFirst()
                .orElseThrow(() -> new AssertionError(queue.text()));
        assertNotNull(flagged.selectFirst(".duplicate-flag"), flagged.text());
        assertTrue(flagged.selectFirst(".duplicate-flag").text().contains(name), flagged.text());
    }

    @Test
    @DisplayName("bad input is refused in the visitor's language with nothing saved (a one-letter or 500-letter name, "
            + "a website that is not http(s), no authority to sign); staff turn one down with a reason the signer "
            + "reads in their language, and a reason is required")
    void badInputAndRejection() throws Exception {
        String slug = unique("bad");
        long id = openStatement(slug);
        String email = unique("pat") + "@example.org";

        Page oneLetter = signOn(visitor, slug, "es", Map.of("organizationName", "A", "email", email));
        assertEquals(422, oneLetter.status(), "refused input is a 4xx");
        assertTrue(
                oneLetter.text().contains("El nombre de la organización debe tener de 2 a 200 caracteres."),
                oneLetter.text());
        Page tooLong = signOn(visitor, slug, "en", Map.of("organizationName", "A".repeat(500), "email", email));
        assertTrue(tooLong.status() < 500);
        assertTrue(tooLong.text().contains("must be from 2 to 200 characters"), tooLong.text());
        Page badSite = signOn(
                visitor,
                slug,
                "en",
                Map.of("organizationName", "Good Name " + slug, "email", email, "site", "javascript:alert(1)"));
        assertTrue(
                badSite.text().contains("Enter a web address that starts with https:// or http://."), badSite.text());
        Map<String, String> noAuthority =
                new HashMap<>(Map.of("organizationName", "Good Name " + slug, "email", email));
        noAuthority.put("authority", null);
        Page unauthorized = signOn(visitor, slug, "es", noAuthority);
        assertTrue(unauthorized.text().contains("Confirma que esta persona puede firmar"), unauthorized.text());
        assertEquals(
                "true",
                unauthorized.document().getElementById("signon:authority").attr("aria-invalid"),
                "the refused box is marked");
        assertEquals(
                "Good Name " + slug,
                unauthorized
                        .document()
                        .getElementById("signon:organizationName")
                        .val(),
                "what was typed is kept");
        assertTrue(states(id).isEmpty(), "nothing saved: " + states(id));

        String name = "Fake Org " + slug;
        signOn(visitor, slug, "en", Map.of("organizationName", name, "email", email, "language", "EN"));
        confirmFrom(email, 1);
        WebSession staff = Accounts.admin(new WebSession(portal));
        Page queue = staff.get("/admin/statement-verify?id=" + id);
        String formId = queue.document().select("#waiting > li form").first().id();
        Page noReason = staff.submit(queue, formId, Map.of("reason", " "), "reject");
        assertTrue(noReason.text().contains("Write the reason"), noReason.text());
        assertEquals("UNVERIFIED", states(id).get(name));
        staff.submit(queue, formId, Map.of("reason", "We could not find this organization."), "reject");
        assertEquals("REJECTED", states(id).get(name));
        MimeMessage told = Mailbox.to(email, 2).get(1);
        assertEquals("Your signature was not listed: Statement " + slug, subject(told));
        assertTrue(Mailbox.part(told, "text/plain").contains("We could not find this organization."));
        assertFalse(listed(slug).contains(name));
    }

    @Test
    @DisplayName("where the lead allows it, people sign for themselves: counted apart from the organizations, named "
            + "only if they agree; a closed statement takes no sign-on")
    void individualsAndClosed() throws Exception {
        String slug = unique("people");
        long id = openStatement(slug);
        Page withoutPeople = visitor.get("/statements/" + slug + "?lang=en");
        assertNotNull(withoutPeople.document().getElementById("signon"));
        assertNull(withoutPeople.document().getElementById("signonperson"), "no individual form unless allowed");
        try (Connection db = TestEnvironment.database();
                PreparedStatement allow = db.prepareStatement("UPDATE statement SET individuals = TRUE WHERE id = ?")) {
            allow.setLong(1, id);
            allow.executeUpdate();
        }
        String named = unique("rosa") + "@example.org";
        String hidden = unique("juan") + "@example.org";
        for (String[] person :
                new String[][] {{named, "Rosa Named " + slug, "on"}, {hidden, "Juan Hidden " + slug, ""}}) {
            WebSession someone = new WebSession(portal).ownClientAddress();
            Page page = awaitPage(someone, "/statements/" + slug + "?lang=en", "signonperson");
            TestClock.fillingInTheForm(portal);
            Map<String, String> fields = new HashMap<>(Map.of(
                    "signerName", person[1], "email", person[0], "city", "Houston", "country", "US", "language", "EN"));
            if (!person[2].isEmpty()) {
                fields.put("namePublic", "on");
            }
            Page answered = someone.submit(page, "signonperson", fields, "submit");
            assertTrue(answered.uri().getPath().endsWith("/statement-check-email"), answered.text());
            confirmFrom(person[0], 1);
        }
        Page page = awaitPage(new WebSession(portal), "/statements/" + slug + "?lang=en", "individuals");
        assertEquals(
                "Also signed by 2 people",
                page.document().getElementById("individuals").text());
        assertTrue(page.text().contains("Rosa Named " + slug));
        assertFalse(page.text().contains("Juan Hidden " + slug), "a name shown only if agreed");
        assertFalse(listed(slug).contains("Rosa Named " + slug), "people are not among the organizations");
        assertFalse(page.body().contains(named) || page.body().contains(hidden));

        try (Connection db = TestEnvironment.database();
                PreparedStatement close = db.prepareStatement("UPDATE statement SET state = 'CLOSED' WHERE id = ?")) {
            close.setLong(1, id);
            close.executeUpdate();
        }
        Map<String, String> fields = WebSession.fields(page, "signon");
        String action = page.document().getElementById("signon").attr("action");
        fields.putAll(Map.of(
                "signon:organizationName",
                "Late Org " + slug,
                "signon:email",
                unique("late") + "@example.org",
                "signon:city",
                "Houston",
                "signon:country",
                "US",
                "signon:signerName",
                "Late Signer",
                "signon:authority",
                "on",
                "signon:submit",
                "signon:submit"));
        Page late = new WebSession(portal).postForm(action, fields);
        assertTrue(late.status() < 500, late.text());
        assertFalse(states(id).containsKey("Late Org " + slug), "a closed statement takes no sign-on");
    }

    /** The printed statement's text, every run of white space one space. */
    String printed(String slug) throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(portal.resolve("/statements/" + slug + ".pdf?lang=en"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    @DisplayName("the printed statement lists an outside organization as soon as staff verify it; a new version of "
            + "the text asks it, in its language, to re-confirm through a new link, and until it does its signature "
            + "is listed apart as one of an earlier text; a month after the release its contact address is erased")
    void verifiedInPrintAndReconfirmed() throws Exception {
        String slug = unique("again");
        long id = openStatement(slug);
        String email = unique("ines") + "@example.org";
        String name = "Pastoral de Movilidad Humana " + slug;
        signOn(visitor, slug, "en", Map.of("organizationName", name, "email", email, "language", "EN"));
        confirmFrom(email, 1);
        assertFalse(printed(slug).contains(name), "not printed before staff verify it");
        WebSession staff = Accounts.admin(new WebSession(portal));
        Page queue = staff.get("/admin/statement-verify?id=" + id);
        staff.submit(
                queue, queue.document().select("#waiting > li form").first().id(), Map.of(), "verify");
        assertTrue(printed(slug).contains(name), "the cached PDF notices the verification");

        Page edit = staff.get("/admin/statement?id=" + id + "&lang=en");
        Page changed =
                staff.submit(edit, "form", Map.of("form:demand:0:textEn", "End family detention, everywhere."), "save");
        assertTrue(changed.messages().contains("Saved as a new version"), changed.messages());
        Mailbox.awaitIdleQueue(portal);
        MimeMessage asked = Mailbox.to(email).stream()
                .filter(m -> subject(m).equals("Please confirm again: Statement " + slug))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no re-confirmation mail"));
        assertTrue(Mailbox.part(asked, "text/plain").contains("End family detention, everywhere."));
        Page earlier = awaitPage(new WebSession(portal), "/statements/" + slug + "?lang=en", "signatories");
        Await.until(
                "the signature to show as of an earlier text",
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                () -> new WebSession(portal)
                        .get("/statements/" + slug + "?lang=en")
                        .document()
                        .select(".signatories__list--earlier")
                        .text()
                        .contains(name));
        assertFalse(earlier.body().contains(email));

        WebSession signer = new WebSession(portal);
        Page opened = signer.get(Mailbox.link(asked, "/statement-signature?token="));
        assertTrue(opened.text().contains("The text changed after " + name + " signed it"), opened.text());
        Page endorsed = signer.submit(opened, "confirm", Map.of(), "submit");
        assertNotNull(endorsed.document().getElementById("counted"), endorsed.text());
        try (Connection db = TestEnvironment.database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT text_version FROM statement_signatory WHERE statement_id = ? AND organization_name = ?")) {
            query.setLong(1, id);
            query.setString(2, name);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1), "it endorses the current text now");
            }
        }
        Await.until(
                "the page to count it for the current text",
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                () -> listed(slug).contains(name)
                        && new WebSession(portal)
                                .get("/statements/" + slug + "?lang=en")
                                .document()
                                .select(".signatories__list--earlier")
                                .isEmpty());

        // A month after the release, the signer's contact address is erased; the signature stays.
        try (Connection db = TestEnvironment.database();
                PreparedStatement release =
                        db.prepareStatement("UPDATE statement SET state = 'RELEASED', released_at = ? WHERE id = ?")) {
            release.setString(1, TestEvents.utc(TestClock.now(portal).minus(Duration.ofDays(31))));
            release.setLong(2, id);
            release.executeUpdate();
        }
        Await.until("the upkeep to erase the address", Duration.ofSeconds(20), Duration.ofMillis(200), () -> {
            try (Connection db = TestEnvironment.database();
                    PreparedStatement query = db.prepareStatement(
                            "SELECT COUNT(*) FROM statement_signatory WHERE statement_id = ? AND email IS NOT NULL")) {
                query.setLong(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 0;
                }
            }
        });
        assertEquals("SIGNED", states(id).get(name), "the signature itself stays");
    }
}
