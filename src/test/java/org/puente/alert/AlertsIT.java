package org.puente.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.puente.testing.Accounts;
import org.puente.testing.Await;
import org.puente.testing.Deployments;
import org.puente.testing.Mailbox;
import org.puente.testing.TestClock;
import org.puente.testing.TestEnvironment;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Action alerts: one mail per supporter in their language, exactly once, and a one-click way out")
class AlertsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    static Connection db() throws Exception {
        return TestEnvironment.database();
    }

    /** Supporters whose postal codes start with {@code prefix}: i even English, odd Spanish. */
    static void supporters(String prefix, int count, String status) throws Exception {
        try (Connection db = db();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO supporter (email, "
                                + "email_canonical, first_name, last_name, postal_code, country, language, status, consent_at, "
                                + "consent_source, created_at, updated_at) VALUES (?, ?, 'Ana', 'Prueba', ?, 'US', ?, ?, ?, 'test', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < count; i++) {
                String email = address(prefix, status, i);
                insert.setString(1, email);
                insert.setString(2, email);
                insert.setString(3, prefix + " " + i);
                insert.setString(4, i % 2 == 0 ? "en" : "es");
                insert.setString(5, status);
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.setTimestamp(8, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static String address(String prefix, String status, int i) {
        return prefix.toLowerCase() + "-" + status.toLowerCase() + "-" + i + "@example.org";
    }

    static String state(long alertId) throws Exception {
        return column("SELECT state FROM alert WHERE id = ?", alertId);
    }

    /**
     * Waits until the alert is sent: every delivery settled, so the alert engine's queue for it has drained
     * and a check that someone got no mail proves something.
     */
    static void awaitSent(long alertId) throws Exception {
        Await.until(
                "alert " + alertId + " sent",
                Duration.ofMinutes(3),
                Duration.ofMillis(100),
                () -> "SENT".equals(state(alertId)));
    }

    /** How many of the alert's deliveries are in the state. */
    static long deliveries(long alertId, DeliveryState state) throws Exception {
        return Long.parseLong(
                column("SELECT COUNT(*) FROM alert_delivery WHERE alert_id = ? AND state = ?", alertId, state.name()));
    }

    /** Every mail the catcher holds to addresses starting with the prefix, by recipient. */
    static Map<String, List<MimeMessage>> mailsTo(String prefix) throws Exception {
        Map<String, List<MimeMessage>> byRecipient = new HashMap<>();
        for (MimeMessage message : TestEnvironment.mail().getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                if (to.toString().startsWith(prefix.toLowerCase() + "-")) {
                    byRecipient
                            .computeIfAbsent(to.toString(), k -> new ArrayList<>())
                            .add(message);
                }
            }
        }
        return byRecipient;
    }

    @Test
    @DisplayName("the composer points the button to a statement: its page in each language, with default words")
    void buttonToAStatement() throws Exception {
        WebSession staff = Accounts.admin(new WebSession(base.toURI()));
        Page form = staff.get("/admin/alert?lang=en");
        String released = form.document().select("[id=form:statement] option").stream()
                .filter(o -> o.text().equals("Protection for children and families across borders"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo statement is offered: " + form.text()))
                .attr("value");
        Page pointed = staff.submit(form, "form", Map.of("statement", released), "pointToStatement");
        String slug = "/statements/protection-for-children-and-families-across-borders?lang=";
        assertTrue(
                pointed.document()
                        .getElementById("form:actionUrlEn")
                        .attr("value")
                        .endsWith(slug + "en"),
                pointed.text());
        assertTrue(pointed.document()
                .getElementById("form:actionUrlEs")
                .attr("value")
                .endsWith(slug + "es"));
        assertEquals(
                "Read the statement",
                pointed.document().getElementById("form:actionLabelEn").attr("value"));
        assertEquals(
                "Lee el pronunciamiento",
                pointed.document().getElementById("form:actionLabelEs").attr("value"));
    }

    @Test
    @DisplayName(
            "2,000 supporters, half English and half Spanish: each gets exactly one mail in their language with "
                    + "the unsubscribe headers; unsubscribed and bounced get nothing; one-click POST unsubscribes, GET does not")
    void alertToTwoThousand() throws Exception {
        String prefix = "Z" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        supporters(prefix, 2000, "SUBSCRIBED");
        supporters(prefix, 3, "UNSUBSCRIBED");
        supporters(prefix, 3, "BOUNCED");

        WebSession staff = Accounts.admin(new WebSession(base.toURI()));
        Page form = staff.get("/admin/alert?lang=en");
        Map<String, String> alert = Map.of(
                "subjectEn",
                "Call your representative today",
                "subjectEs",
                "Llama hoy a tu representante",
                "bodyEn",
                "<p>Children are <strong>waiting</strong>.</p>",
                "bodyEs",
                "<p>Los niños están <strong>esperando</strong>.</p><script>alert(1)</script>",
                "actionLabelEn",
                "Call now",
                "actionLabelEs",
                "Llama ya",
                "actionUrlEn",
                "https://example.org/call",
                "actionUrlEs",
                "https://example.org/llamar",
                "postalPrefix",
                prefix);
        Page bad = staff.submit(
                form, "form", Map.of("subjectEn", "x", "bodyEn", "y", "actionUrlEn", "javascript:alert(1)"), "save");
        assertTrue(bad.messages().contains("must start with https://"), bad.messages());
        Page counted = staff.submit(form, "form", alert, "count");
        assertTrue(counted.text().contains("The audience holds 2,000 supporters right now"), counted.text());
        Page asked = staff.submit(counted, "form", Map.of(), "send");
        assertTrue(
                asked.text().contains("Send to 2,000 supporters (1,000 in English, 1,000 in Spanish) now?"),
                asked.text());
        Page sent = staff.submit(asked, "form", Map.of(), "confirmSend");
        assertTrue(sent.messages().contains("going out to 2,000 supporters"), sent.messages());
        long alertId;
        try (Connection db = db();
                PreparedStatement query =
                        db.prepareStatement("SELECT MAX(alert_id) FROM alert_delivery WHERE email LIKE ?")) {
            query.setString(1, prefix.toLowerCase() + "-%");
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                alertId = rs.getLong(1);
            }
        }
        awaitSent(alertId);

        Map<String, List<MimeMessage>> mails = mailsTo(prefix);
        for (int i = 0; i < 2000; i++) {
            List<MimeMessage> mine = mails.getOrDefault(address(prefix, "SUBSCRIBED", i), List.of());
            assertEquals(1, mine.size(), "exactly one mail for supporter " + i);
            MimeMessage mail = mine.get(0);
            boolean english = i % 2 == 0;
            assertEquals(
                    english ? "Call your representative today" : "Llama hoy a tu representante", mail.getSubject());
            assertEquals(english ? "en" : "es", mail.getHeader("Content-Language", null));
            assertTrue(mail.getHeader("List-Unsubscribe", null)
                    .startsWith("<" + TestEnvironment.BASE_URL + "/unsubscribe?s="));
            assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post", null));
            assertTrue(mail.getContentType().startsWith("multipart/alternative"), mail.getContentType());
        }
        assertEquals(
                2000,
                mails.size(),
                "nothing to unsubscribed or bounced supporters: "
                        + mails.keySet().stream()
                                .filter(a -> !a.contains("-subscribed-"))
                                .toList());

        MimeMessage spanish = mails.get(address(prefix, "SUBSCRIBED", 1)).get(0);
        String html =
                (String) ((MimeMultipart) spanish.getContent()).getBodyPart(1).getContent();
        assertTrue(html.contains("Los niños están <strong>esperando</strong>") && !html.contains("<script"), html);
        assertTrue(html.contains("Dejar de recibir estas alertas"), "the footer in the reader's language");
        assertTrue(html.contains("https://example.org/llamar"), "the Spanish button");

        String link = spanish.getHeader("List-Unsubscribe", null).replaceAll("^<|>$", "");
        String local = link.replace(TestEnvironment.BASE_URL, base.toString().replaceAll("/$", ""));
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> shown =
                client.send(HttpRequest.newBuilder(URI.create(local)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, shown.statusCode());
        assertTrue(shown.body().contains("Dejar de recibir"), "the page asks, in the supporter's language");
        assertEquals("SUBSCRIBED", status(address(prefix, "SUBSCRIBED", 1)), "a GET (a link scanner) changes nothing");

        HttpResponse<String> oneClick = client.send(
                HttpRequest.newBuilder(URI.create(local))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, oneClick.statusCode(), oneClick.body());
        assertEquals("UNSUBSCRIBED", status(address(prefix, "SUBSCRIBED", 1)), "one POST, no cookies, no login");

        HttpResponse<String> forged = client.send(
                HttpRequest.newBuilder(URI.create(local.replaceAll("t=[^&]+", "t=" + "A".repeat(43))))
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, forged.statusCode(), "a made-up link unsubscribes nobody");

        try (Connection db = db();
                PreparedStatement query = db.prepareStatement(
                        "SELECT COUNT(*), SUM(state = 'SENT'), MAX(attempts) FROM alert_delivery WHERE alert_id = ?")) {
            query.setLong(1, alertId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertEquals(2000, rs.getLong(1), "one delivery per recipient in the snapshot");
                assertEquals(2000, rs.getLong(2));
                assertEquals(1, rs.getInt(3), "no delivery was taken by two workers");
            }
        }
        assertTrue(
                html.contains("Cambiar tu idioma o borrar tus datos") && html.contains("/preferences?s="),
                "the preferences link in the footer");

        Page report = staff.get("/admin/alert-report?id=" + alertId + "&lang=en");
        assertEquals(200, report.status());
        assertEquals(
                List.of("Spanish", "1,000", "1,000", "0", "0", "0", "0", "1"),
                cells(report, "es"),
                "the Spanish row: 1,000 sent, one unsubscribe from this alert's link");
        assertEquals(List.of("English", "1,000", "1,000", "0", "0", "0", "0", "0"), cells(report, "en"));
        assertEquals(List.of("All", "2,000", "2,000", "0", "0", "0", "0", "1"), cells(report, "all"));
    }

    static List<String> cells(Page report, String language) {
        return report.document()
                .select("tr[data-language=" + language + "] > *")
                .eachText();
    }

    static String status(String email) throws Exception {
        return column("SELECT status FROM supporter WHERE email = ?", email);
    }

    @Test
    @DisplayName("after a sender dies mid-send, its expired claims are taken over: nobody skipped, nothing sent twice")
    void resumesAfterACrash() throws Exception {
        String prefix = "C" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        supporters(prefix, 12, "SUBSCRIBED");
        long alertId;
        try (Connection db = db()) {
            db.setAutoCommit(false);
            alertId = insertSendingAlert(db, prefix, 12);
            // The dead sender: 4 delivered before it died, 4 claimed (lease expired), 4 never touched.
            try (PreparedStatement deliveries =
                    db.prepareStatement("INSERT INTO alert_delivery (alert_id, supporter_id, email, "
                            + "language, state, attempts, next_attempt_at, claimed_by, claimed_until, sent_at) "
                            + "SELECT ?, id, email, language, ?, ?, NOW(6), ?, ?, ? FROM supporter WHERE email = ?")) {
                for (int i = 0; i < 12; i++) {
                    String state = i < 4 ? "SENT" : i < 8 ? "CLAIMED" : "PENDING";
                    deliveries.setLong(1, alertId);
                    deliveries.setString(2, state);
                    deliveries.setInt(3, i < 8 ? 1 : 0);
                    deliveries.setString(4, i >= 4 && i < 8 ? "dead-instance/0" : null);
                    deliveries.setTimestamp(
                            5, i >= 4 && i < 8 ? Timestamp.from(Instant.now().minusSeconds(5)) : null);
                    deliveries.setTimestamp(
                            6, i < 4 ? Timestamp.from(Instant.now().minusSeconds(60)) : null);
                    deliveries.setString(7, address(prefix, "SUBSCRIBED", i));
                    deliveries.addBatch();
                }
                deliveries.executeBatch();
            }
            db.commit();
        }
        awaitSent(alertId);
        Map<String, List<MimeMessage>> mails = mailsTo(prefix);
        for (int i = 0; i < 12; i++) {
            assertEquals(
                    i < 4 ? 0 : 1,
                    mails.getOrDefault(address(prefix, "SUBSCRIBED", i), List.of())
                            .size(),
                    "supporter " + i + (i < 4 ? " had been sent before the crash" : " gets the mail once"));
        }
    }

    /** Supporters with exactly these addresses (English), their postal codes starting with the prefix. */
    static void supportersAt(String prefix, List<String> emails) throws Exception {
        try (Connection db = db();
                PreparedStatement insert = db.prepareStatement("INSERT INTO supporter (email, "
                        + "email_canonical, first_name, last_name, postal_code, country, language, status, consent_at, "
                        + "consent_source, created_at, updated_at) VALUES (?, ?, 'Leo', 'Prueba', ?, 'US', 'en', 'SUBSCRIBED', "
                        + "NOW(6), 'test', NOW(6), NOW(6))")) {
            for (String email : emails) {
                insert.setString(1, email);
                insert.setString(2, email);
                insert.setString(3, prefix);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** An alert already sending to the supporters whose postal code starts with the prefix (as if staff sent it). */
    static long startAlert(String prefix) throws Exception {
        try (Connection db = db()) {
            // One transaction, as the portal starts an alert: a sender must never see it sending with no deliveries.
            db.setAutoCommit(false);
            long alertId = insertSendingAlert(db, prefix, 0);
            try (PreparedStatement deliveries =
                    db.prepareStatement("INSERT INTO alert_delivery (alert_id, supporter_id, email, "
                            + "language, state, attempts, next_attempt_at) SELECT ?, id, email, language, 'PENDING', 0, NOW(6) "
                            + "FROM supporter WHERE postal_code LIKE ?")) {
                deliveries.setLong(1, alertId);
                deliveries.setString(2, prefix + "%");
                int size = deliveries.executeUpdate();
                try (PreparedStatement update =
                        db.prepareStatement("UPDATE alert SET audience_size = ? WHERE id = ?")) {
                    update.setInt(1, size);
                    update.setLong(2, alertId);
                    update.executeUpdate();
                }
            }
            db.commit();
            return alertId;
        }
    }

    /** An alert row, already sending, to the supporters whose postal code starts with the prefix; no deliveries. */
    static long insertSendingAlert(Connection db, String prefix, int audienceSize) throws Exception {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO alert (subject_en, subject_es, body_en, body_es, "
                        + "audience_postal, state, audience_size, created_by, created_at, updated_at, started_at) SELECT "
                        + "'Call today', 'Llama hoy', '<p>Call.</p>', '<p>Llama.</p>', ?, 'SENDING', ?, MIN(id), NOW(6), NOW(6), "
                        + "NOW(6) FROM account",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, prefix);
            insert.setInt(2, audienceSize);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static String delivery(long alertId, String email) throws Exception {
        return column(
                "SELECT CONCAT(state, '/', attempts) FROM alert_delivery WHERE alert_id = ? AND email = ?",
                alertId,
                email);
    }

    @Test
    @DisplayName("a 5xx refusal fails that delivery and marks the supporter bounced; a 4xx is retried and sent once")
    void smtpRefusals() throws Exception {
        String prefix = "R" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String lower = prefix.toLowerCase();
        String bounce = "bounce-" + lower + "@example.org";
        String later = "later-" + lower + "@example.org";
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            others.add(lower + "-" + i + "@example.org");
        }
        List<String> all = new ArrayList<>(others);
        all.add(bounce);
        all.add(later);
        supportersAt(prefix, all);
        long alertId = startAlert(prefix);
        awaitSent(alertId);

        assertEquals("FAILED/1", delivery(alertId, bounce));
        assertEquals("BOUNCED", status(bounce), "never mailed again by any alert");
        assertEquals("SENT/2", delivery(alertId, later), "refused once with 451, sent on the second attempt");
        Map<String, Long> received = new HashMap<>();
        for (MimeMessage message : TestEnvironment.mail().getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                received.merge(to.toString(), 1L, Long::sum);
            }
        }
        assertEquals(null, received.get(bounce));
        assertEquals(1L, received.get(later));
        for (String other : others) {
            assertEquals(1L, received.get(other), other);
        }
    }

    @Test
    @DisplayName(
            "the mail server going down mid-send loses nothing: sending waits, resumes when it is back, and completes")
    void smtpDownMidSend() throws Exception {
        String prefix = "D" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        supporters(prefix, 1000, "SUBSCRIBED");
        long alertId = startAlert(prefix);
        WebSession staff = Accounts.admin(new WebSession(base.toURI()).forwardedFor("198.51.100.76"));
        try {
            Await.until(
                    "sending started",
                    Duration.ofSeconds(60),
                    Duration.ofMillis(5),
                    () -> deliveries(alertId, DeliveryState.SENT) > 0);
            TestEnvironment.smtp().setDown(true);
            Await.until(
                    "staff told the mail server is down",
                    Duration.ofSeconds(30),
                    Duration.ofMillis(200),
                    () -> staff.get("/admin/alerts?lang=en").messages().contains("The mail server is not answering"));
            assertEquals("SENDING", state(alertId), "the alert waits for the server, it does not end");
            long sent = deliveries(alertId, DeliveryState.SENT);
            assertTrue(sent < 1000, "sent before the server fell: " + sent);
        } finally {
            TestEnvironment.smtp().setDown(false);
        }
        // The senders wait out their pause by the portal's clock: move it past the pause instead of waiting.
        TestClock.advance(base.toURI(), AlertDispatcher.SERVER_DOWN_PAUSE.plusSeconds(1));
        try {
            awaitSent(alertId);
        } finally {
            TestClock.reset(base.toURI());
        }
        Map<String, List<MimeMessage>> mails = mailsTo(prefix);
        int twice = 0;
        for (int i = 0; i < 1000; i++) {
            int copies = mails.getOrDefault(address(prefix, "SUBSCRIBED", i), List.of())
                    .size();
            assertTrue(copies >= 1, "supporter " + i + " lost");
            twice += copies - 1;
        }
        assertTrue(twice <= 4, "at most the messages in flight when the server fell may go twice: " + twice);
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement(
                        "SELECT COUNT(*) FROM alert_delivery WHERE alert_id = ? AND state = 'SENT'")) {
            query.setLong(1, alertId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertEquals(1000, rs.getLong(1));
            }
        }
    }

    /** The preferences link of the newest alert mail to this address, pointing at the portal under test. */
    String preferencesLink(String email) throws Exception {
        MimeMessage[] all = TestEnvironment.mail().getReceivedMessages();
        for (int i = all.length - 1; i >= 0; i--) {
            if (all[i].getAllRecipients()[0].toString().equals(email)) {
                String html = (String)
                        ((MimeMultipart) all[i].getContent()).getBodyPart(1).getContent();
                java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"([^\"]*/preferences\\?[^\"]+)\"")
                        .matcher(html);
                assertTrue(link.find(), html);
                return link.group(1)
                        .replace("&amp;", "&")
                        .replace(TestEnvironment.BASE_URL, base.toString().replaceAll("/$", ""));
            }
        }
        throw new AssertionError("no mail to " + email);
    }

    @Test
    @DisplayName(
            "from an alert's link, a supporter changes their language and erases their data (signatures stay "
                    + "counted, anonymized); the page never shows their whole address; bad requests get a 400 and change nothing")
    void supporterPreferences() throws Exception {
        String prefix = "P" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String email = prefix.toLowerCase() + "-leo@example.org";
        supportersAt(prefix, List.of(email));
        long alertId = startAlert(prefix);
        awaitSent(alertId);
        String link = preferencesLink(email);

        WebSession visitor = new WebSession(base.toURI());
        Page page = visitor.get(link);
        assertEquals(200, page.status());
        assertEquals("en", page.lang());
        assertTrue(page.text().contains(prefix.toLowerCase().charAt(0) + "•••@example.org"), page.text());
        assertTrue(!page.body().contains(email), "the whole address is never on the page");
        assertTrue(page.header("Cache-Control").contains("no-store"));
        assertTrue(
                page.allHeaders("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                "the preferences page creates no session: " + page.allHeaders("Set-Cookie"));
        String s = link.replaceAll(".*[?&]s=([^&]+).*", "$1");
        String t = link.replaceAll(".*[?&]t=([^&]+).*", "$1");

        Page badLanguage =
                visitor.postForm("/preferences", Map.of("s", s, "t", t, "action", "language", "language", "fr"));
        assertEquals(400, badLanguage.status());
        assertTrue(badLanguage.messages().contains("Choose English or Spanish"), badLanguage.messages());

        Page saved = visitor.postForm("/preferences", Map.of("s", s, "t", t, "action", "language", "language", "es"));
        assertEquals(200, saved.status());
        assertEquals("es", saved.lang(), "the page answers in the language just chosen");
        assertTrue(saved.messages().contains("Guardado"), saved.messages());
        assertEquals("es", column("SELECT language FROM supporter WHERE email = ?", email));
        assertEquals(
                "LANGUAGE",
                column(
                        "SELECT MAX(e.kind) FROM supporter_event e JOIN supporter s ON s.id = e.supporter_id "
                                + "WHERE s.email = ? AND e.kind = 'LANGUAGE'",
                        email),
                "the change is in the supporter's history");
        assertTrue(visitor.cookie("JSESSIONID").isEmpty(), "neither its forms nor their redirects create a session");

        // A confirmed signature of theirs, to see it survive the erasure anonymized.
        String petition = column("SELECT MIN(id) FROM petition WHERE state = 'OPEN'");
        try (Connection db = db();
                PreparedStatement insert = db.prepareStatement("INSERT INTO signature (petition_id, "
                        + "first_name, last_name, email, email_canonical, postal_code, country, language, comment, alerts_consent, "
                        + "state, created_at, confirmed_at, source_ip) VALUES (?, 'Leo', 'Prueba', ?, ?, '20001', 'US', 'en', "
                        + "'Free them', TRUE, 'CONFIRMED', NOW(6), NOW(6), '203.0.113.9')")) {
            insert.setLong(1, Long.parseLong(petition));
            insert.setString(2, email);
            insert.setString(3, email);
            insert.executeUpdate();
        }
        String confirmedBefore =
                column("SELECT COUNT(*) FROM signature WHERE petition_id = ? AND state = 'CONFIRMED'", petition);

        Page unconfirmed = visitor.postForm("/preferences", Map.of("s", s, "t", t, "action", "erase", "lang", "en"));
        assertEquals(400, unconfirmed.status());
        assertTrue(unconfirmed.messages().contains("Tick the box"), unconfirmed.messages());
        assertEquals(
                "1", column("SELECT COUNT(*) FROM supporter WHERE email = ?", email), "nothing erased unconfirmed");

        // The List-Unsubscribe header's link only unsubscribes: it opens no preferences and erases nothing.
        String unsubscribeToken =
                newestMailTo(email).getHeader("List-Unsubscribe", null).replaceAll(".*[?&]t=([^&>]+).*", "$1");
        Page viaHeader = visitor.get("/preferences?s=" + s + "&t=" + unsubscribeToken + "&lang=en");
        assertEquals(404, viaHeader.status());
        assertTrue(viaHeader.text().contains("This link no longer works"), viaHeader.text());
        assertEquals(
                404,
                visitor.postForm(
                                "/preferences",
                                Map.of("s", s, "t", unsubscribeToken, "action", "erase", "confirm", "yes"))
                        .status());
        assertEquals(
                404,
                visitor.postForm(
                                "/preferences/erase",
                                Map.of(
                                        "s",
                                        s,
                                        "t",
                                        unsubscribeToken,
                                        "e",
                                        String.valueOf(java.time.Instant.now()
                                                .plusSeconds(3600)
                                                .getEpochSecond())))
                        .status());
        assertEquals(
                404,
                visitor.postForm("/unsubscribe", Map.of("s", s, "t", t)).status(),
                "nor does the preferences link work as an unsubscribe link");

        // Asking to erase only mails a confirmation link, in the supporter's language (now Spanish).
        Page asked = visitor.postForm(
                "/preferences", Map.of("s", s, "t", t, "action", "erase", "confirm", "yes", "lang", "en"));
        assertEquals(200, asked.status());
        assertTrue(
                asked.messages().contains("Enviamos un enlace a tu correo electrónico"),
                "in the supporter's language: " + asked.messages());
        assertEquals("1", column("SELECT COUNT(*) FROM supporter WHERE email = ?", email), "nothing erased yet");
        // Whoever holds a forwarded link cannot flood the owner's mailbox: three such mails an hour.
        for (int i = 0; i < 2; i++) {
            assertEquals(
                    200,
                    visitor.postForm(
                                    "/preferences",
                                    Map.of("s", s, "t", t, "action", "erase", "confirm", "yes", "lang", "en"))
                            .status());
        }
        Page flood = visitor.postForm(
                "/preferences", Map.of("s", s, "t", t, "action", "erase", "confirm", "yes", "lang", "es"));
        assertEquals(429, flood.status());
        assertTrue(flood.text().contains("Ya te enviamos varios mensajes"), flood.text());
        assertEquals(
                429,
                visitor.postForm("/preferences", Map.of("s", s, "t", t, "action", "newLink"))
                        .status(),
                "the new-link mail counts against the same limit");
        String eraseSubject = "Confirma que quieres borrar tus datos";
        Await.until(
                "three erasure mails",
                Duration.ofSeconds(15),
                Duration.ofMillis(100),
                () -> Mailbox.to(email).stream()
                                .filter(m -> eraseSubject.equals(subjectOf(m)))
                                .count()
                        >= 3);
        MimeMessage confirmation = mailWithSubject(email, eraseSubject);
        String eraseLink = Mailbox.link(confirmation, "/preferences/erase?");
        assertTrue(eraseLink.contains("lang=es"), eraseLink);
        String e = eraseLink.replaceAll(".*[?&]e=([^&]+).*", "$1");
        String et = eraseLink.replaceAll(".*[?&]t=([^&]+).*", "$1");
        assertEquals(
                404,
                visitor.postForm(
                                "/preferences/erase",
                                Map.of("s", s, "e", String.valueOf(Long.parseLong(e) + 86400), "t", et))
                        .status(),
                "its expiry is signed: it cannot be extended");
        Page confirmPage = visitor.get(eraseLink);
        assertEquals(200, confirmPage.status());
        assertNotNull(confirmPage.document().getElementById("erase-now"), "a button to press: " + confirmPage.text());
        assertEquals(
                "1",
                column("SELECT COUNT(*) FROM supporter WHERE email = ?", email),
                "following the link erases nothing");

        Page erased = visitor.postForm("/preferences/erase", Map.of("s", s, "e", e, "t", et, "lang", "en"));
        assertEquals(200, erased.status());
        assertTrue(erased.messages().contains("Your data has been erased"), erased.messages());
        assertEquals("0", column("SELECT COUNT(*) FROM supporter WHERE email = ?", email));
        assertEquals(
                "0",
                column(
                        "SELECT COUNT(*) FROM signature WHERE email = ? OR first_name = 'Leo' AND comment = 'Free them'",
                        email));
        assertEquals("0", column("SELECT COUNT(*) FROM alert_delivery WHERE email = ?", email));
        assertEquals(
                confirmedBefore,
                column("SELECT COUNT(*) FROM signature WHERE petition_id = ? AND state = 'CONFIRMED'", petition),
                "their signature still counts");
        assertEquals(
                "1",
                column(
                        "SELECT COUNT(*) FROM signature WHERE petition_id = ? AND email = 'erased@invalid' "
                                + "AND source_ip IS NULL AND postal_code IS NULL AND comment IS NULL",
                        petition));
        Page gone = visitor.get(link.replace("lang=en", "lang=es"));
        assertEquals(404, gone.status(), "the link leads nowhere once the data is gone");
        assertTrue(gone.text().contains("Este enlace ya no funciona"), "said in the reader's language: " + gone.text());
        assertEquals(
                404,
                visitor.postForm("/preferences/erase", Map.of("s", s, "e", e, "t", et))
                        .status(),
                "used up");
        assertEquals(
                404,
                visitor.get(link.replaceAll("t=[^&]+", "t=" + "A".repeat(43))).status());
    }

    @Test
    @DisplayName(
            "a supporter who forwarded an alert asks for a new preferences link: the old one is refused, in either "
                    + "language, and the new one arrives by mail and works; the unsubscribe link keeps working")
    void newPreferencesLink() throws Exception {
        String prefix = "N" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String email = prefix.toLowerCase() + "-ana@example.org";
        supportersAt(prefix, List.of(email));
        awaitSent(startAlert(prefix));
        String link = preferencesLink(email);
        String unsubscribe = newestMailTo(email)
                .getHeader("List-Unsubscribe", null)
                .replaceAll("^<|>$", "")
                .replace(TestEnvironment.BASE_URL, "");
        WebSession visitor = new WebSession(base.toURI());
        Page page = visitor.get(link);
        assertEquals(200, page.status());

        Page sent = visitor.submit(page, "new-link-form", Map.of(), "new-link");
        assertEquals(200, sent.status());
        assertTrue(sent.messages().contains("your earlier preferences links no longer work"), sent.messages());
        for (String language : List.of("en", "es")) {
            Page old = visitor.get(link.replaceAll("lang=[a-z]+", "lang=" + language));
            assertEquals(404, old.status(), "revoked, not an error");
            assertTrue(
                    old.text()
                            .contains(
                                    language.equals("en") ? "This link no longer works" : "Este enlace ya no funciona"),
                    old.text());
        }
        String fresh = Mailbox.link(mailWithSubject(email, "Your new link to your alert preferences"), "/preferences?");
        Page reopened = visitor.get(fresh);
        assertEquals(200, reopened.status());
        assertNotNull(reopened.document().getElementById("erase-form"), reopened.text());
        assertEquals(200, visitor.get(unsubscribe).status(), "unsubscribing needs no new link");
    }

    MimeMessage newestMailTo(String email) throws Exception {
        List<MimeMessage> mails = Mailbox.to(email);
        return mails.get(mails.size() - 1);
    }

    /** Waits for a mail with this subject to this address. */
    static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeMessage mailWithSubject(String email, String subject) throws Exception {
        MimeMessage[] found = new MimeMessage[1];
        Await.until("a mail '" + subject + "' to " + email, Duration.ofSeconds(15), Duration.ofMillis(100), () -> {
            found[0] = Mailbox.to(email).stream()
                    .filter(m -> subject.equals(subjectOf(m)))
                    .findFirst()
                    .orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** The first column of the first row the query returns, as text (null for none). */
    static String column(String sql, Object... parameters) throws Exception {
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    @DisplayName("staff schedule an alert (a time in the past is refused), cancel and reschedule it; at its time it "
            + "goes out by itself to each supporter once")
    void scheduledAlert() throws Exception {
        String prefix = "S" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        supporters(prefix, 20, "SUBSCRIBED");
        WebSession staff = Accounts.admin(new WebSession(base.toURI()));
        Page form = staff.get("/admin/alert?lang=en");
        java.time.format.DateTimeFormatter minutes = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        // staff enter times in the coalition's time zone, not the server's
        java.time.ZoneId zone = java.time.ZoneId.of(column("SELECT time_zone FROM coalition"));
        Map<String, String> alert = new HashMap<>(Map.of(
                "subjectEn",
                "Vigil on Friday",
                "subjectEs",
                "Vigilia el viernes",
                "bodyEn",
                "<p>Bring a candle.</p>",
                "bodyEs",
                "<p>Trae una vela.</p>",
                "postalPrefix",
                prefix,
                "scheduledAt",
                java.time.LocalDateTime.now(zone).minusHours(1).format(minutes)));
        Page past = staff.submit(form, "form", alert, "schedule");
        assertTrue(past.messages().contains("That time has already passed"), past.messages());
        String id = column("SELECT MAX(id) FROM alert WHERE audience_postal = ?", prefix);
        assertEquals("DRAFT", column("SELECT state FROM alert WHERE id = ?", id));

        alert.put("scheduledAt", "tomorrow at noon");
        Page garbled = staff.submit(past, "form", alert, "schedule");
        assertTrue(garbled.messages().contains("Enter a date and a time"), garbled.messages());

        alert.put("scheduledAt", java.time.LocalDateTime.now(zone).plusHours(2).format(minutes));
        Page scheduled = staff.submit(garbled, "form", alert, "schedule");
        assertTrue(scheduled.messages().contains("The alert is scheduled for"), scheduled.messages());
        assertEquals("SCHEDULED", column("SELECT state FROM alert WHERE id = ?", id));
        assertEquals("0", column("SELECT COUNT(*) FROM alert_delivery WHERE alert_id = ?", id), "no one yet");
        assertEquals(403, staff.get("/admin/alert?id=" + id).status(), "a scheduled alert is frozen");

        Page cancelled = staff.submit(scheduled, "list", Map.of(), cancelButton(scheduled, "Vigil on Friday"));
        assertTrue(cancelled.messages().contains("The schedule is cancelled"), cancelled.messages());
        assertEquals("DRAFT", column("SELECT state FROM alert WHERE id = ?", id));
        Page again = staff.submit(
                cancelled,
                "form",
                Map.of(
                        "scheduledAt",
                        java.time.LocalDateTime.now(zone).plusHours(2).format(minutes)),
                "schedule");
        assertTrue(again.messages().contains("The alert is scheduled for"), again.messages());

        TestClock.advance(base.toURI(), Duration.ofHours(2).plusMinutes(2));
        try {
            awaitSent(Long.parseLong(id));
        } finally {
            TestClock.reset(base.toURI());
        }
        Map<String, List<MimeMessage>> mails = mailsTo(prefix);
        for (int i = 0; i < 20; i++) {
            List<MimeMessage> mine = mails.getOrDefault(address(prefix, "SUBSCRIBED", i), List.of());
            assertEquals(1, mine.size(), "supporter " + i);
            assertEquals(
                    i % 2 == 0 ? "Vigil on Friday" : "Vigilia el viernes",
                    mine.get(0).getSubject());
        }
    }

    @Test
    @DisplayName("an alert to a petition's signers reaches the subscribed supporters with a confirmed signature on it, "
            + "once each, and nobody else")
    void alertToPetitionSigners() throws Exception {
        String prefix = "Y" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        supporters(prefix, 6, "SUBSCRIBED");
        supporters(prefix, 1, "UNSUBSCRIBED");
        WebSession staff = Accounts.admin(new WebSession(base.toURI()).forwardedFor("198.51.100.75"));
        Page form = staff.get("/admin/alert?lang=en");
        String petition = form.document().select("select[name=form:petition] option").stream()
                .map(o -> o.attr("value"))
                .filter(v -> !v.isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no petition to choose: " + form.text()));
        // Supporters 0-3 signed and confirmed, 4 signed without confirming,
        // 5 did not sign; the unsubscribed one signed and confirmed.
        try (Connection db = db();
                PreparedStatement sign = db.prepareStatement(
                        "INSERT INTO signature (petition_id, "
                                + "first_name, last_name, email, email_canonical, country, language, state, created_at, confirmed_at) "
                                + "VALUES (?, 'Ana', 'Prueba', ?, ?, 'US', 'en', ?, NOW(6), IF(? = 'CONFIRMED', NOW(6), NULL))")) {
            Map<String, String> signers = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 4; i++) {
                signers.put(address(prefix, "SUBSCRIBED", i), "CONFIRMED");
            }
            signers.put(address(prefix, "SUBSCRIBED", 4), "PENDING");
            signers.put(address(prefix, "UNSUBSCRIBED", 0), "CONFIRMED");
            for (Map.Entry<String, String> signer : signers.entrySet()) {
                sign.setLong(1, Long.parseLong(petition));
                sign.setString(2, signer.getKey());
                sign.setString(3, signer.getKey());
                sign.setString(4, signer.getValue());
                sign.setString(5, signer.getValue());
                sign.addBatch();
            }
            sign.executeBatch();
        }

        Map<String, String> alert = Map.of(
                "subjectEn",
                "Signers: one more step",
                "subjectEs",
                "Firmantes: un paso más",
                "bodyEn",
                "<p>Thank you.</p>",
                "bodyEs",
                "<p>Gracias.</p>",
                "petition",
                petition,
                "postalPrefix",
                prefix);
        Page counted = staff.submit(form, "form", alert, "count");
        assertTrue(counted.text().contains("The audience holds 4 supporters right now"), counted.text());
        Page sent = staff.submit(staff.submit(counted, "form", Map.of(), "send"), "form", Map.of(), "confirmSend");
        assertTrue(sent.messages().contains("going out to 4 supporters"), sent.messages());
        List<String> recipients = new ArrayList<>();
        try (Connection db = db();
                PreparedStatement query =
                        db.prepareStatement("SELECT email FROM alert_delivery WHERE email LIKE ? ORDER BY email")) {
            query.setString(1, prefix.toLowerCase() + "-%");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    recipients.add(rs.getString(1));
                }
            }
        }
        assertEquals(
                List.of(
                        address(prefix, "SUBSCRIBED", 0),
                        address(prefix, "SUBSCRIBED", 1),
                        address(prefix, "SUBSCRIBED", 2),
                        address(prefix, "SUBSCRIBED", 3)),
                recipients);
    }

    @Test
    @DisplayName("the alert list's auto-refresh, posted with a view the server no longer holds (as after a restart), "
            + "gets the 'page expired' explanation inside its Ajax response, in the staff member's language")
    void expiredAutoRefresh() throws Exception {
        WebSession staff = Accounts.admin(new WebSession(base.toURI()).forwardedFor("198.51.100.71"));
        // A view state this server never made for this session, as the list's p:poll sends after a restart.
        WebSession elsewhere = Accounts.admin(new WebSession(base.toURI()).forwardedFor("198.51.100.72"));
        String stale = WebSession.fields(elsewhere.get("/admin/alerts"), "list").get("jakarta.faces.ViewState");

        for (String lang : List.of("es", "en")) {
            Page list = staff.get("/admin/alerts?lang=" + lang);
            assertEquals(200, list.status());
            Map<String, String> poll = WebSession.fields(list, "list");
            assertTrue(
                    poll.containsKey("jakarta.faces.ViewState"), poll.keySet().toString());
            poll.put("jakarta.faces.ViewState", stale);
            poll.put("jakarta.faces.partial.ajax", "true");
            poll.put("jakarta.faces.source", "list:poll");
            poll.put("jakarta.faces.partial.execute", "list:poll");
            poll.put("jakarta.faces.partial.render", "list:table list:trouble");
            poll.put("list:poll", "list:poll");
            Page answer = staff.postAjax(list.document().getElementById("list").attr("action"), poll);

            assertEquals(200, answer.status(), answer.body());
            assertTrue(answer.header("Content-Type").startsWith("text/xml"), answer.header("Content-Type"));
            assertTrue(answer.body().contains("<partial-response"), answer.body());
            assertFalse(
                    answer.body().contains("<redirect"), "no redirect to a page that does not exist: " + answer.body());
            java.util.regex.Matcher update = java.util.regex.Pattern.compile(
                            "<update id=\"jakarta\\.faces\\.ViewRoot\"><!\\[CDATA\\[(.*?)]]></update>",
                            java.util.regex.Pattern.DOTALL)
                    .matcher(answer.body());
            assertTrue(update.find(), "the whole page is replaced by the error view: " + answer.body());
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(update.group(1));
            String text = page.text();
            if (lang.equals("es")) {
                assertTrue(text.contains("Esta página caducó") && text.contains("recárgala"), text);
            } else {
                assertTrue(text.contains("This page has expired") && text.contains("reload it"), text);
            }
            assertFalse(text.contains("Exception") || text.contains("ViewExpired"), text);
        }
    }

    @Test
    @DisplayName("the alert preview answers an unknown alert with 404 and an editor with 403, each with the error page "
            + "in the reader's language (the mapping JSF pages use)")
    void previewErrors() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(base.toURI()).forwardedFor("198.51.100.73"));
        Page missing = admin.get("/admin/alert-preview?id=987654321&language=en&lang=es");
        assertEquals(404, missing.status());
        assertTrue(missing.text().contains("Página no encontrada"), missing.text());

        long organization =
                Accounts.idInRow(admin.get("/admin/organizations"), "Voces Unidas de Chicago", "organization");
        WebSession editor =
                Accounts.newEditor(admin, new WebSession(base.toURI()).forwardedFor("198.51.100.74"), organization);
        // Staff only: refused before the alert is even looked for.
        Page denied = editor.get("/admin/alert-preview?id=1&language=en&lang=en");
        assertEquals(403, denied.status());
        assertTrue(denied.text().contains("You do not have access to this page"), denied.text());
    }

    /** Subscribed supporters with these first names, i even English and odd Spanish; their addresses in order. */
    static List<String> namedSupporters(String prefix, String... firstNames) throws Exception {
        List<String> addresses = new ArrayList<>();
        try (Connection db = db();
                PreparedStatement insert = db.prepareStatement("INSERT INTO supporter (email, email_canonical, "
                        + "first_name, last_name, postal_code, country, language, status, consent_at, consent_source, "
                        + "created_at, updated_at) VALUES (?, ?, ?, 'Prueba', ?, 'US', ?, 'SUBSCRIBED', NOW(6), 'test', "
                        + "NOW(6), NOW(6))")) {
            for (int i = 0; i < firstNames.length; i++) {
                String email = address(prefix, "SUBSCRIBED", i);
                addresses.add(email);
                insert.setString(1, email);
                insert.setString(2, email);
                insert.setString(3, firstNames[i]);
                insert.setString(4, prefix + " " + i);
                insert.setString(5, i % 2 == 0 ? "en" : "es");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return addresses;
    }

    static long alertIdSentTo(String prefix) throws Exception {
        return Long.parseLong(
                column("SELECT MAX(alert_id) FROM alert_delivery WHERE email LIKE ?", prefix.toLowerCase() + "-%"));
    }

    static long newestAlertWithSubject(String subject) throws Exception {
        return Long.parseLong(column("SELECT MAX(id) FROM alert WHERE subject_en = ?", subject));
    }

    @Test
    @DisplayName("staff greet supporters by {first_name} / {nombre}: each gets their own first name (escaped in the "
            + "HTML part, as written in the text part), or the fallback in their language when it is unknown; an "
            + "unknown token stays visible in the preview with a warning")
    void firstNameMergeField() throws Exception {
        String prefix = "N" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        List<String> to = namedSupporters(prefix, "Rosa", "Lucía", " ", "", "<b>Lu</b>");
        WebSession staff = Accounts.admin(new WebSession(base.toURI()).forwardedFor("198.51.100.81"));
        Page form = staff.get("/admin/alert?lang=en");
        assertTrue(form.text().contains("write {first_name} (or {nombre})"), form.text());
        Map<String, String> alert = new HashMap<>(Map.of(
                "subjectEn", "Hi {first_name}, the vote is today " + prefix,
                "subjectEs", "Hola {nombre}, hoy es la votación",
                "bodyEn", "<p>Hello, {first_name}! Call now.</p>",
                "bodyEs", "<p>Hola, {nombre}. Querida persona {apellido}: llama ya.</p>",
                "nameFallbackEn", "friend of the coalition",
                "postalPrefix", prefix));
        Page saved = staff.submit(form, "form", alert, "save");
        assertTrue(
                saved.text()
                        .contains("These words in braces are not merge fields and will go out exactly as written: "
                                + "{apellido}"),
                saved.text());
        long alertId = newestAlertWithSubject("Hi {first_name}, the vote is today " + prefix);
        Page preview = staff.get("/admin/alert-preview?id=" + alertId + "&language=es");
        assertTrue(preview.text().contains("Hola, simpatizante. Querida persona {apellido}"), preview.text());

        Page sent = staff.submit(staff.submit(saved, "form", Map.of(), "send"), "form", Map.of(), "confirmSend");
        assertTrue(sent.messages().contains("going out to 5 supporters"), sent.messages());
        awaitSent(alertId);

        Map<String, List<MimeMessage>> mails = mailsTo(prefix);
        MimeMessage rosa = mails.get(to.get(0)).get(0);
        assertEquals("Hi Rosa, the vote is today " + prefix, rosa.getSubject());
        assertTrue(Mailbox.part(rosa, "text/html").contains("Hello, Rosa! Call now."));
        assertTrue(Mailbox.part(rosa, "text/plain").contains("Hello, Rosa! Call now."));
        MimeMessage lucia = mails.get(to.get(1)).get(0);
        assertEquals("Hola Lucía, hoy es la votación", lucia.getSubject());
        assertTrue(Mailbox.part(lucia, "text/plain").contains("Hola, Lucía. Querida persona {apellido}: llama ya."));
        // A blank first name is unknown: the staff's fallback in English, the neutral default in Spanish.
        MimeMessage blankEnglish = mails.get(to.get(2)).get(0);
        assertEquals("Hi friend of the coalition, the vote is today " + prefix, blankEnglish.getSubject());
        assertTrue(Mailbox.part(blankEnglish, "text/plain").contains("Hello, friend of the coalition!"));
        MimeMessage blankSpanish = mails.get(to.get(3)).get(0);
        assertEquals("Hola simpatizante, hoy es la votación", blankSpanish.getSubject());
        assertTrue(Mailbox.part(blankSpanish, "text/html").contains("Hola, simpatizante."));
        MimeMessage markup = mails.get(to.get(4)).get(0);
        String html = Mailbox.part(markup, "text/html");
        assertTrue(html.contains("Hello, &lt;b&gt;Lu&lt;/b&gt;! Call now."), html);
        assertFalse(html.contains("<b>Lu</b>"), html);
        assertTrue(Mailbox.part(markup, "text/plain").contains("Hello, <b>Lu</b>! Call now."));
        assertEquals("Hi <b>Lu</b>, the vote is today " + prefix, markup.getSubject());
    }

    @Test
    @DisplayName("staff send themselves a test: each language's subject starts with [TEST] or [PRUEBA], and the "
            + "preview shows sender, subject and preview line as an inbox lists them")
    void testMailIsMarked() throws Exception {
        String marker = "T" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        WebSession staff = Accounts.admin(new WebSession(base.toURI()).forwardedFor("198.51.100.82"));
        Page form = staff.get("/admin/alert?lang=en");
        Page tested = staff.submit(
                form,
                "form",
                Map.of(
                        "subjectEn", "Vigil tonight " + marker,
                        "subjectEs", "Vigilia esta noche " + marker,
                        "preheaderEn", "Bring a candle, {first_name}",
                        "bodyEn", "<p>Come.</p>",
                        "bodyEs", "<p>Ven a la vigilia, {nombre}.</p>"),
                "test");
        assertTrue(tested.messages().contains("Test sent to your address in: English, Spanish"), tested.messages());
        List<MimeMessage> mine = Mailbox.settledTo(base.toURI(), TestEnvironment.ADMIN_EMAIL).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().endsWith(marker);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mine) {
            subjects.add(m.getSubject());
        }
        assertEquals(2, subjects.size(), subjects.toString());
        assertTrue(subjects.contains("[TEST] Vigil tonight " + marker), subjects.toString());
        assertTrue(subjects.contains("[PRUEBA] Vigilia esta noche " + marker), subjects.toString());

        Page page = staff.get("/admin/alert?id=" + newestAlertWithSubject("Vigil tonight " + marker) + "&lang=es");
        org.jsoup.nodes.Element english = page.document().selectFirst("section[data-language=en] .inbox-line");
        org.jsoup.nodes.Element spanish = page.document().selectFirst("section[data-language=es] .inbox-line");
        assertNotNull(english, page.body());
        assertEquals(
                "Vigil tonight " + marker,
                english.selectFirst(".inbox-line__subject").text());
        assertEquals(
                "Bring a candle, friend",
                english.selectFirst(".inbox-line__preview").text());
        assertFalse(english.selectFirst(".inbox-line__sender").text().isBlank());
        assertTrue(english.text().contains("En la bandeja de entrada"), english.text());
        // No preview line in Spanish: the inbox shows the beginning of the message, as mail programs do.
        assertEquals(
                "Vigilia esta noche " + marker,
                spanish.selectFirst(".inbox-line__subject").text());
        assertEquals(
                "Ven a la vigilia, simpatizante.",
                spanish.selectFirst(".inbox-line__preview").text().replaceAll(" --.*", ""));
    }

    @Test
    @DisplayName("staff press «Send now»: they are asked first with the count split by language, in their own "
            + "language and number format, and nothing goes out until they confirm")
    void sendNowAsksFirst() throws Exception {
        String prefix = "C" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        supporters(prefix, 3, "SUBSCRIBED");
        WebSession staff = Accounts.admin(new WebSession(base.toURI()).forwardedFor("198.51.100.83"));
        Page form = staff.get("/admin/alert?lang=en");
        String subject = "Asked first " + prefix;
        Map<String, String> alert = Map.of(
                "subjectEn", subject,
                "subjectEs", "Primero se pregunta",
                "bodyEn", "<p>Hello.</p>",
                "bodyEs", "<p>Hola.</p>",
                "postalPrefix", prefix);
        Page counted = staff.submit(form, "form", alert, "count");
        assertTrue(
                counted.text().contains("The audience holds 3 supporters right now. 2 in English, 1 in Spanish."),
                counted.text());
        Page asked = staff.submit(counted, "form", Map.of(), "send");
        assertTrue(asked.text().contains("Send to 3 supporters (2 in English, 1 in Spanish) now?"), asked.text());
        long alertId = newestAlertWithSubject(subject);

        Page askedInSpanish =
                staff.submit(staff.get("/admin/alert?id=" + alertId + "&lang=es"), "form", Map.of(), "send");
        assertTrue(
                askedInSpanish.text().contains("¿Enviar ahora a 3 simpatizantes (2 en inglés y 1 en español)?"),
                askedInSpanish.text());

        // Asked twice, confirmed never: whatever could have gone out has had its chance.
        Mailbox.awaitIdleQueue(base.toURI());
        assertEquals("DRAFT", state(alertId));
        assertEquals("0", column("SELECT COUNT(*) FROM alert_delivery WHERE alert_id = ?", alertId));
        assertTrue(mailsTo(prefix).isEmpty(), mailsTo(prefix).keySet().toString());

        Page sent = staff.submit(askedInSpanish, "form", Map.of(), "confirmSend");
        assertTrue(sent.messages().contains("La alerta está saliendo hacia 3 personas"), sent.messages());
        awaitSent(alertId);
        assertEquals(3, mailsTo(prefix).size());
    }

    @Test
    @DisplayName(
            "staff narrow an alert's audience by choosing a country by name in their language; its ISO code is stored")
    void countryIsChosenFromAList() throws Exception {
        String marker = "K" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        WebSession staff = Accounts.admin(new WebSession(base.toURI()).forwardedFor("198.51.100.84"));
        Page form = staff.get("/admin/alert?lang=es");
        org.jsoup.nodes.Element country = form.document().getElementById("form:country");
        assertEquals("select", country.tagName());
        assertEquals("México", country.selectFirst("option[value=MX]").text());
        assertEquals("Estados Unidos", country.select("option").get(1).text(), "the coalition's countries first");
        Page saved = staff.submit(
                form,
                "form",
                Map.of("subjectEn", "By country " + marker, "bodyEn", "<p>Hi.</p>", "country", "MX"),
                "save");
        long alertId = newestAlertWithSubject("By country " + marker);
        assertEquals("MX", column("SELECT audience_country FROM alert WHERE id = ?", alertId));
        assertEquals(
                "MX",
                saved.document()
                        .getElementById("form:country")
                        .selectFirst("option[selected]")
                        .attr("value"));
        Page english = staff.get("/admin/alert?id=" + alertId + "&lang=en");
        assertEquals(
                "Mexico",
                english.document()
                        .getElementById("form:country")
                        .selectFirst("option[selected]")
                        .text());
    }

    @Test
    @DisplayName("staff watch an alert's report while it is sending: the figures refresh by themselves and the "
            + "refreshing stops once the alert is sent")
    void reportRefreshesWhileSending() throws Exception {
        String prefix = "R" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String email = prefix.toLowerCase() + "-live@example.org";
        supportersAt(prefix, List.of(email));
        long alertId;
        try (Connection db = db()) {
            db.setAutoCommit(false);
            alertId = insertSendingAlert(db, prefix, 1);
            // Due long after this test: the engine leaves it alone, so the alert stays sending until the test says.
            try (PreparedStatement delivery = db.prepareStatement("INSERT INTO alert_delivery (alert_id, supporter_id, "
                    + "email, language, state, attempts, next_attempt_at) SELECT ?, id, email, language, 'PENDING', 0, "
                    + "'2099-01-01 00:00:00' FROM supporter WHERE email = ?")) {
                delivery.setLong(1, alertId);
                delivery.setString(2, email);
                delivery.executeUpdate();
            }
            db.commit();
        }
        WebSession staff = Accounts.admin(new WebSession(base.toURI()).forwardedFor("198.51.100.85"));
        Page report = staff.get("/admin/alert-report?id=" + alertId + "&lang=en");
        assertEquals(200, report.status());
        assertTrue(report.body().matches("(?s).*id:\"live:poll\".*autoStart:true.*"), report.body());
        assertEquals("Sending", report.document().selectFirst(".alert-state").text());

        try (Connection db = db();
                PreparedStatement done =
                        db.prepareStatement("UPDATE alert_delivery SET state = 'SENT' WHERE alert_id = ?");
                PreparedStatement sent =
                        db.prepareStatement("UPDATE alert SET state = 'SENT', finished_at = NOW(6) WHERE id = ?")) {
            done.setLong(1, alertId);
            done.executeUpdate();
            sent.setLong(1, alertId);
            sent.executeUpdate();
        }
        Map<String, String> poll = WebSession.fields(report, "live");
        poll.put("jakarta.faces.partial.ajax", "true");
        poll.put("jakarta.faces.source", "live:poll");
        poll.put("jakarta.faces.partial.execute", "live:poll");
        poll.put("jakarta.faces.partial.render", "figures");
        poll.put("live:poll", "live:poll");
        Page answer = staff.postAjax(report.document().getElementById("live").attr("action"), poll);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("<update id=\"figures\">"), answer.body());
        assertTrue(answer.body().contains("data-state=\"SENT\""), "the figures refreshed: " + answer.body());
        assertTrue(answer.body().contains(".stop()"), "the poll stops once the alert is sent: " + answer.body());

        Page after = staff.get("/admin/alert-report?id=" + alertId + "&lang=en");
        assertTrue(after.body().matches("(?s).*id:\"live:poll\".*autoStart:false.*"), after.body());
    }

    /** The name of the "cancel schedule" button in the alert list's row for the alert with this subject. */
    static String cancelButton(Page list, String subject) {
        return list.document().select("button[id$=cancelSchedule]").stream()
                .filter(b -> b.closest("tr").text().contains(subject))
                .map(b -> b.attr("name"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cancel button: " + list.text()));
    }
}
