package org.puente.petition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.puente.testing.Accounts;
import org.puente.testing.Await;
import org.puente.testing.Deployments;
import org.puente.testing.Mailbox;
import org.puente.testing.QueryLog;
import org.puente.testing.TestClock;
import org.puente.testing.TestEnvironment;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Petitions: signing, confirming by e-mail, counting once")
class PetitionsIT {

    static final String PETITION = "/petitions/reunite-families-now";
    static final String OTHER = "/petitions/interpreters-in-every-court";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    URI portal;
    WebSession visitor;

    @BeforeEach
    void newVisitor() throws Exception {
        portal = base.toURI();
        visitor = new WebSession(portal);
    }

    /** The time a person takes to fill in the form passes on the portal's clock, not on the test's. */
    void fillingInTheForm() {
        TestClock.fillingInTheForm(portal);
    }

    static Connection db() throws Exception {
        return TestEnvironment.database();
    }

    /** A new open petition, straight in the database; its slug (also in its English title). */
    static String openPetition(String prefix) throws Exception {
        String slug = prefix + "-" + System.nanoTime();
        try (Connection db = db();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO petition (organization_id, slug, title_en, target, goal, state, created_at, updated_at, "
                                + "opened_at) SELECT MIN(id), ?, ?, 'Someone', 10, 'OPEN', NOW(), NOW(), NOW() FROM organization")) {
            insert.setString(1, slug);
            insert.setString(2, "Petition " + slug);
            assertEquals(1, insert.executeUpdate());
        }
        return slug;
    }

    /** How many of a petition's signatures are in each state and hold, e.g. {@code "PENDING/RATE_LIMIT" → 2}. */
    static Map<String, Long> signatures(String slug) throws Exception {
        Map<String, Long> found = new HashMap<>();
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement(
                        "SELECT s.state, s.hold_reason, COUNT(*) FROM signature s JOIN petition p ON p.id = s.petition_id "
                                + "WHERE p.slug = ? GROUP BY s.state, s.hold_reason")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1) + (rs.getString(2) == null ? "" : "/" + rs.getString(2)), rs.getLong(3));
                }
            }
        }
        return found;
    }

    static long rows(String canonicalEmail) throws Exception {
        try (Connection db = db();
                PreparedStatement query =
                        db.prepareStatement("SELECT COUNT(*) FROM signature WHERE email_canonical = ?")) {
            query.setString(1, canonicalEmail);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The count as another reader sees it (a separate visitor, so this one's language cookie stays). */
    long count(String path) throws Exception {
        String text = new WebSession(base.toURI())
                .get(path + "?lang=en")
                .document()
                .getElementById("count")
                .text();
        return Long.parseLong(text.replaceAll("^([\\d,]+) of.*", "$1").replace(",", ""));
    }

    Page sign(String path, String language, Map<String, String> values) {
        Page page = visitor.get(path + "?lang=" + language);
        fillingInTheForm();
        Map<String, String> all = new HashMap<>(Map.of(
                "firstName", "Lucía", "lastName", "Hernández", "country", "MX", "language", language.toUpperCase()));
        all.putAll(values);
        return visitor.submit(page, "sign", all, "submit");
    }

    @Test
    @DisplayName(
            "a visitor signs in Spanish, gets the mail in Spanish; GET of the link confirms nothing, POST confirms once")
    void signAndConfirmInSpanish() throws Exception {
        long before = count(PETITION);
        String email = "lucia-" + System.nanoTime() + "@example.org";
        Page sent = sign(
                PETITION, "es", Map.of("email", email, "comment", "¡Por nuestras familias! 🌎 <script>x</script>"));
        assertEquals(200, sent.status());
        assertTrue(
                sent.uri().getPath().startsWith("/petition-check-email"),
                sent.uri().toString());
        assertTrue(sent.text().contains("Revisa tu correo"), sent.text());
        assertEquals(before, count(PETITION), "a pending signature does not count");

        MimeMessage mail = Mailbox.to(email).get(0);
        assertEquals("Confirma tu firma: Reunifiquen ya a las familias separadas", mail.getSubject());
        assertTrue(Mailbox.part(mail, "text/plain").startsWith("Hola:"), Mailbox.part(mail, "text/plain"));
        assertFalse(Mailbox.part(mail, "text/plain").contains("Lucía"), "the name the signer typed is not in the mail");
        String link = Mailbox.link(mail, "/signature-confirm?token=");

        Page confirmPage = visitor.get(link);
        assertEquals(200, confirmPage.status());
        assertNotNull(confirmPage.document().getElementById("confirm"), "a button to press");
        visitor.get(link);
        assertEquals(before, count(PETITION), "following the link (as a mail scanner would) confirms nothing");

        Page thanks = visitor.submit(confirmPage, "confirm", Map.of(), "submit");
        assertTrue(thanks.uri().getPath().equals(PETITION), thanks.uri().toString());
        assertTrue(thanks.text().contains("Tu firma está confirmada"), thanks.text());
        assertEquals(before + 1, count(PETITION), "counted exactly once");

        Page again = visitor.get(link);
        assertNull(again.document().getElementById("confirm"), "the link is single-use");
        assertNotNull(again.document().getElementById("counted"), "the used link says the signature counts");
        assertTrue(again.text().contains("está confirmada y cuenta"), again.text());
        assertEquals(before + 1, count(PETITION));
        try (Connection db = db();
                PreparedStatement query =
                        db.prepareStatement("SELECT COUNT(*) FROM supporter WHERE email_canonical = ?")) {
            query.setString(1, email);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no consent ticked: not a supporter");
            }
        }
        try (Connection db = db();
                PreparedStatement query =
                        db.prepareStatement("SELECT comment, language, state FROM signature WHERE email = ?")) {
            query.setString(1, email);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("¡Por nuestras familias! 🌎 <script>x</script>", rs.getString(1), "stored as typed");
                assertEquals("es", rs.getString(2));
                assertEquals("CONFIRMED", rs.getString(3));
            }
        }
    }

    static long outboxRows(String email, String state) throws Exception {
        try (Connection db = db();
                PreparedStatement query =
                        db.prepareStatement("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND state = ?")) {
            query.setString(1, email);
            query.setString(2, state);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    @DisplayName("with the mail server down, a confirmation waits in the outbox, staff are warned after a few minutes, "
            + "and it leaves when the server is back; a refusal for good is recorded without the message")
    void confirmationsSurviveAMailServerOutage() throws Exception {
        String email = "outage-" + System.nanoTime() + "@example.org";
        WebSession staff = Accounts.admin(new WebSession(base.toURI()).forwardedFor("198.51.100.91"));
        try {
            TestEnvironment.smtp().setDown(true);
            Page sent = sign(PETITION, "es", Map.of("email", email));
            assertTrue(sent.text().contains("Revisa tu correo"), sent.text());
            Await.until(
                    "the first try failed and the message waits",
                    Duration.ofSeconds(30),
                    Duration.ofMillis(100),
                    () -> {
                        try (Connection db = db();
                                PreparedStatement query = db.prepareStatement(
                                        "SELECT attempts FROM mail_outbox WHERE recipient = ? AND state = 'PENDING'")) {
                            query.setString(1, email);
                            try (ResultSet rs = query.executeQuery()) {
                                return rs.next() && rs.getInt(1) >= 1;
                            }
                        }
                    });
            assertTrue(Mailbox.to(email, 0).isEmpty(), "nothing left while the server was down");
            TestClock.advance(base.toURI(), Duration.ofMinutes(6));
            Page dashboard = staff.get("/admin/index?lang=en");
            assertNotNull(dashboard.document().getElementById("mailStuck"), "staff are warned: " + dashboard.text());
            assertTrue(dashboard.text().contains("Mail is not leaving"), dashboard.text());
        } finally {
            TestEnvironment.smtp().setDown(false);
        }
        try {
            MimeMessage mail = Mailbox.to(email).get(0);
            assertEquals("Confirma tu firma: Reunifiquen ya a las familias separadas", mail.getSubject());
            Await.until(
                    "the sent message leaves the outbox",
                    Duration.ofSeconds(20),
                    Duration.ofMillis(100),
                    () -> outboxRows(email, "PENDING") == 0);
        } finally {
            TestClock.reset(base.toURI());
        }

        String refused = "bounce-" + System.nanoTime() + "@example.org";
        sign(PETITION, "en", Map.of("email", refused));
        Await.until(
                "the refusal is recorded",
                Duration.ofSeconds(20),
                Duration.ofMillis(100),
                () -> outboxRows(refused, "REFUSED") == 1);
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement(
                        "SELECT text_part, html_part, last_error FROM mail_outbox WHERE recipient = ?")) {
            query.setString(1, refused);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("", rs.getString(1), "the refused message's link is not kept");
                assertNull(rs.getString(2));
                assertTrue(rs.getString(3).contains("550"), rs.getString(3));
            }
        }
    }

    @Test
    @DisplayName("a double click on Sign sends two mails with the same link, and it confirms; an expired link offers a "
            + "new one that works; a link that names no signature says so")
    void doubleClickAndExpiredLinks() throws Exception {
        String slug = openPetition("double");
        String email = "doble-" + System.nanoTime() + "@example.org";
        Page form = visitor.get("/petitions/" + slug + "?lang=es");
        fillingInTheForm();
        Map<String, String> values = Map.of(
                "firstName", "Lucía", "lastName", "Hernández", "email", email, "country", "MX", "language", "ES");
        visitor.submit(form, "sign", values, "submit");
        visitor.submit(form, "sign", values, "submit");
        List<MimeMessage> mails = Mailbox.to(email, 2);
        assertEquals(2, mails.size());
        String first = Mailbox.link(mails.get(0), "/signature-confirm?token=");
        assertEquals(first, Mailbox.link(mails.get(1), "/signature-confirm?token="), "both mails carry the same link");
        Page confirmPage = visitor.get(first);
        visitor.submit(confirmPage, "confirm", Map.of(), "submit");
        assertEquals(Map.of("CONFIRMED", 1L), signatures(slug), "the older mail's link confirmed the signature");

        String late = "tarde-" + System.nanoTime() + "@example.org";
        Page lateForm = visitor.get("/petitions/" + slug + "?lang=en");
        fillingInTheForm();
        visitor.submit(
                lateForm,
                "sign",
                Map.of("firstName", "Luis", "lastName", "Soto", "email", late, "country", "GT", "language", "EN"),
                "submit");
        String oldLink = Mailbox.link(Mailbox.to(late).get(0), "/signature-confirm?token=");
        try {
            TestClock.advance(base.toURI(), Signature.LINK_LIFETIME.plusHours(1));
            Page expired = visitor.get(oldLink);
            assertNull(expired.document().getElementById("confirm"), "an expired link confirms nothing");
            assertTrue(expired.text().contains("does not count yet"), expired.text());
            Page renewed = visitor.submit(expired, "renew", Map.of(), "submit");
            assertNotNull(renewed.document().getElementById("renewed"), renewed.text());
            List<MimeMessage> lateMails = Mailbox.to(late, 2);
            String newLink = Mailbox.link(lateMails.get(1), "/signature-confirm?token=");
            assertNotEquals(oldLink, newLink, "a new link");
            visitor.submit(visitor.get(newLink), "confirm", Map.of(), "submit");
            assertEquals(Map.of("CONFIRMED", 2L), signatures(slug));
        } finally {
            TestClock.reset(base.toURI());
        }

        Page forged = visitor.get("/signature-confirm?token=" + "A".repeat(43) + "&lang=en");
        assertEquals(200, forged.status());
        assertNotNull(forged.document().getElementById("invalid"), forged.text());
    }

    @Test
    @DisplayName("the same Gmail address with dots and a +tag is the same person: same answer, no second signature")
    void duplicatesByCanonicalEmail() throws Exception {
        String local = "rosa" + System.nanoTime();
        Page first = sign(OTHER, "en", Map.of("email", local + "@gmail.com"));
        Page second = sign(
                OTHER, "en", Map.of("email", local.substring(0, 2) + "." + local.substring(2) + "+petition@GMAIL.com"));
        assertEquals(first.uri().getPath(), second.uri().getPath(), "the same page: nobody can probe who signed");
        assertEquals(first.text(), second.text());
        assertEquals(1, rows(local + "@gmail.com"));
        assertEquals(2, Mailbox.to(local + "@gmail.com", 2).size(), "a fresh link went to the address first given");
        for (int i = 0; i < 4; i++) {
            sign(OTHER, "en", Map.of("email", local + "@gmail.com"));
        }
        assertEquals(1, rows(local + "@gmail.com"));
        assertEquals(3, Mailbox.settledTo(portal, local + "@gmail.com").size(), "at most three mails to one person");
    }

    @Test
    @DisplayName("50 simultaneous submissions of one address make exactly one signature and no error page")
    void parallelDuplicates() throws Exception {
        String email = "parallel-" + System.nanoTime() + "@example.org";
        Page page = visitor.get(OTHER + "?lang=en");
        Map<String, String> fields = WebSession.fields(page, "sign");
        fields.putAll(Map.of(
                "sign:firstName",
                "Para",
                "sign:lastName",
                "Lelo",
                "sign:email",
                email,
                "sign:country",
                "US",
                "sign:language",
                "EN",
                "sign:submit",
                "sign:submit"));
        String action = page.document().getElementById("sign").attr("action");
        fillingInTheForm();
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<Future<Page>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> new WebSession(base.toURI()).postForm(action, fields)));
            }
            for (Future<Page> answer : answers) {
                Page result = answer.get();
                assertEquals(200, result.status(), result.text());
                assertTrue(
                        result.uri().getPath().startsWith("/petition-check-email"), result.uri() + " " + result.text());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rows(email));
    }

    @Test
    @DisplayName("a hundred people confirming in the same moment: the count equals the confirmed rows, exactly")
    void simultaneousConfirmations() throws Exception {
        String slug = openPetition("spike");
        String path = "/petitions/" + slug;
        Page page = visitor.get(path + "?lang=en");
        Map<String, String> fields = WebSession.fields(page, "sign");
        String action = page.document().getElementById("sign").attr("action");
        fillingInTheForm();
        String run = "spike-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<Future<Page>> signed = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Map<String, String> mine = new HashMap<>(fields);
                mine.putAll(Map.of(
                        "sign:firstName",
                        "Pico",
                        "sign:lastName",
                        "Nº " + i,
                        "sign:email",
                        run + "-" + i + "@example.org",
                        "sign:country",
                        "US",
                        "sign:language",
                        "EN",
                        "sign:submit",
                        "sign:submit"));
                signed.add(pool.submit(() -> new WebSession(base.toURI()).postForm(action, mine)));
            }
            for (Future<Page> answer : signed) {
                assertTrue(
                        answer.get().uri().getPath().startsWith("/petition-check-email"),
                        answer.get().uri().toString());
            }
            List<String> links = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                links.add(Mailbox.link(
                        Mailbox.to(run + "-" + i + "@example.org", 1).get(0), "/signature-confirm?token="));
            }
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
            List<Future<Page>> confirmed = new ArrayList<>();
            for (String link : links) {
                WebSession signer = new WebSession(base.toURI());
                Page confirmPage = signer.get(link);
                confirmed.add(pool.submit(() -> {
                    ready.await();
                    return signer.submit(confirmPage, "confirm", Map.of(), "submit");
                }));
            }
            ready.countDown(); // all at once
            for (Future<Page> answer : confirmed) {
                assertEquals(200, answer.get().status());
                assertTrue(
                        answer.get().uri().getQuery().contains("thanks=1"),
                        answer.get().uri().toString());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of("CONFIRMED", 100L), signatures(slug));
        // The page's count may be up to SignatureCounts.MAX_AGE old: wait for the recount, no longer.
        Await.holds(SignatureCounts.MAX_AGE.plusSeconds(10), Duration.ofMillis(100), () -> count(path) == 100);
        long shown = count(path);
        assertEquals(100, shown, "the count is the confirmed rows, none lost to contention");
    }

    @Test
    @DisplayName("bad input gets messages in the signer's language, nothing saved, no 500")
    void badInput() throws Exception {
        String email = "bad-" + System.nanoTime() + "@example.org";
        Map<Map<String, String>, String> catalogue = new java.util.LinkedHashMap<>();
        catalogue.put(Map.of("email", "no-es-correo"), "correo electrónico válido");
        catalogue.put(Map.of("email", email, "firstName", "Visit https://spam.example"), "dirección web");
        catalogue.put(Map.of("email", email, "lastName", "Nu\u0000ll"), "no están permitidos");
        catalogue.put(Map.of("email", email, "firstName", ""), "Escribe tu nombre");
        catalogue.put(Map.of("email", email, "comment", "c".repeat(501)), "demasiado largo");
        catalogue.put(Map.of("email", email, "country", "Mexico"), "Elige un país de la lista");
        catalogue.put(Map.of("email", email, "postalCode", "<b>1</b>"), "letras, números");
        for (var entry : catalogue.entrySet()) {
            Page page = sign(PETITION, "es", entry.getKey());
            assertEquals(422, page.status(), entry.getKey().toString());
            assertTrue(page.messages().contains(entry.getValue()), entry.getKey() + " → " + page.messages());
            assertEquals(PETITION, page.uri().getPath(), "the petition's own address after an error");
            assertEquals(
                    PETITION + "?lang=es",
                    page.document().getElementById("sign").attr("action"),
                    "the form posts to the petition's address again");
            var summary = page.document().getElementById("error-summary");
            assertNotNull(summary, "an error summary at the top of the form");
            assertEquals("-1", summary.attr("tabindex"));
            assertTrue(summary.hasAttr("autofocus"), "it takes the focus");
            var link = summary.selectFirst("a[href^=#sign:]");
            assertNotNull(link, "each problem links to its field: " + summary);
            assertNotNull(page.document().getElementById(link.attr("href").substring(1)), "the field it links to");
            assertTrue(summary.text().contains(entry.getValue()), summary.text());
        }
        Page fresh = visitor.get(PETITION + "?lang=es");
        assertNull(fresh.document().getElementById("error-summary"), "no summary before a problem");
        assertEquals("500", fresh.document().getElementById("sign:comment").attr("maxlength"));
        assertEquals("254", fresh.document().getElementById("sign:email").attr("maxlength"));
        assertEquals(0, rows(email), "nothing half-written");
        Page huge = sign(PETITION, "es", Map.of("email", email, "comment", "x".repeat(5 * 1024 * 1024)));
        assertEquals(413, huge.status());
        assertEquals(404, visitor.get("/petitions/no-such-petition").status());
    }

    @Test
    @DisplayName("too-fast and over-limit signatures look accepted, are held uncounted and unmailed; staff see the "
            + "sources, release some (then they confirm and count) and discard others")
    void abuseIsHeldForReview() throws Exception {
        String slug = openPetition("abuse");
        String path = "/petitions/" + slug;
        String address = "203.0.113." + (1 + System.nanoTime() % 250);
        WebSession robot = new WebSession(base.toURI()).forwardedFor(address);
        Map<String, String> person = Map.of("firstName", "Rápida", "lastName", "Prisa", "country", "US");

        Page page = robot.get(path + "?lang=en");
        String hasty = "hasty-" + System.nanoTime() + "@example.org";
        Page answer = robot.submit(page, "sign", with(person, "email", hasty), "submit");
        assertTrue(answer.uri().getPath().startsWith("/petition-check-email"), "looks accepted: " + answer.uri());
        Page forged = robot.submit(
                page,
                "sign",
                with(
                        with(person, "email", "forged-" + hasty),
                        "=started",
                        "1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                "submit");
        assertTrue(
                forged.uri().getPath().startsWith("/petition-check-email"),
                forged.uri().toString());
        assertEquals(
                Map.of("PENDING/TOO_FAST", 2L), signatures(slug), "sent faster than anyone types, or a forged timer");

        fillingInTheForm();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            emails.add("burst-" + i + "-" + System.nanoTime() + "@example.org");
            Page sent = robot.submit(page, "sign", with(person, "email", emails.get(i)), "submit");
            assertTrue(
                    sent.uri().getPath().startsWith("/petition-check-email"),
                    sent.uri().toString());
        }
        assertEquals(
                Map.of("PENDING", 3L, "PENDING/RATE_LIMIT", 4L, "PENDING/TOO_FAST", 2L),
                signatures(slug),
                "five attempts a minute from one address (the hasty ones too), then held");
        assertEquals(1, Mailbox.settledTo(portal, emails.get(2)).size());
        assertEquals(0, Mailbox.settledTo(portal, emails.get(3)).size(), "no mail for a held signature");
        assertEquals(0, Mailbox.settledTo(portal, hasty).size());

        WebSession admin = Accounts.admin(new WebSession(base.toURI()));
        long id = Accounts.idInRow(admin.get("/admin/petitions?lang=en"), "Petition " + slug, "petition-review");
        Page review = admin.get("/admin/petition-review?id=" + id + "&lang=en");
        assertNotNull(
                review.document().getElementById("held-RATE_LIMIT"),
                review.uri() + " " + review.status() + ": " + review.text());
        assertEquals("4", review.document().getElementById("held-RATE_LIMIT").text());
        assertEquals("2", review.document().getElementById("held-TOO_FAST").text());
        String sources = review.document().getElementById("sources").text();
        assertTrue(sources.contains(address + " · "), "the address is among the busiest: " + sources);
        assertTrue(sources.contains("example.org · "), "and the e-mail domain: " + sources);

        Page released = admin.submit(review, "held", Map.of(), buttonIn(review, "Over the rate limit", "release"));
        assertTrue(released.messages().contains("4 held signatures released"), released.messages());
        String link = Mailbox.link(Mailbox.to(emails.get(6), 1).get(0), "/signature-confirm?token=");
        visitor.submit(visitor.get(link), "confirm", Map.of(), "submit");
        Page discarded =
                admin.submit(released, "held", Map.of(), buttonIn(released, "faster than a person", "discard"));
        assertTrue(discarded.messages().contains("2 held signatures discarded"), discarded.messages());
        assertEquals(Map.of("PENDING", 6L, "CONFIRMED", 1L), signatures(slug));
        assertEquals(1, count(path), "only the confirmed signature counts");

        assertTrue(
                new WebSession(base.toURI())
                        .get("/admin/petition-review?id=" + id)
                        .uri()
                        .getPath()
                        .startsWith("/login"),
                "staff only");
    }

    static Map<String, String> with(Map<String, String> values, String name, String value) {
        Map<String, String> all = new HashMap<>(values);
        all.put(name, value);
        return all;
    }

    @Test
    @DisplayName(
            "signatures through the API obey the same per-address limits: over the burst they are held, not counted")
    void apiIsRateLimited() throws Exception {
        String slug = openPetition("api-limit");
        String address = "198.51.100." + (1 + System.nanoTime() % 250);
        long id;
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement("SELECT id FROM petition WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        for (int i = 0; i < 6; i++) {
            String body =
                    "{\"person\":{\"given_name\":\"Ráfaga\",\"family_name\":\"Api\",\"email_addresses\":[{\"address\":\""
                            + "burst-api-" + i + "-" + System.nanoTime()
                            + "@example.org\"}],\"postal_addresses\":[{\"country\":\"US\"}]}}";
            var answer = api(base, "POST", "/api/v1/petitions/" + id + "/signatures", body, address);
            assertEquals(202, answer.statusCode(), "every one looks accepted: " + answer.body());
        }
        assertEquals(Map.of("PENDING", 5L, "PENDING/RATE_LIMIT", 1L), signatures(slug));
    }

    static long idOf(String slug) throws Exception {
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement("SELECT id FROM petition WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** An OSDI signature whose signer calls themselves {@code givenName}. */
    static String signatureJson(String givenName, String email) {
        return "{\"person\":{\"given_name\":\"" + givenName
                + "\",\"family_name\":\"Api\",\"email_addresses\":[{\"address\":\"" + email
                + "\"}],\"postal_addresses\":[{\"country\":\"US\"}]}}";
    }

    /** A signature POST as anyone may send it: any content type, any extra headers (a partner's key). */
    static java.net.http.HttpResponse<String> post(
            URL base, long petitionId, String body, String contentType, String forwardedFor, String... headers)
            throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                        base.toURI().resolve("api/v1/petitions/" + petitionId + "/signatures"))
                .header("Content-Type", contentType)
                .header("Accept-Language", "es")
                .header("X-Forwarded-For", forwardedFor)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request = request.headers(headers);
        }
        return java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("another site cannot make its visitors' browsers sign someone up: text/plain and form posts get 415 "
            + "and no mail; a JSON post still gets 202 and a mail that does not repeat the name typed")
    void apiTakesOnlyJson() throws Exception {
        long id = idOf(openPetition("api-json"));
        String address = "198.51.100." + (1 + System.nanoTime() % 250);
        String name = "Claim your refund at bit.ly/x7Ab";
        String victim = "victim-" + System.nanoTime() + "@example.org";
        var plain = post(base, id, signatureJson(name, victim), "text/plain;charset=UTF-8", address);
        assertEquals(415, plain.statusCode(), plain.body());
        assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith("application/hal+json"));
        assertTrue(
                jakarta.json.Json.createReader(new java.io.StringReader(plain.body()))
                        .readObject()
                        .getString("error")
                        .contains("JSON"),
                plain.body());
        assertEquals(
                415,
                post(base, id, "person=x", "application/x-www-form-urlencoded", address)
                        .statusCode());
        assertEquals(0, rows(victim));

        String signer = "json-" + System.nanoTime() + "@example.org";
        var json = post(base, id, signatureJson(name, signer), "application/json; charset=utf-8", address);
        assertEquals(202, json.statusCode(), json.body());
        String text = Mailbox.part(Mailbox.to(signer).get(0), "text/plain");
        assertTrue(text.startsWith("Hola:"), text);
        assertFalse(text.contains("bit.ly") || text.contains("refund"), "the typed name is not in the mail: " + text);
        assertEquals(0, Mailbox.settledTo(portal, victim).size(), "the refused post mailed nobody");
    }

    @Test
    @DisplayName("the API counts an IPv6 client by its /64: six addresses of one /64 are one client over the burst")
    void apiLimitsIpv6By64() throws Exception {
        String slug = openPetition("api-v6");
        long id = idOf(slug);
        String network = "2001:db8:" + Integer.toHexString((int) (System.nanoTime() % 0xffff)) + ":"
                + Integer.toHexString((int) (System.nanoTime() / 7 % 0xffff)) + ":";
        for (int i = 1; i <= 6; i++) {
            var answer = post(
                    base,
                    id,
                    signatureJson("Seis", "v6-" + i + "-" + System.nanoTime() + "@example.org"),
                    "application/json",
                    network + Integer.toHexString(i * 4099) + ":0:0:" + i);
            assertEquals(202, answer.statusCode(), answer.body());
        }
        assertEquals(Map.of("PENDING", 5L, "PENDING/RATE_LIMIT", 1L), signatures(slug));
        post(
                base,
                id,
                signatureJson("Otra", "v6-other-" + System.nanoTime() + "@example.org"),
                "application/json",
                "2001:db8:ffff:" + Integer.toHexString((int) (System.nanoTime() % 0xffff)) + "::1");
        assertEquals(
                Map.of("PENDING", 6L, "PENDING/RATE_LIMIT", 1L), signatures(slug), "another /64 is another client");
    }

    @Test
    @DisplayName(
            "staff issue a partner key (shown once) with its own limits, which replace the form's for that partner; "
                    + "an unknown key and, once staff revoke it, the issued one get 401")
    void partnerKeys() throws Exception {
        WebSession staff = Accounts.admin(new WebSession(base.toURI()));
        assertNotNull(
                staff.get("/admin/index?lang=en").document().getElementById("partnerKeys"),
                "linked from the staff home");
        String partner = "Action Network bridge " + System.nanoTime();
        Page form = staff.get("/admin/partner-keys?lang=en");
        Page issued =
                staff.submit(form, "issue", Map.of("name", partner, "perMinute", "7", "perHour", "100"), "issueKey");
        assertTrue(issued.messages().contains("Key issued for " + partner), issued.messages());
        String key = issued.document().getElementById("issued-key").text();
        assertEquals(43, key.length(), key);
        Page later = staff.get("/admin/partner-keys?lang=en");
        assertNull(later.document().getElementById("issued-key"), "shown once");
        assertFalse(later.body().contains(key), "never again");
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement(
                        "SELECT COUNT(*) FROM partner_key WHERE key_hash = SHA2(?, 256) AND name = ?")) {
            query.setString(1, key);
            query.setString(2, partner);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getLong(1), "only the key's hash is stored");
            }
        }

        String slug = openPetition("api-partner");
        long id = idOf(slug);
        String address = "198.51.100." + (1 + System.nanoTime() % 250);
        for (int i = 0; i < 8; i++) {
            String[] header =
                    i % 2 == 0 ? new String[] {"Authorization", "Bearer " + key} : new String[] {"OSDI-API-Token", key};
            var answer = post(
                    base,
                    id,
                    signatureJson("Socia", "partner-" + i + "-" + System.nanoTime() + "@example.org"),
                    "application/json",
                    address,
                    header);
            assertEquals(202, answer.statusCode(), answer.body());
        }
        assertEquals(
                Map.of("PENDING", 7L, "PENDING/RATE_LIMIT", 1L),
                signatures(slug),
                "seven a minute under this key (the form allows five), then held");

        var unknown = post(
                base,
                id,
                signatureJson("Nadie", "unknown-" + System.nanoTime() + "@example.org"),
                "application/json",
                address,
                "Authorization",
                "Bearer " + "A".repeat(43));
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.body().startsWith("{\"error\""), unknown.body());

        Page revoked = staff.submit(later, "keys", Map.of(), buttonIn(later, partner, "revoke"));
        assertTrue(revoked.messages().contains("The key of " + partner + " is revoked"), revoked.messages());
        String late = "revoked-" + System.nanoTime() + "@example.org";
        var refused = post(
                base, id, signatureJson("Tarde", late), "application/json", "198.51.100.251", "OSDI-API-Token", key);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("revocada"), "in the caller's language: " + refused.body());
        assertEquals(0, rows(late));
    }

    /** A form timer as the portal would have made it for {@code slug}'s form at {@code made}, signed with its own key. */
    static String timer(String slug, java.time.Instant made) throws Exception {
        String secret;
        try (Connection db = db();
                PreparedStatement query =
                        db.prepareStatement("SELECT secret FROM platform_secret WHERE name = 'form-timer'")) {
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "the portal made its timer key when it showed a form");
                secret = rs.getString(1);
            }
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                secret.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "HmacSHA256"));
        long millis = made.toEpochMilli();
        return millis + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal(("form-timer:petition:" + slug + ":" + millis)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("a form stamp older than two hours, or made for another petition's form, is held like a too-fast one")
    void formTimerExpiresAndIsBound() throws Exception {
        String slug = openPetition("timer");
        String path = "/petitions/" + slug;
        WebSession signer = new WebSession(base.toURI()).forwardedFor("203.0.113." + (1 + System.nanoTime() % 250));
        Map<String, String> person = Map.of("firstName", "Tiempo", "lastName", "Viejo", "country", "US");
        Page page = signer.get(path + "?lang=en");
        String foreign = signer.get("/petitions/" + openPetition("timer-other") + "?lang=en")
                .document()
                .selectFirst("input[name=started]")
                .attr("value");
        java.time.Instant now = TestClock.now(portal);

        String recent = "recent-" + System.nanoTime() + "@example.org";
        signer.submit(
                page,
                "sign",
                with(with(person, "email", recent), "=started", timer(slug, now.minusSeconds(110 * 60))),
                "submit");
        assertEquals(Map.of("PENDING", 1L), signatures(slug), "a form filled in over 110 minutes is a person's");
        String stale = "stale-" + System.nanoTime() + "@example.org";
        Page answer = signer.submit(
                page,
                "sign",
                with(with(person, "email", stale), "=started", timer(slug, now.minusSeconds(2 * 3600 + 60))),
                "submit");
        assertTrue(answer.uri().getPath().startsWith("/petition-check-email"), "looks accepted: " + answer.uri());
        fillingInTheForm();
        String replayed = "replayed-" + System.nanoTime() + "@example.org";
        signer.submit(page, "sign", with(with(person, "email", replayed), "=started", foreign), "submit");
        assertEquals(Map.of("PENDING", 1L, "PENDING/TOO_FAST", 2L), signatures(slug), "too old, or another petition's");
        assertEquals(1, Mailbox.settledTo(portal, recent).size());
        assertEquals(0, Mailbox.settledTo(portal, stale).size(), "no mail for a held signature");
    }

    @Test
    @DisplayName("a robot that fills the hidden field gets the usual answer and nothing is kept")
    void honeypot() throws Exception {
        String email = "robot-" + System.nanoTime() + "@example.org";
        Page answer = sign(PETITION, "en", Map.of("email", email, "=website", "http://spam.example"));
        assertTrue(
                answer.uri().getPath().startsWith("/petition-check-email"),
                answer.uri().toString());
        assertEquals(0, rows(email));
        assertEquals(0, Mailbox.settledTo(portal, email).size(), "no mail either");
    }

    @Test
    @DisplayName("anonymous readers get a briefly cacheable page; the thank-you page is never stored")
    void cacheHeaders() {
        Page page = visitor.get(PETITION);
        assertEquals("public, max-age=5, s-maxage=5", page.header("Cache-Control"));
        assertTrue(page.header("Vary").contains("Cookie"), "the cache keeps languages apart");
        assertEquals("private, no-store", visitor.get(PETITION + "?thanks=1").header("Cache-Control"));
        assertTrue(page.document()
                .select("meta[property=og:title]")
                .attr("content")
                .contains("Reunite"));
        assertTrue(
                page.document().select(".share__links a[href^=https://wa.me/]").size() == 1, "plain share links");
        assertTrue(page.document().select("script[src^=http]").isEmpty(), "no third-party scripts");
    }

    @Test
    @DisplayName(
            "staff pause signing on one petition, then on all of them, and resume; the printable delivery has no e-mails")
    void pauseAndDelivery() throws Exception {
        String slug = openPetition("pausable");
        WebSession admin = Accounts.admin(new WebSession(base.toURI()));
        Page list = admin.get("/admin/petitions?lang=en");
        Page paused = admin.submit(list, "list", Map.of(), buttonIn(list, slug, "pause"));
        assertTrue(paused.messages().contains("Signing is paused on this petition"), paused.messages());
        assertNull(
                visitor.get("/petitions/" + slug + "?lang=en").document().getElementById("sign"),
                "no form while paused");
        assertNotNull(visitor.get(PETITION).document().getElementById("sign"), "other petitions go on");
        Page resumed = admin.submit(paused, "list", Map.of(), buttonIn(paused, slug, "resume"));
        assertTrue(resumed.messages().contains("resumed"), resumed.messages());
        Page open = visitor.get("/petitions/" + slug + "?lang=en");
        assertNotNull(open.document().getElementById("sign"));

        Page all = admin.submit(resumed, "list", Map.of(), "list:pauseAll");
        try {
            assertTrue(all.messages().contains("paused on every petition"), all.messages());
            assertNull(
                    visitor.get(PETITION).document().getElementById("sign"),
                    "the emergency switch stops every petition");
            Page refused = visitor.submit(
                    open,
                    "sign",
                    Map.of(
                            "firstName",
                            "During",
                            "lastName",
                            "Pause",
                            "email",
                            "pause-" + System.nanoTime() + "@example.org",
                            "country",
                            "US"),
                    "submit");
            assertTrue(refused.messages().contains("not taking signatures"), refused.messages());
        } finally {
            Page back = admin.submit(admin.get("/admin/petitions"), "list", Map.of(), "list:resumeAll");
            assertTrue(back.messages().contains("resumed on every open petition"), back.messages());
        }
        assertNotNull(visitor.get(PETITION).document().getElementById("sign"));

        long id = Accounts.idInRow(admin.get("/admin/petitions"), "Reunite separated families", "petition-delivery");
        Page delivery = admin.get("/admin/petition-delivery?id=" + id + "&lang=en");
        assertEquals(200, delivery.status());
        assertTrue(delivery.text().contains("María López"), delivery.text());
        assertTrue(delivery.text().contains("confirmed signatures"));
        assertFalse(delivery.body().contains("@example.org"), "no e-mail addresses on the delivery");
    }

    @Test
    @DisplayName("a petition with 2,345 confirmed signers: the CSV and the printable delivery list every one once, in "
            + "the order they signed, read from the database in batches of 1,000")
    void deliveringManySignatures() throws Exception {
        String slug = openPetition("many");
        long petitionId;
        int signers = 2_345;
        try (Connection db = db()) {
            try (PreparedStatement query = db.prepareStatement("SELECT id FROM petition WHERE slug = ?")) {
                query.setString(1, slug);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    petitionId = rs.getLong(1);
                }
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO signature (petition_id, first_name, last_name, "
                            + "email, email_canonical, postal_code, country, language, alerts_consent, state, created_at, "
                            + "confirmed_at) VALUES (?, 'Signer', ?, ?, ?, '20001', 'US', 'en', FALSE, ?, NOW(6), ?)")) {
                for (int i = 0; i < signers + 5; i++) {
                    boolean confirmed = i < signers;
                    String email = "many-" + i + "-" + slug + "@example.org";
                    insert.setLong(1, petitionId);
                    insert.setString(2, (confirmed ? "N" : "Pending") + String.format("%05d", i));
                    insert.setString(3, email);
                    insert.setString(4, email);
                    insert.setString(5, confirmed ? "CONFIRMED" : "PENDING");
                    insert.setTimestamp(6, confirmed ? new java.sql.Timestamp(System.currentTimeMillis()) : null);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        List<String> expected = java.util.stream.IntStream.range(0, signers)
                .mapToObj(i -> String.format("N%05d", i))
                .toList();
        WebSession admin = Accounts.admin(new WebSession(base.toURI()));

        QueryLog.Recorded<Page> csv =
                QueryLog.during(() -> admin.get("/admin/petition-signatures.csv?id=" + petitionId + "&lang=en"));
        assertEquals(200, csv.result().status());
        List<String> lines = csv.result().body().lines().skip(1).toList();
        assertEquals(
                expected,
                lines.stream().map(line -> line.split(",")[1].replace("\"", "")).toList(),
                "every confirmed signer once, in order");
        assertEquals(
                3,
                csv.matching("from signature", "limit").size(),
                "read in three batches: " + csv.matching("from signature"));

        QueryLog.Recorded<Page> delivery =
                QueryLog.during(() -> admin.get("/admin/petition-delivery?id=" + petitionId + "&lang=en"));
        assertEquals(200, delivery.result().status());
        assertTrue(
                delivery.result().text().contains("2,345 confirmed signatures"),
                delivery.result().text());
        assertEquals(
                expected,
                delivery.result().document().select("table.delivery__signers tbody tr td:first-child").stream()
                        .map(cell -> cell.text().replace("Signer ", ""))
                        .toList());
        assertEquals(
                3,
                delivery.matching("from signature", "id >").size(),
                "the signers read in three batches (besides the one read of the latest comments): "
                        + delivery.matching("from signature"));
    }

    @Test
    @DisplayName(
            "the sign widget may be framed by other sites and takes signatures; every other page may not be framed")
    void embeddableWidget() throws Exception {
        Page widget = visitor.get("/embed" + PETITION + "?lang=es");
        assertEquals(200, widget.status());
        assertEquals("es", widget.lang());
        String csp = widget.header("Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors *"), csp);
        assertNull(widget.header("X-Frame-Options"), "no X-Frame-Options on the widget");
        assertNull(widget.document().selectFirst("header.site-header"), "a compact page");
        assertTrue(visitor.get(PETITION).header("Content-Security-Policy").contains("frame-ancestors 'self'"));
        assertEquals("SAMEORIGIN", visitor.get(PETITION).header("X-Frame-Options"));

        String email = "widget-" + System.nanoTime() + "@example.org";
        fillingInTheForm();
        Page answer = visitor.submit(
                widget,
                "sign",
                Map.of(
                        "firstName",
                        "Iframe",
                        "lastName",
                        "Firmante",
                        "email",
                        email,
                        "country",
                        "MX",
                        "language",
                        "ES"),
                "submit");
        assertTrue(
                answer.uri().getPath().startsWith("/embed/check-email"),
                answer.uri().toString());
        assertTrue(
                answer.header("Content-Security-Policy").contains("frame-ancestors *"),
                "the answer shows in the frame");
        assertTrue(answer.text().contains("Revisa tu correo"));
        assertEquals(1, rows(email));
        assertEquals(404, visitor.get("/embed/petitions/no-such-petition").status());
    }

    static java.net.http.HttpResponse<String> api(URL base, String method, String path, String body) throws Exception {
        return api(base, method, path, body, null);
    }

    /** @param forwardedFor a visitor's address as a reverse proxy would pass it on, or null */
    static java.net.http.HttpResponse<String> api(
            URL base, String method, String path, String body, String forwardedFor) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(base.toURI().resolve(path.substring(1)))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "es");
        if (forwardedFor != null) {
            request = request.header("X-Forwarded-For", forwardedFor);
        }
        request = body == null
                ? request.GET()
                : request.method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("the OSDI/HAL API lists petitions, shows one, and records a signature under the form's rules")
    void jsonApi() throws Exception {
        var list = api(base, "GET", "/api/v1/petitions?per_page=1", null);
        assertEquals(200, list.statusCode());
        assertTrue(list.headers().firstValue("Content-Type").orElse("").startsWith("application/hal+json"));
        jakarta.json.JsonObject page = jakarta.json.Json.createReader(new java.io.StringReader(list.body()))
                .readObject();
        assertTrue(page.getInt("total_records") >= 2);
        assertEquals(1, page.getInt("per_page"));
        assertEquals(
                1,
                page.getJsonObject("_embedded").getJsonArray("osdi:petitions").size());

        var all = jakarta.json.Json.createReader(new java.io.StringReader(
                        api(base, "GET", "/api/v1/petitions?per_page=100", null).body()))
                .readObject();
        jakarta.json.JsonObject reunite = all
                .getJsonObject("_embedded")
                .getJsonArray("osdi:petitions")
                .getValuesAs(jakarta.json.JsonObject.class)
                .stream()
                .filter(p -> p.getString("browser_url").endsWith(PETITION))
                .findFirst()
                .orElseThrow();
        assertEquals("Reunifiquen ya a las familias separadas", reunite.getString("title"), "Accept-Language: es");
        assertEquals(
                "Oficina de Reasentamiento de Refugiados",
                reunite.getJsonArray("target").getJsonObject(0).getString("name"),
                "the target in the reader's language");
        assertTrue(reunite.getInt("total_signatures") >= 7);
        String self = reunite.getJsonObject("_links").getJsonObject("self").getString("href");
        String id = self.substring(self.lastIndexOf('/') + 1);
        assertTrue(reunite.getJsonArray("identifiers").getString(0).equals("puente:" + id));
        assertFalse(all.toString().contains("example.org"), "never a signer's address");

        var one = api(base, "GET", "/api/v1/petitions/" + id + "?lang=en", null);
        assertEquals(200, one.statusCode());
        assertTrue(one.body().contains("\"title\":\"Reunite separated families now\""), one.body());
        assertEquals(404, api(base, "GET", "/api/v1/petitions/999999", null).statusCode());

        String email = "api-" + System.nanoTime() + "@example.org";
        String signature = "{\"person\":{\"given_name\":\"Ana \\\"la\\\" API\",\"family_name\":\"Núñez 🌎\","
                + "\"email_addresses\":[{\"address\":\"" + email + "\"}],"
                + "\"postal_addresses\":[{\"postal_code\":\"85701\",\"country\":\"US\"}],"
                + "\"languages_spoken\":[\"es\"]},\"comments\":\"<script>x</script>\"}";
        var accepted = api(base, "POST", "/api/v1/petitions/" + id + "/signatures", signature);
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals(1, rows(email));
        assertEquals(
                "Confirma tu firma: Reunifiquen ya a las familias separadas",
                Mailbox.to(email).get(0).getSubject());

        var invalid =
                api(base, "POST", "/api/v1/petitions/" + id + "/signatures", signature.replace(email, "no-es-correo"));
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("\"field\":\"person.email_addresses\""), invalid.body());
        assertTrue(invalid.body().contains("correo electrónico válido"), "in the caller's language: " + invalid.body());
        var malformed = api(base, "POST", "/api/v1/petitions/" + id + "/signatures", "{\"person\": [");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().startsWith("{\"error\""), malformed.body());
    }

    @Test
    @DisplayName("a closed petition refuses signatures, and its page says so")
    void closedPetition() throws Exception {
        String slug = openPetition("closed");
        Page open = visitor.get("/petitions/" + slug + "?lang=en");
        assertNotNull(open.document().getElementById("sign"));
        WebSession admin = Accounts.admin(new WebSession(base.toURI()));
        Page list = admin.get("/admin/petitions?lang=en");
        Page closedNow = admin.submit(list, "list", Map.of(), buttonIn(list, slug, "close"));
        assertTrue(closedNow.messages().contains("no longer takes signatures"), closedNow.messages());

        fillingInTheForm();
        Page refused = visitor.submit(
                open,
                "sign",
                Map.of(
                        "firstName",
                        "Late",
                        "lastName",
                        "Signer",
                        "email",
                        "late-" + System.nanoTime() + "@example.org",
                        "country",
                        "US"),
                "submit");
        assertTrue(refused.messages().contains("not taking signatures"), refused.messages());
        assertEquals(Map.of(), signatures(slug), "nothing kept");
        Page closed = visitor.get("/petitions/" + slug + "?lang=en");
        assertEquals(200, closed.status(), "a closed petition stays readable");
        assertNull(closed.document().getElementById("sign"), "no form on a closed petition");

        Page archived = admin.submit(closedNow, "list", Map.of(), buttonIn(closedNow, slug, "archive"));
        assertTrue(archived.messages().contains("archived"), archived.messages());
        assertEquals(404, visitor.get("/petitions/" + slug).status(), "an archived petition leaves the public site");
        long id = Accounts.idInRow(archived, slug, "petition-delivery");
        assertEquals(
                200, admin.get("/admin/petition-signatures.csv?id=" + id).status(), "its signatures stay deliverable");
    }

    @Test
    @DisplayName("signers' comments show on the petition's page as \"a signer from Mexico\", never with a name or "
            + "address; staff hide one and it leaves the page and the delivery")
    void publicCommentsAndHiding() throws Exception {
        String slug = openPetition("comments");
        long petitionId = idOf(slug);
        String kept = "Mi familia espera " + slug;
        String rude = "Something to hide " + slug;
        String pending = "Not confirmed yet " + slug;
        try (Connection db = db();
                PreparedStatement insert = db.prepareStatement("INSERT INTO signature (petition_id, first_name, "
                        + "last_name, email, email_canonical, country, language, comment, state, created_at, "
                        + "confirmed_at) VALUES (?, ?, 'Apellidosecreto', ?, ?, ?, 'es', ?, ?, NOW(6), ?)")) {
            Object[][] signers = {
                {"Lupita", "MX", kept, "CONFIRMED"},
                {"Rudolfo", "US", rude, "CONFIRMED"},
                {"Pendiente", "GT", pending, "PENDING"}
            };
            for (Object[] signer : signers) {
                String email = signer[0].toString().toLowerCase() + "-" + slug + "@example.org";
                insert.setLong(1, petitionId);
                insert.setString(2, (String) signer[0]);
                insert.setString(3, email);
                insert.setString(4, email);
                insert.setString(5, (String) signer[1]);
                insert.setString(6, (String) signer[2]);
                insert.setString(7, (String) signer[3]);
                insert.setTimestamp(
                        8, "CONFIRMED".equals(signer[3]) ? new java.sql.Timestamp(System.currentTimeMillis()) : null);
                insert.executeUpdate();
            }
        }
        WebSession visitor = new WebSession(base.toURI());
        Page page = visitor.get("/petitions/" + slug + "?lang=es");
        assertEquals(200, page.status(), page.text());
        String comments = page.document().getElementById("comments").text();
        assertTrue(comments.contains(kept) && comments.contains("Una persona firmante de México"), comments);
        assertTrue(comments.contains(rude) && comments.contains("Una persona firmante de Estados Unidos"), comments);
        assertFalse(comments.contains(pending), "only confirmed signers' comments show");
        assertFalse(page.body().contains("@example.org"), "never an e-mail address");
        assertFalse(page.body().contains("Apellidosecreto") || page.body().contains("Lupita"), "never a name");
        assertTrue(visitor.get("/petitions/" + slug + "?lang=en")
                .document()
                .getElementById("comments")
                .text()
                .contains("A signer from Mexico"));

        WebSession admin = Accounts.admin(new WebSession(base.toURI()));
        Page review = admin.get("/admin/petition-review?id=" + petitionId + "&lang=en");
        assertEquals(200, review.status(), review.text());
        org.jsoup.nodes.Element row = review.document().select("#comment-table tbody tr").stream()
                .filter(tr -> tr.text().contains(rude))
                .findFirst()
                .orElseThrow(() -> new AssertionError(review.text()));
        String hide = row.selectFirst("button[id$=':hide']").attr("name");
        Page hidden = admin.submit(review, "comments", Map.of(), hide);
        assertTrue(hidden.messages().contains("comment is hidden"), hidden.messages());
        assertTrue(
                hidden.document()
                        .select("#comment-table tr.comment--hidden")
                        .text()
                        .contains(rude),
                hidden.text());

        Page after = visitor.get("/petitions/" + slug + "?lang=es");
        String left = after.document().getElementById("comments").text();
        assertFalse(left.contains(rude), left);
        assertTrue(left.contains(kept), left);
        Page delivery = admin.get("/admin/petition-delivery?id=" + petitionId + "&lang=en");
        String printed = delivery.document().getElementById("comments").text();
        assertTrue(printed.contains(kept) && !printed.contains(rude), printed);
        assertEquals(2, signatures(slug).getOrDefault("CONFIRMED", 0L), "the hidden comment's signature still counts");
    }

    @Test
    @DisplayName("staff export a petition's signers in Spanish: their language, their alert consent, and times in the "
            + "coalition's time zone, which an admin changes and the header names")
    void signatureCsvInTheCoalitionsTimeZone() throws Exception {
        String slug = openPetition("csv-zone");
        long petitionId = idOf(slug);
        java.time.Instant confirmed = java.time.Instant.parse("2026-01-15T18:30:00Z");
        try (Connection db = db();
                PreparedStatement insert = db.prepareStatement("INSERT INTO signature (petition_id, first_name, "
                        + "last_name, email, email_canonical, country, language, alerts_consent, state, created_at, "
                        + "confirmed_at) VALUES (?, ?, 'Zona', ?, ?, 'MX', ?, ?, 'CONFIRMED', NOW(6), ?)")) {
            for (String[] signer : new String[][] {{"Lupe", "es", "true"}, {"Ann", "en", "false"}}) {
                String email = signer[0].toLowerCase() + "-" + slug + "@example.org";
                insert.setLong(1, petitionId);
                insert.setString(2, signer[0]);
                insert.setString(3, email);
                insert.setString(4, email);
                insert.setString(5, signer[1]);
                insert.setBoolean(6, Boolean.parseBoolean(signer[2]));
                insert.setTimestamp(7, java.sql.Timestamp.from(confirmed));
                insert.executeUpdate();
            }
        }
        WebSession admin = Accounts.admin(new WebSession(base.toURI()));
        Page settings = admin.get("/admin/coalition?lang=es");
        assertTrue(settings.text().contains("Zona horaria"), settings.text());
        assertFalse(settings.text().contains("Etc/UTC"), "a bare offset is never offered");
        String before = settings.document()
                .selectFirst("[id='coalition:timeZone_input'] option[selected]")
                .attr("value");
        try {
            Page saved = admin.submit(settings, "coalition", Map.of("timeZone_input", "America/Mexico_City"), "save");
            assertTrue(saved.messages().contains("Se guardaron"), saved.messages());

            String csv = admin.get("/admin/petition-signatures.csv?id=" + petitionId + "&lang=es")
                    .body();
            String header = csv.lines().findFirst().orElseThrow();
            assertTrue(header.contains("\"Confirmada el (America/Mexico_City)\""), header);
            assertTrue(header.contains("\"Idioma\"") && header.contains("\"Acepta recibir alertas\""), header);
            assertTrue(
                    csv.contains("\"Lupe\",\"Zona\",\"\",\"MX\",\"\",\"2026-01-15 12:30:00\",\"Español\",\"sí\""), csv);
            assertTrue(
                    csv.contains("\"Ann\",\"Zona\",\"\",\"MX\",\"\",\"2026-01-15 12:30:00\",\"Inglés\",\"no\""), csv);

            String english = admin.get("/admin/petition-signatures.csv?id=" + petitionId + "&lang=en")
                    .body();
            assertTrue(
                    english.lines().findFirst().orElseThrow().contains("\"Confirmed at (America/Mexico_City)\""),
                    english);
            assertTrue(english.contains("\"Spanish\",\"yes\""), english);
        } finally {
            Page again = admin.get("/admin/coalition?lang=en");
            admin.submit(again, "coalition", Map.of("timeZone_input", before), "save");
        }
    }

    @Test
    @DisplayName("an editor writes a bilingual petition; staff send it back with a reason, then approve it; it opens")
    void authoringAndReview() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(base.toURI()));
        long organization =
                Accounts.idInRow(admin.get("/admin/organizations"), "Santuario Faith Alliance", "organization");
        WebSession editor = Accounts.newEditor(admin, new WebSession(base.toURI()), organization);

        String title = "Stop family detention " + System.nanoTime();
        Page form = editor.get("/admin/petition?lang=en");
        Page noTitle = editor.submit(form, "form", Map.of("targetEn", "Congress"), "save");
        assertTrue(noTitle.messages().contains("title in at least one language"), noTitle.messages());
        Page badGoal =
                editor.submit(form, "form", Map.of("titleEn", title, "targetEn", "Congress", "goal", "0"), "save");
        assertTrue(badGoal.messages().contains("between 1 and 10,000,000"), badGoal.messages());
        Page badSlug = editor.submit(
                form, "form", Map.of("titleEn", title, "targetEn", "Congress", "slug", "Bad Slug!"), "save");
        assertTrue(badSlug.messages().contains("lowercase letters, digits"), badSlug.messages());
        Page takenSlug = editor.submit(
                form, "form", Map.of("titleEn", title, "targetEn", "Congress", "slug", "reunite-families-now"), "save");
        assertTrue(takenSlug.messages().contains("already uses this address"), takenSlug.messages());
        Page svg = editor.submitWithFiles(
                form,
                "form",
                Map.of("titleEn", title, "targetEn", "Congress"),
                "save",
                Map.of(
                        "form:image",
                        Map.entry(
                                "x.svg",
                                "<svg onload='alert(1)'/>".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertTrue(svg.messages().contains("must be a PNG or JPEG image"), svg.messages());
        assertFalse(editor.get("/admin/petitions").text().contains(title), "nothing saved by refused forms");

        String slug = "stop-detention-" + System.nanoTime();
        String cosponsor = Long.toString(
                Accounts.idInRow(admin.get("/admin/organizations"), "Voces Unidas de Chicago", "organization"));
        Page saved = editor.submitWithFiles(
                form,
                "form",
                Map.of(
                        "titleEn",
                        title,
                        "titleEs",
                        "Alto a la detención de familias",
                        "summaryEs",
                        "Las familias no son criminales.",
                        "textEn_input",
                        "<p>Free <strong>families</strong>" + "<script>alert(1)</script></p>",
                        "targetEn",
                        "Congress",
                        "goal",
                        "250",
                        "slug",
                        slug,
                        "cosponsors",
                        cosponsor,
                        "imageAltEn",
                        "Children's drawings at a vigil",
                        "imageAltEs",
                        "Dibujos de niños en una vigilia"),
                "save",
                Map.of("form:image", Map.entry("vigil.png", org.puente.testing.TestImages.png(640, 320))));
        assertTrue(saved.messages().contains("has been saved as a draft"), saved.messages());
        assertTrue(saved.messages().contains("Some formatting was removed: scripts"), saved.messages());
        long id = Accounts.idInRow(saved, title, "petition");
        assertEquals(404, visitor.get("/petition-images/" + id).status(), "a draft's picture is not public");
        assertEquals(200, editor.get("/petition-images/" + id).status(), "its authors see it");
        assertTrue(saved.text().contains("Draft"));

        Page submitted = editor.submit(saved, "list", Map.of(), buttonIn(saved, title, "submit"));
        assertTrue(submitted.messages().contains("submitted for review"), submitted.messages());
        assertTrue(submitted.document().select("button[id$=approve]").isEmpty(), "editors cannot approve");
        assertEquals(404, visitor.get("/petitions/" + slug).status(), "not public while in review");

        Page review = admin.get("/admin/petitions?lang=en");
        Page noReason = admin.submit(review, "list", Map.of(), buttonIn(review, title, "reject"));
        assertTrue(noReason.messages().contains("Write the reason"), noReason.messages());
        Map<String, String> reason = Map.of(fieldIn(review, title, "reason"), "Please add the Spanish full text.");
        Page rejected = admin.submit(admin.get("/admin/petitions"), "list", reason, buttonIn(review, title, "reject"));
        assertTrue(rejected.messages().contains("sent back"), rejected.messages());
        Page editorList = editor.get("/admin/petitions");
        assertTrue(editorList.text().contains("Please add the Spanish full text."), "the editor sees why");

        Page edit = editor.get("/admin/petition?id=" + id);
        editor.submit(edit, "form", Map.of("textEs_input", "<p>Liberen a las <em>familias</em></p>"), "save");
        Page again = editor.get("/admin/petitions");
        editor.submit(again, "list", Map.of(), buttonIn(again, title, "submit"));
        Page editorReads = editor.get("/admin/petition?id=" + id);
        assertEquals("/admin/petition-preview", editorReads.uri().getPath(), "an editor reads a petition in review");
        assertNotNull(editorReads.document().getElementById("in-review"), "and is told it waits for review");
        assertNull(editorReads.document().getElementById("decide"), "editors do not decide");

        Page preview = admin.get("/admin/petition-preview?id=" + id + "&lang=en");
        assertEquals(200, preview.status(), "staff read a petition in review before deciding");
        var spanishPart = preview.document().getElementById("preview-es");
        assertTrue(spanishPart.text().contains("Alto a la detención de familias"), spanishPart.text());
        assertTrue(spanishPart.text().contains("Liberen a las familias"), spanishPart.text());
        assertEquals(
                "Dibujos de niños en una vigilia",
                spanishPart.select("img.petition__image").attr("alt"));
        var englishPart = preview.document().getElementById("preview-en");
        assertTrue(englishPart.select(".petition__text strong").text().contains("families"));
        assertTrue(englishPart.select("script").isEmpty(), "sanitized as the public page is");
        assertEquals(
                200,
                admin.get(englishPart.select("img.petition__image").attr("src")).status(),
                "with its picture");
        Page approved = admin.submit(preview, "decide", Map.of(), "approve");
        assertTrue(approved.messages().contains("open for signatures"), approved.messages());

        Page spanish = visitor.get("/petitions/" + slug + "?lang=es");
        assertEquals(200, spanish.status());
        assertTrue(spanish.text().contains("Alto a la detención de familias"));
        assertTrue(spanish.text().contains("Liberen a las familias"));
        assertNotNull(spanish.document().getElementById("sign"), "signable");
        Page english = visitor.get("/petitions/" + slug + "?lang=en");
        assertTrue(english.document().select(".petition__text strong").text().contains("families"));
        assertTrue(english.document().select(".petition__text script").isEmpty(), "scripts removed");
        assertEquals(
                "Voces Unidas de Chicago",
                english.document().select(".petition__cosponsors a").text());
        assertEquals(
                "Dibujos de niños en una vigilia",
                spanish.document().select("img.petition__image").attr("alt"));
        String picture = english.document().select("meta[property=og:image]").attr("content");
        assertTrue(picture.startsWith(TestEnvironment.BASE_URL + "/petition-images/" + id), picture);
        Page image =
                visitor.get(english.document().select("img.petition__image").attr("src"));
        assertEquals(200, image.status());
        assertEquals("image/png", image.header("Content-Type"));
        assertTrue(image.header("Cache-Control").startsWith("public"), "cacheable once public");

        WebSession stranger = Accounts.newEditor(
                admin,
                new WebSession(base.toURI()),
                Accounts.idInRow(admin.get("/admin/organizations"), "Voces Unidas de Chicago", "organization"));
        assertFalse(
                stranger.get("/admin/petitions").text().contains(title),
                "other organizations' petitions are not listed");
        assertEquals(403, stranger.get("/admin/petition?id=" + id).status());
        assertEquals(403, stranger.get("/admin/petition-preview?id=" + id).status(), "nor read by other editors");
    }

    /** An editor of Santuario Faith Alliance, signed in (a new account for each test). */
    WebSession santuarioEditor() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(base.toURI()));
        long organization =
                Accounts.idInRow(admin.get("/admin/organizations"), "Santuario Faith Alliance", "organization");
        return Accounts.newEditor(admin, new WebSession(base.toURI()), organization);
    }

    static String column(String slug, String column) throws Exception {
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement("SELECT " + column + " FROM petition WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "petition " + slug);
                return rs.getString(1);
            }
        }
    }

    @Test
    @DisplayName(
            "an editor saves an empty petition with a bad picture and sees every problem at once, each at its field")
    void emptySaveShowsEveryError() throws Exception {
        WebSession editor = santuarioEditor();
        Page form = editor.get("/admin/petition?lang=en");
        Page refused = editor.submitWithFiles(
                form,
                "form",
                Map.of("titleEn", "", "targetEn", "", "goal", "0", "slug", "Bad Slug!"),
                "save",
                Map.of("form:image", Map.entry("x.svg", "<svg/>".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals("/admin/petition", refused.uri().getPath(), "stays on the form");
        var fieldErrors = refused.document().select(".ui-message-error");
        assertEquals(5, fieldErrors.size(), refused.messages());
        String messages = refused.messages();
        assertTrue(messages.contains("title in at least one language"), messages);
        assertTrue(messages.contains("Say to whom the petition is addressed"), messages);
        assertTrue(messages.contains("between 1 and 10,000,000"), messages);
        assertTrue(messages.contains("lowercase letters, digits"), messages);
        assertTrue(messages.contains("must be a PNG or JPEG image"), messages);
        var summary = refused.document().select("#error-summary li a");
        assertEquals(
                java.util.Set.of("#form:titleEn", "#form:targetEn", "#form:goal", "#form:slug", "#form:image"),
                summary.stream().map(a -> a.attr("href")).collect(java.util.stream.Collectors.toSet()),
                "the summary at the top links to each field");
    }

    @Test
    @DisplayName("an editor addresses a petition in both languages; readers see the target in their own language")
    void targetInBothLanguages() throws Exception {
        WebSession editor = santuarioEditor();
        String slug = "congress-" + System.nanoTime();
        Page saved = editor.submit(
                editor.get("/admin/petition?lang=en"),
                "form",
                Map.of(
                        "titleEn", "Protect asylum " + slug,
                        "titleEs", "Protejan el asilo",
                        "targetEn", "To the US Congress",
                        "targetEs", "Al Congreso de EE. UU.",
                        "slug", slug),
                "save");
        assertTrue(saved.messages().contains("has been saved as a draft"), saved.messages());
        assertEquals("Al Congreso de EE. UU.", column(slug, "target_es"));
        long id = Accounts.idInRow(saved, slug, "petition");
        Page edit = editor.get("/admin/petition?id=" + id);
        assertEquals(
                "Al Congreso de EE. UU.",
                edit.document().getElementById("form:targetEs").val(),
                "read back");
        try (Connection db = db();
                PreparedStatement open =
                        db.prepareStatement("UPDATE petition SET state = 'OPEN', opened_at = NOW() WHERE slug = ?")) {
            open.setString(1, slug);
            assertEquals(1, open.executeUpdate());
        }

        Page spanish = visitor.get("/petitions/" + slug + "?lang=es");
        assertEquals(
                "Para: Al Congreso de EE. UU.",
                spanish.document().select(".petition__target").text());
        Page english = new WebSession(portal).get("/petitions/" + slug + "?lang=en");
        assertEquals(
                "To: To the US Congress",
                english.document().select(".petition__target").text());
        Page embed = new WebSession(portal).get("/embed/petitions/" + slug + "?lang=es");
        assertEquals(
                "Para: Al Congreso de EE. UU.",
                embed.document().select(".petition__target").text());
        Page delivery = editor.get("/admin/petition-delivery?id=" + id + "&lang=es");
        assertTrue(
                delivery.document().select(".delivery__to").text().contains("Al Congreso de EE. UU."), delivery.text());
    }

    @Test
    @DisplayName("an editor pastes a script and coloured text; it is saved without them and they are told in Spanish")
    void pastedFormattingRemovedWithWarning() throws Exception {
        WebSession editor = santuarioEditor();
        String slug = "pasted-" + System.nanoTime();
        Page saved = editor.submit(
                editor.get("/admin/petition?lang=es"),
                "form",
                Map.of(
                        "titleEs",
                        "Texto pegado " + slug,
                        "targetEs",
                        "Al Congreso",
                        "slug",
                        slug,
                        "textEs_input",
                        "<p>Liberen a las <strong>familias</strong><script>alert(1)</script> "
                                + "<span style=\"color: red\">ya</span></p>"),
                "save");
        String messages = saved.messages();
        assertTrue(messages.contains("se guardó como borrador"), messages);
        assertTrue(
                messages.contains("Se eliminó parte del formato: scripts o contenido incrustado, colores"), messages);
        assertEquals("<p>Liberen a las <strong>familias</strong> ya</p>", column(slug, "text_es"), "saved sanitized");

        Page clean = editor.submit(
                editor.get("/admin/petition?id=" + Accounts.idInRow(saved, slug, "petition")),
                "form",
                Map.of(
                        "textEn_input",
                        "<p>Free <strong>families</strong></p><ol><li data-list=\"bullet\">"
                                + "<span class=\"ql-ui\" contenteditable=\"false\"></span>now</li></ol>"),
                "save");
        assertFalse(
                clean.messages().contains("Se eliminó"), "nothing the portal keeps was removed: " + clean.messages());
        assertEquals("<p>Free <strong>families</strong></p><ul><li>now</li></ul>", column(slug, "text_en"));
    }

    @Test
    @DisplayName("a signer who ticks the consent box becomes a supporter in their language once they confirm")
    void consentMakesASupporter() throws Exception {
        String email = "Consent." + System.nanoTime() + "@Example.org";
        sign(PETITION, "es", Map.of("email", email, "sign:consent", "on"));
        String canonical = email.toLowerCase();
        try (Connection db = db();
                PreparedStatement query =
                        db.prepareStatement("SELECT COUNT(*) FROM supporter WHERE email_canonical = ?")) {
            query.setString(1, canonical);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "not before the address is confirmed");
            }
        }
        String link = Mailbox.link(Mailbox.to(email).get(0), "/signature-confirm?token=");
        visitor.submit(visitor.get(link), "confirm", Map.of(), "submit");
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement(
                        "SELECT language, status, consent_source, consent_at FROM supporter WHERE email_canonical = ?")) {
            query.setString(1, canonical);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "a supporter");
                assertEquals("es", rs.getString(1));
                assertEquals("SUBSCRIBED", rs.getString(2));
                assertEquals("petition:reunite-families-now", rs.getString(3));
                assertNotNull(rs.getTimestamp(4));
            }
        }
    }

    @Test
    @DisplayName("staff download confirmed signatures as formula-safe CSV with e-mails; the sponsor's editors without")
    void csvExport() throws Exception {
        String email = "formula-" + System.nanoTime() + "@example.org";
        sign(
                PETITION,
                "en",
                Map.of(
                        "email",
                        email,
                        "firstName",
                        "=HYPERLINK(\"x\")",
                        "lastName",
                        "@SUM(A1)",
                        "comment",
                        "+1 from 🌎 东京"));
        String link = Mailbox.link(Mailbox.to(email).get(0), "/signature-confirm?token=");
        visitor.submit(visitor.get(link), "confirm", Map.of(), "submit");
        String pending = "pending-" + System.nanoTime() + "@example.org";
        sign(PETITION, "en", Map.of("email", pending));

        WebSession admin = Accounts.admin(new WebSession(base.toURI()));
        Page list = admin.get("/admin/petitions?lang=en");
        String href = list.document().select("tr").stream()
                .filter(r -> r.text().contains("Reunite separated families"))
                .flatMap(r -> r.select("a[id$=csv]").stream())
                .findFirst()
                .orElseThrow()
                .attr("href");
        Page csv = admin.get(href);
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.body().contains("\"'=HYPERLINK(\"\"x\"\")\",\"'@SUM(A1)\""), csv.body());
        assertTrue(csv.body().contains("\"'+1 from 🌎 东京\""), "comment neutralised, scripts kept: " + csv.body());
        assertTrue(csv.body().contains(email), "staff see e-mails");
        assertTrue(csv.body().contains("\"María\",\"López\""), "the demo signatures");
        assertFalse(csv.body().contains(pending), "pending signatures are not delivered");

        long frontera = Accounts.idInRow(admin.get("/admin/organizations"), "Frontera Family Network", "organization");
        WebSession sponsor = Accounts.newEditor(admin, new WebSession(base.toURI()), frontera);
        Page editorCsv = sponsor.get(href);
        assertEquals(200, editorCsv.status());
        assertTrue(editorCsv.body().contains("'=HYPERLINK"));
        assertFalse(editorCsv.body().contains(email), "editors never see signers' e-mails");
        long voces = Accounts.idInRow(admin.get("/admin/organizations"), "Voces Unidas de Chicago", "organization");
        WebSession other = Accounts.newEditor(admin, new WebSession(base.toURI()), voces);
        assertEquals(403, other.get(href).status(), "another organization's editor");
        assertTrue(visitor.get(href).uri().getPath().startsWith("/login"), "anonymous visitors must sign in");
    }

    /** The name of the button with the given id suffix in the row that mentions {@code title}. */
    /** A petition of one organization, straight in the database, in a state; its id. */
    static long petitionOf(
            long organizationId, String slug, String state, String titleEn, String titleEs, String textEn)
            throws Exception {
        try (Connection db = db();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO petition (organization_id, slug, title_en, title_es, text_en, target, goal, state, "
                                + "created_at, updated_at, opened_at) VALUES (?, ?, ?, ?, ?, 'Congress', 100, ?, NOW(), "
                                + "NOW(), IF(? = 'OPEN', NOW(), NULL))",
                        java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, organizationId);
            insert.setString(2, slug);
            insert.setString(3, titleEn);
            insert.setString(4, titleEs);
            insert.setString(5, textEn);
            insert.setString(6, state);
            insert.setString(7, state);
            assertEquals(1, insert.executeUpdate());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A coalition staff account that receives mail but cannot sign in (its password hash matches nothing). */
    static void staffAccount(String email, String language, boolean active) throws Exception {
        try (Connection db = db();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO account (email, display_name, password_hash, role, language, active, created_at) "
                                + "VALUES (?, 'Staff Reviewer', 'x', 'STAFF', ?, ?, NOW())")) {
            insert.setString(1, email);
            insert.setString(2, language);
            insert.setBoolean(3, active);
            assertEquals(1, insert.executeUpdate());
        }
    }

    static String petitionState(long id) throws Exception {
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement("SELECT state FROM petition WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static boolean linksToPreview(org.jsoup.nodes.Element element, long id) {
        return element.select("a[href]").stream()
                .map(a -> a.attr("href"))
                .anyMatch(href -> href.contains("petition-preview") && href.matches(".*[?&]id=" + id + "(&.*)?"));
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one message to {@code address} whose subject is {@code subject}, once the mail queue has drained. */
    MimeMessage mailTo(String address, String subject) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : Mailbox.settledTo(portal, address)) {
            if (subject.equals(message.getSubject())) {
                found.add(message);
            }
        }
        assertEquals(1, found.size(), "one mail '" + subject + "' to " + address);
        return found.get(0);
    }

    @Test
    @DisplayName("an editor submits a petition: every active staff account is mailed in its own language with the "
            + "preview link and sees it on the dashboard; the organization's editors hear in theirs of the sending back "
            + "(with the reason) and of the approval")
    void reviewNotifications() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(base.toURI()));
        long organization =
                Accounts.idInRow(admin.get("/admin/organizations"), "Santuario Faith Alliance", "organization");
        String spanishEditorEmail = "editora-" + System.nanoTime() + "@puente.test";
        WebSession editor =
                Accounts.newEditor(admin, new WebSession(base.toURI()), organization, "ES", spanishEditorEmail);
        String englishEditorEmail = "editor-" + System.nanoTime() + "@puente.test";
        Accounts.newEditor(admin, new WebSession(base.toURI()), organization, "EN", englishEditorEmail);
        String spanishStaff = "revisora-" + System.nanoTime() + "@puente.test";
        String formerStaff = "former-" + System.nanoTime() + "@puente.test";
        staffAccount(spanishStaff, "es", true);
        staffAccount(formerStaff, "en", false);

        String title = "Interpreters for every hearing " + System.nanoTime();
        String titulo = "Intérpretes en cada audiencia " + System.nanoTime();
        String slug = "interpreters-" + System.nanoTime();
        long id = petitionOf(organization, slug, "DRAFT", title, titulo, "<p>Everyone understands.</p>");
        Page list = editor.get("/admin/petitions?lang=es");
        editor.submit(list, "list", Map.of(), buttonIn(list, titulo, "submit"));

        MimeMessage toStaff = mailTo(spanishStaff, "Espera tu revisión: " + titulo);
        String staffText = Mailbox.part(toStaff, "text/plain");
        assertTrue(staffText.startsWith("Hola, Staff Reviewer:"), staffText);
        assertTrue(
                staffText.contains("Santuario Faith Alliance envió la petición «" + titulo + "» a revisión"),
                staffText);
        assertEquals("/admin/petition-preview?id=" + id, Mailbox.link(toStaff, "/admin/petition-preview?id="));
        MimeMessage toAdmin = mailTo(TestEnvironment.ADMIN_EMAIL, "Waiting for your review: " + title);
        assertTrue(Mailbox.part(toAdmin, "text/plain").contains("Santuario Faith Alliance has submitted"));
        assertEquals("/admin/petition-preview?id=" + id, Mailbox.link(toAdmin, "/admin/petition-preview?id="));
        assertEquals(0, Mailbox.settledTo(portal, formerStaff).size(), "no mail to a deactivated account");
        assertTrue(
                Mailbox.settledTo(portal, spanishEditorEmail).stream()
                        .noneMatch(m -> subject(m).contains(titulo)),
                "editors are not told of their own submission");

        Page dashboard = admin.get("/admin/index?lang=en");
        var waiting = dashboard.document().getElementById("awaiting-review");
        assertNotNull(waiting, dashboard.text());
        assertTrue(linksToPreview(waiting, id), waiting.html());
        int count = waiting.select("li").size();
        assertEquals(
                count == 1 ? "1 petition awaits review" : count + " petitions await review",
                waiting.selectFirst("h2").text());
        String enEspanol = admin.get("/admin/index?lang=es")
                .document()
                .getElementById("awaiting-review")
                .selectFirst("h2")
                .text();
        assertEquals(count == 1 ? "1 petición espera revisión" : count + " peticiones esperan revisión", enEspanol);
        assertNull(
                editor.get("/admin/index").document().getElementById("awaiting-review"), "not on editors' dashboards");

        Page preview = admin.get("/admin/petition-preview?id=" + id + "&lang=en");
        admin.submit(preview, "decide", Map.of("reason", "Add the Spanish full text."), "reject");
        MimeMessage sentBack = mailTo(spanishEditorEmail, "Te devolvieron la petición: " + titulo);
        String sentBackText = Mailbox.part(sentBack, "text/plain");
        assertTrue(sentBackText.contains("con este motivo: Add the Spanish full text."), sentBackText);
        assertEquals("/admin/petition?id=" + id, Mailbox.link(sentBack, "/admin/petition?id="));
        assertTrue(Mailbox.part(mailTo(englishEditorEmail, "Your petition was sent back: " + title), "text/plain")
                .contains("with this reason: Add the Spanish full text."));
        assertFalse(
                linksToPreview(admin.get("/admin/index?lang=en").document().getElementById("awaiting-review"), id),
                "no longer waiting");

        Page again = editor.get("/admin/petitions?lang=es");
        editor.submit(again, "list", Map.of(), buttonIn(again, titulo, "submit"));
        Page approved =
                admin.submit(admin.get("/admin/petition-preview?id=" + id + "&lang=en"), "decide", Map.of(), "approve");
        assertTrue(approved.messages().contains("open for signatures"), approved.messages());
        MimeMessage open = mailTo(spanishEditorEmail, "Tu petición está abierta: " + titulo);
        assertEquals("/petitions/" + slug, Mailbox.link(open, "/petitions/"));
        mailTo(englishEditorEmail, "Your petition is open: " + title);
        assertEquals(2, Mailbox.settledTo(portal, spanishStaff).size(), "staff were told of both submissions");

        try (Connection db = db();
                PreparedStatement retire = db.prepareStatement("UPDATE account SET active = FALSE WHERE email = ?")) {
            retire.setString(1, spanishStaff);
            retire.executeUpdate();
        }
    }

    @Test
    @DisplayName("an editor fixes a typo in their open petition, which staff see in its history; a large change is "
            + "refused; they read its held signatures without acting on them and close it after confirming; an editor "
            + "of another organization can do none of it")
    void editorsOnTheirOpenPetition() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(base.toURI()));
        long organization =
                Accounts.idInRow(admin.get("/admin/organizations"), "Santuario Faith Alliance", "organization");
        WebSession editor = Accounts.newEditor(admin, new WebSession(base.toURI()), organization);
        WebSession stranger = Accounts.newEditor(
                admin,
                new WebSession(base.toURI()),
                Accounts.idInRow(admin.get("/admin/organizations"), "Voces Unidas de Chicago", "organization"));
        String slug = "typo-" + System.nanoTime();
        String title = "Keep families together " + System.nanoTime();
        long id = petitionOf(organization, slug, "OPEN", title, null, "<p>Free the famlies now.</p>");

        Page preview = editor.get("/admin/petition-preview?id=" + id + "&lang=en");
        assertNotNull(preview.document().getElementById("correct"), "a way to fix a typo: " + preview.text());
        Page form = editor.get("/admin/petition-correct?id=" + id + "&lang=en");
        assertEquals(200, form.status(), form.text());
        Page tooMuch = editor.submit(
                form, "correct", Map.of("textEn", "<p>" + "An entirely different text. ".repeat(5) + "</p>"), "save");
        assertTrue(tooMuch.messages().contains("more than a small correction"), tooMuch.messages());
        Page nothing = editor.submit(form, "correct", Map.of(), "save");
        assertTrue(nothing.messages().contains("Nothing was changed"), nothing.messages());
        Page fixed = editor.submit(form, "correct", Map.of("textEn", "<p>Free the families now.</p>"), "save");
        assertEquals("/admin/petition-preview", fixed.uri().getPath(), fixed.text());
        assertTrue(fixed.messages().contains("The correction is saved (1 character changed)"), fixed.messages());
        assertTrue(
                visitor.get("/petitions/" + slug + "?lang=en").text().contains("Free the families now."),
                "the public page shows the corrected text");

        var history = admin.get("/admin/petition-preview?id=" + id + "&lang=en")
                .document()
                .getElementById("history");
        assertNotNull(history, "staff see the petition's history");
        assertEquals(1, history.select("tr.history__row").size(), "the refused attempts left no trace");
        String row = history.selectFirst("tr.history__row").text();
        assertTrue(row.contains("Ed " + organization) && row.contains("full text in English"), row);
        String fila = admin.get("/admin/petition-preview?id=" + id + "&lang=es")
                .document()
                .getElementById("history")
                .text();
        assertTrue(fila.contains("texto completo en inglés"), fila);

        Page held = editor.get("/admin/petition-review?id=" + id + "&lang=en");
        assertEquals(200, held.status(), "the sponsor's editors read its held signatures");
        assertNotNull(held.document().getElementById("held-RATE_LIMIT"));
        assertTrue(
                held.document()
                        .select("button[id$=release], button[id$=discard]")
                        .isEmpty(),
                "staff decide");
        assertNull(held.document().getElementById("sources"), "signers' addresses are for staff");

        assertEquals(403, stranger.get("/admin/petition-correct?id=" + id).status());
        assertEquals(403, stranger.get("/admin/petition-review?id=" + id).status());
        assertEquals(403, stranger.get("/admin/petition-preview?id=" + id).status(), "so no way to close it either");

        Page unconfirmed = editor.submit(preview, "closing", Map.of(), "close");
        assertTrue(unconfirmed.messages().contains("Tick the box"), unconfirmed.messages());
        assertEquals("OPEN", petitionState(id));
        Page closed = editor.submit(preview, "closing", Map.of("confirm", "on"), "close");
        assertTrue(closed.messages().contains("The petition is closed"), closed.messages());
        assertEquals("CLOSED", petitionState(id));
        assertNull(editor.get("/admin/petition-preview?id=" + id).document().getElementById("closing"));
        assertEquals(
                "/admin/petition-preview",
                editor.get("/admin/petition-correct?id=" + id).uri().getPath(),
                "a closed petition is no longer corrected");
    }

    static String buttonIn(Page page, String title, String suffix) {
        return page.document().select("tr").stream()
                .filter(row -> row.text().contains(title))
                .flatMap(row -> row.select("button[id$=" + suffix + "]").stream())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + suffix + " button for " + title + " in " + page.text()))
                .attr("name");
    }

    static String fieldIn(Page page, String title, String suffix) {
        return page.document().select("tr").stream()
                .filter(row -> row.text().contains(title))
                .flatMap(row -> row.select("input[id$=" + suffix + "]").stream())
                .findFirst()
                .orElseThrow()
                .attr("name");
    }

    @Test
    @DisplayName("the petition page creates no session and shows no signer's e-mail")
    void sessionlessAndPrivate() {
        Page page = visitor.get(PETITION);
        assertEquals(200, page.status());
        assertTrue(visitor.cookie("JSESSIONID").isEmpty());
        assertFalse(page.body().contains("demo-signer-"), "no signer addresses on the page");
        assertTrue(visitor.get("/petitions?lang=es").text().contains("Reunifiquen ya a las familias separadas"));
    }
}
