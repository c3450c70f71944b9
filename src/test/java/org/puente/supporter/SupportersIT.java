package org.puente.supporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.puente.testing.Accounts;
import org.puente.testing.Deployments;
import org.puente.testing.TestEnvironment;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Supporters: staff search, correct, unsubscribe, delete, import and export the list")
class SupportersIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    static Connection db() throws Exception {
        return TestEnvironment.database();
    }

    static String tag() {
        return "t" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    /** A supporter straight in the database; its id. */
    static long supporter(String email, String firstName, String lastName, String language, String status)
            throws Exception {
        try (Connection db = db();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO supporter (email, "
                                + "email_canonical, first_name, last_name, postal_code, country, language, status, consent_at, "
                                + "consent_source, created_at, updated_at) VALUES (?, ?, ?, ?, '10001', 'US', ?, ?, NOW(6), 'test', NOW(6), NOW(6))",
                        java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, email);
            insert.setString(2, org.puente.platform.mail.EmailAddresses.canonical(email));
            insert.setString(3, firstName);
            insert.setString(4, lastName);
            insert.setString(5, language);
            insert.setString(6, status);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The supporter's columns, or null when there is none. */
    static Map<String, String> row(String canonicalEmail) throws Exception {
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement(
                        "SELECT id, email, first_name, last_name, postal_code, country, language, status, consent_source "
                                + "FROM supporter WHERE email_canonical = ?")) {
            query.setString(1, canonicalEmail);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                return row;
            }
        }
    }

    static long count(String sql, Object... parameters) throws Exception {
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long supporters() throws Exception {
        return count("SELECT COUNT(*) FROM supporter");
    }

    static Page upload(WebSession staff, String language, String fileName, byte[] content) {
        Page form = staff.get("/admin/supporters-import?lang=" + language);
        assertEquals(200, form.status(), form.text());
        return staff.submitWithFiles(
                form, "import", Map.of(), "upload", Map.of("import:file", Map.entry(fileName, content)));
    }

    /** The import report on the page: row number → {email, outcome, reason}. */
    static Map<Integer, List<String>> report(Page page) {
        Map<Integer, List<String>> rows = new HashMap<>();
        for (Element tr : page.document().select("#rows_data tr")) {
            List<String> cells = new ArrayList<>();
            for (Element td : tr.select("td")) {
                td.select(".ui-column-title").remove();
                cells.add(td.text());
            }
            if (cells.size() == 4) {
                rows.put(Integer.valueOf(cells.get(0)), cells.subList(1, 4));
            }
        }
        return rows;
    }

    static String total(Page page, String outcome) {
        Element item = page.document().selectFirst("#totals li[data-outcome=" + outcome + "] strong");
        return item == null ? null : item.text();
    }

    @Test
    @DisplayName("an import in English: good rows added, a row without consent and a bad address refused and reported, "
            + "a duplicate merged into one supporter, an unsubscribed person kept unsubscribed")
    void importsAndReportsEveryRow() throws Exception {
        String t = tag();
        supporter("gone-" + t + "@example.org", "Gone", "Away", "en", "UNSUBSCRIBED");
        supporter("kept-" + t + "@example.org", "Kept", "Here", "en", "SUBSCRIBED");
        String csv = "\uFEFFEmail,First_Name,Last_Name,Postal_Code,Country,Language,Consent,Notes\r\n"
                + "ana-" + t + "@example.org,Ana,\"Pérez, \"\"la de Tijuana\"\"\",10001,US,es,yes,\"two\nlines\"\r\n"
                + "noconsent-" + t + "@example.org,No,Consent,,US,en,no,\r\n"
                + "not-an-email-" + t + ",Bad,Address,,US,en,yes,\r\n"
                + "ANA-" + t + "@Example.org,Ana María,Pérez,10002,us,ES,TRUE,\r\n"
                + "gone-" + t + "@example.org,Gone,Back,,US,en,yes,\r\n"
                + "kept-" + t + "@example.org,Kept,Renewed,,US,es,1,\r\n"
                + "plain-" + t + "@example.org,Plain,,,MX,,y,\r\n"
                + "country-" + t + "@example.org,Wrong,Country,,USA,en,yes,\r\n"
                + "lang-" + t + "@example.org,Wrong,Language,,US,fr,yes,\r\n";
        long before = supporters();
        Page done = upload(
                Accounts.admin(new WebSession(base.toURI())),
                "en",
                "list-" + t + ".csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, done.status(), done.text());
        assertTrue(done.uri().getPath().startsWith("/admin/supporters-import"), "back on the page after the redirect");

        Map<Integer, List<String>> report = report(done);
        assertEquals(9, report.size(), done.text());
        assertEquals(List.of("ana-" + t + "@example.org", "Added", ""), report.get(2));
        assertEquals("Refused", report.get(3).get(1));
        assertTrue(
                report.get(3).get(2).contains("No explicit consent"),
                report.get(3).toString());
        assertEquals("Refused", report.get(4).get(1));
        assertTrue(
                report.get(4).get(2).contains("Not a valid e-mail address"),
                report.get(4).toString());
        assertEquals("Merged", report.get(5).get(1));
        assertTrue(report.get(5).get(2).contains("row 2"), report.get(5).toString());
        assertEquals("Kept unsubscribed", report.get(6).get(1));
        assertEquals("Updated", report.get(7).get(1));
        assertEquals("Added", report.get(8).get(1));
        assertTrue(
                report.get(9).get(2).contains("Unknown country"), report.get(9).toString());
        assertTrue(report.get(10).get(2).contains("“fr”"), report.get(10).toString());
        assertEquals("2", total(done, "CREATED"));
        assertEquals("1", total(done, "UPDATED"));
        assertEquals("1", total(done, "KEPT"));
        assertEquals("1", total(done, "MERGED"));
        assertEquals("4", total(done, "REFUSED"));

        assertEquals(before + 2, supporters(), "only ana and plain are new");
        Map<String, String> ana = row("ana-" + t + "@example.org");
        assertEquals("Ana María", ana.get("first_name"), "one supporter, with the later row's details");
        assertEquals("es", ana.get("language"));
        assertEquals("SUBSCRIBED", ana.get("status"));
        assertEquals("import: list-" + t + ".csv", ana.get("consent_source"));
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM supporter_event WHERE supporter_id = ? AND kind = 'CONSENT' "
                                + "AND source = ?",
                        Long.valueOf(ana.get("id")),
                        "import: list-" + t + ".csv"));
        assertNull(row("noconsent-" + t + "@example.org"));
        assertNull(row("country-" + t + "@example.org"));
        Map<String, String> gone = row("gone-" + t + "@example.org");
        assertEquals("UNSUBSCRIBED", gone.get("status"), "an import never resubscribes");
        assertEquals("Away", gone.get("last_name"), "nor touches them");
        assertEquals(
                0, count("SELECT COUNT(*) FROM supporter_event WHERE supporter_id = ?", Long.valueOf(gone.get("id"))));
        Map<String, String> kept = row("kept-" + t + "@example.org");
        assertEquals("Renewed", kept.get("last_name"));
        assertEquals("es", kept.get("language"));
        Map<String, String> plain = row("plain-" + t + "@example.org");
        assertEquals("en", plain.get("language"), "a blank language means English");
        assertEquals("MX", plain.get("country"));
    }

    @Test
    @DisplayName("a Spanish spreadsheet with semicolons and Spanish column names imports, reported in Spanish")
    void spanishSemicolonFile() throws Exception {
        String t = tag();
        String csv = "Correo;Nombre;Apellido;Código postal;País;Idioma;Consentimiento\n"
                + "lucia-" + t + "@example.org;Lucía;\"Gómez; Ruiz\";91000;mx;es;Sí\n"
                + "sin-" + t + "@example.org;Sin;Permiso;;MX;es;\n";
        Page done = upload(
                Accounts.admin(new WebSession(base.toURI())), "es", "lista.csv", csv.getBytes(StandardCharsets.UTF_8));
        Map<Integer, List<String>> report = report(done);
        assertEquals("Agregada", report.get(2).get(1), done.text());
        assertEquals("Rechazada", report.get(3).get(1));
        assertTrue(
                report.get(3).get(2).contains("Sin consentimiento explícito"),
                report.get(3).toString());
        Map<String, String> lucia = row("lucia-" + t + "@example.org");
        assertEquals("Lucía", lucia.get("first_name"));
        assertEquals("Gómez; Ruiz", lucia.get("last_name"));
        assertEquals("MX", lucia.get("country"));
        assertEquals("es", lucia.get("language"));
        assertEquals("91000", lucia.get("postal_code"));
        assertNull(row("sin-" + t + "@example.org"));
    }

    @Test
    @DisplayName(
            "a file that is not CSV, or lacks the consent or e-mail column, gets one clear message and imports nothing")
    void notCsv() throws Exception {
        String t = tag();
        WebSession staff = Accounts.admin(new WebSession(base.toURI()));
        long before = supporters();
        byte[] png = {
            (byte) 0x89,
            'P',
            'N',
            'G',
            0x0D,
            0x0A,
            0x1A,
            0x0A,
            0,
            0,
            0,
            0x0D,
            'I',
            'H',
            'D',
            'R',
            (byte) 0xFF,
            (byte) 0xFE
        };
        Page binary = upload(staff, "en", "photo.csv", png);
        assertTrue(
                binary.messages().contains("not a CSV file")
                        && binary.messages().contains("Nothing was imported"),
                binary.messages());
        Page binaryEs = upload(staff, "es", "foto.csv", png);
        assertTrue(
                binaryEs.messages().contains("no es un CSV")
                        && binaryEs.messages().contains("No se importó nada"),
                binaryEs.messages());

        Page noConsent = upload(
                staff,
                "en",
                "no-consent.csv",
                ("email,first_name,country\nnc-" + t + "@example.org,Nc,US\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(noConsent.messages().contains("missing: consent"), noConsent.messages());
        Page noEmail = upload(
                staff, "en", "no-email.csv", ("nombre,consentimiento\nAna,sí\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(noEmail.messages().contains("missing: email"), noEmail.messages());
        Page noHeader = upload(
                staff,
                "en",
                "no-header.csv",
                ("nh-" + t + "@example.org,Ana,US,yes\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(noHeader.messages().contains("missing: email, consent"), noHeader.messages());
        Page brokenQuote = upload(
                staff,
                "en",
                "broken.csv",
                ("email,consent\n\"bq-" + t + "@example.org,yes\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(brokenQuote.messages().contains("not a CSV file"), brokenQuote.messages());
        Page latin1 = upload(
                staff,
                "en",
                "latin1.csv",
                ("email,first_name,country,consent\nl1-" + t + "@example.org,José,US,yes\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(latin1.messages().contains("UTF-8"), latin1.messages());
        assertEquals(before, supporters(), "nothing imported");
        assertTrue(report(latin1).isEmpty(), "no report for a refused file");
    }

    @Test
    @DisplayName("a 50 MB upload is refused with 413 and the bilingual error page; nothing is imported")
    void oversizedUpload() throws Exception {
        WebSession staff = Accounts.admin(new WebSession(base.toURI()));
        Page form = staff.get("/admin/supporters-import?lang=es");
        long before = supporters();
        StringBuilder huge = new StringBuilder("email,consent\n");
        String line = "someone@example.org,yes\n";
        while (huge.length() < 50 * 1024 * 1024) {
            huge.append(line);
        }
        Page refused = staff.submitWithFiles(
                form,
                "import",
                Map.of(),
                "upload",
                Map.of("import:file", Map.entry("huge.csv", huge.toString().getBytes(StandardCharsets.UTF_8))));
        assertEquals(413, refused.status());
        assertTrue(refused.text().contains("Lo que enviaste es demasiado grande"), refused.text());
        assertEquals(before, supporters());
    }

    @Test
    @DisplayName("10,000 rows in a 4.5 MB file (bigger than other uploads may be) import in seconds, and export whole")
    void tenThousandRows() throws Exception {
        String t = tag();
        StringBuilder csv = new StringBuilder("email,first_name,last_name,country,language,consent,notes\r\n");
        String notes = "n".repeat(400);
        for (int i = 0; i < 10_000; i++) {
            csv.append("bulk")
                    .append(i)
                    .append('-')
                    .append(t)
                    .append("@example.org,Bulk,")
                    .append(t)
                    .append(",US,")
                    .append(i % 2 == 0 ? "en" : "es")
                    .append(",yes,")
                    .append(notes)
                    .append("\r\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 4 * 1024 * 1024);
        WebSession staff = Accounts.admin(new WebSession(base.toURI()));
        long started = System.nanoTime();
        Page done = upload(staff, "en", "bulk.csv", bytes);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Imported 10,000 rows in " + millis + " ms");
        assertEquals(200, done.status(), done.text());
        assertEquals("10,000", total(done, "CREATED"), done.text());
        assertTrue(millis < 15_000, "10,000 rows took " + millis + " ms");
        assertEquals(10_000, count("SELECT COUNT(*) FROM supporter WHERE last_name = ?", t));
        assertEquals(
                10_000,
                count(
                        "SELECT COUNT(*) FROM supporter_event e JOIN supporter s ON s.id = e.supporter_id "
                                + "WHERE s.last_name = ? AND e.kind = 'CONSENT'",
                        t));
        assertTrue(report(done).isEmpty(), "a big file lists only the rows that need a look: none here");

        Page export = staff.get("/admin/supporters.csv?q=" + t);
        assertEquals(200, export.status());
        String[] lines = export.body().split("\r\n");
        assertEquals(10_001, lines.length, "a header and every supporter, across export batches");
    }

    @Test
    @DisplayName("the export is a formula-safe UTF-8 attachment of the current filter, with imported rows in it")
    void export() throws Exception {
        String t = tag();
        String csv = "email,first_name,last_name,postal_code,country,language,consent\n"
                + "formula-" + t + "@example.org,\"=HYPERLINK(\"\"http://evil.example\"\")\",Zed" + t
                + ",10001,US,en,yes\n"
                + "acento-" + t + "@example.org,José,Zed" + t + ",,MX,es,yes\n";
        WebSession staff = Accounts.admin(new WebSession(base.toURI()));
        upload(staff, "en", "formula.csv", csv.getBytes(StandardCharsets.UTF_8));
        supporter("other-" + t + "@example.org", "Other", "Person" + t, "en", "SUBSCRIBED");

        Page export = staff.get("/admin/supporters.csv?q=Zed" + t + "&lang=en");
        assertEquals(200, export.status());
        assertTrue(export.header("Content-Type").startsWith("text/csv"), export.header("Content-Type"));
        assertTrue(export.header("Content-Disposition").startsWith("attachment"), export.header("Content-Disposition"));
        String body = export.body();
        assertTrue(body.startsWith("\uFEFF\"email\",\"first_name\""), body.substring(0, Math.min(80, body.length())));
        assertTrue(
                body.contains("\"formula-" + t + "@example.org\",\"'=HYPERLINK(\"\"http://evil.example\"\")\""), body);
        assertTrue(body.contains("\"acento-" + t + "@example.org\",\"José\""), body);
        assertTrue(body.contains("\"SUBSCRIBED\"") && body.contains("\"import: formula.csv\""), body);
        assertFalse(body.contains("other-" + t), "only the filter's supporters");

        Page spanish = staff.get("/admin/supporters.csv?q=Zed" + t + "&status=subscribed&language=es&lang=es");
        assertTrue(spanish.body().startsWith("\uFEFF\"correo\",\"nombre\""), spanish.body());
        assertTrue(spanish.body().contains("acento-" + t) && !spanish.body().contains("formula-" + t), spanish.body());
    }

    @Test
    @DisplayName("staff find supporters by e-mail (canonical), by name, by first and last name; filter; page through")
    void search() throws Exception {
        String t = tag();
        supporter("m.x" + t + "@gmail.com", "Marisol", "Quintero" + t, "es", "SUBSCRIBED");
        supporter("b-" + t + "@example.org", "Benito", "Quintero" + t, "en", "BOUNCED");
        for (int i = 0; i < 60; i++) {
            supporter("page" + i + "-" + t + "@example.org", "Paged" + t, "Person", "en", "SUBSCRIBED");
        }
        WebSession staff = Accounts.admin(new WebSession(base.toURI()));

        Page byEmail = staff.get("/admin/supporters?lang=en&q=" + enc("M.X" + t + "+news@GMail.com"));
        assertEquals(200, byEmail.status(), byEmail.text());
        assertTrue(byEmail.text().contains("One supporter matches"), byEmail.text());
        assertTrue(byEmail.text().contains("m.x" + t + "@gmail.com"), "staff see the address");

        Page byLastName = staff.get("/admin/supporters?lang=en&q=quintero" + t);
        assertTrue(byLastName.text().contains("2 supporters match"), byLastName.text());
        Page byBoth = staff.get("/admin/supporters?lang=en&q=" + enc("Mari Quintero" + t));
        assertTrue(
                byBoth.text().contains("One supporter matches") && byBoth.text().contains("Marisol"), byBoth.text());
        Page bounced = staff.get("/admin/supporters?lang=en&status=BOUNCED&q=quintero" + t);
        assertTrue(
                bounced.text().contains("One supporter matches")
                        && bounced.text().contains("Benito"),
                bounced.text());
        Page spanish = staff.get("/admin/supporters?lang=es&language=es&q=quintero" + t);
        assertTrue(
                spanish.text().contains("Coincide una persona")
                        && spanish.text().contains("Marisol"),
                spanish.text());
        assertEquals("", spanish.document().selectFirst("#status option").attr("value"), "any status first");
        assertNull(spanish.document().selectFirst("#status option[selected]"), "no status chosen");
        assertEquals(
                "es",
                spanish.document().selectFirst("#language option[selected]").attr("value"),
                "the filter stays chosen");
        Page nobody = staff.get("/admin/supporters?lang=en&q=" + enc("100%_nobody" + t));
        assertTrue(nobody.text().contains("No supporters match"), nobody.text());

        Page first = staff.get("/admin/supporters?lang=en&q=paged" + t);
        assertTrue(first.text().contains("60 supporters match"), first.text());
        assertEquals(50, first.document().select("#table_data tr").size());
        Element next = first.document().getElementById("next");
        assertNotNull(next, first.text());
        Page second = staff.get(next.attr("href"));
        assertEquals(10, second.document().select("#table_data tr").size(), second.text());
        assertTrue(second.text().contains("Page 2 of 2"), second.text());
        assertTrue(
                first.document().getElementById("csv").attr("href").contains("q=paged" + t),
                "the export link carries the filter");
    }

    @Test
    @DisplayName("staff change a supporter's language (recorded), unsubscribe them, and delete them after confirming: "
            + "their confirmed signature still counts, anonymized")
    void staffActions() throws Exception {
        String t = tag();
        String email = "sofia-" + t + "@example.org";
        long id = supporter(email, "Sofía", "Acción" + t, "en", "SUBSCRIBED");
        long petition;
        try (Connection db = db()) {
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO petition (organization_id, slug, title_en, target, "
                            + "goal, state, created_at, updated_at, opened_at) SELECT MIN(id), ?, ?, 'Someone', 10, 'OPEN', NOW(), "
                            + "NOW(), NOW() FROM organization",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, "forget-" + t);
                insert.setString(2, "Petition forget-" + t);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    petition = keys.getLong(1);
                }
            }
            try (PreparedStatement sign =
                    db.prepareStatement("INSERT INTO signature (petition_id, first_name, last_name, "
                            + "email, email_canonical, postal_code, country, language, alerts_consent, state, created_at, confirmed_at) "
                            + "VALUES (?, 'Sofía', ?, ?, ?, '10001', 'US', 'en', TRUE, 'CONFIRMED', NOW(6), NOW(6))")) {
                sign.setLong(1, petition);
                sign.setString(2, "Acción" + t);
                sign.setString(3, email);
                sign.setString(4, email);
                sign.executeUpdate();
            }
        }
        WebSession staff = Accounts.admin(new WebSession(base.toURI()));
        Page list = staff.get("/admin/supporters?lang=en&q=" + enc(email));
        assertEquals(id, Accounts.idInRow(list, email, "/admin/supporter"));
        Page details = staff.get("/admin/supporter?id=" + id + "&lang=en");
        assertEquals(200, details.status(), details.text());
        assertTrue(details.text().contains(email) && details.text().contains("Subscribed"), details.text());

        Page changed = staff.submit(details, "language-form", Map.of("language", "ES"), "save");
        assertTrue(changed.messages().contains("language has been changed"), changed.messages());
        assertEquals("es", row(email).get("language"));
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM supporter_event WHERE supporter_id = ? AND kind = 'LANGUAGE' AND source = ?",
                        id,
                        "staff: " + TestEnvironment.ADMIN_EMAIL));
        assertTrue(changed.document().getElementById("history").text().contains("Language changed"), changed.text());

        Page unsubscribed = staff.submit(changed, "unsubscribe", Map.of(), "submit");
        assertTrue(unsubscribed.messages().contains("is unsubscribed"), unsubscribed.messages());
        assertEquals("UNSUBSCRIBED", row(email).get("status"));
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM supporter_event WHERE supporter_id = ? AND kind = 'UNSUBSCRIBE' AND source = ?",
                        id,
                        "staff: " + TestEnvironment.ADMIN_EMAIL));
        assertNull(unsubscribed.document().getElementById("unsubscribe"), "nothing left to unsubscribe");
        String history = unsubscribed.document().getElementById("history").text();
        assertTrue(history.indexOf("Unsubscribed") < history.indexOf("Language changed"), "newest first: " + history);

        Page unconfirmed = staff.submit(unsubscribed, "forget", Map.of(), "submit");
        assertTrue(unconfirmed.messages().contains("Tick the box"), unconfirmed.messages());
        assertNotNull(row(email), "nothing deleted without the confirmation");

        Page forgotten = staff.submit(unconfirmed, "forget", Map.of("confirm", "on"), "submit");
        assertTrue(
                forgotten.uri().getPath().startsWith("/admin/supporters"),
                forgotten.uri().toString());
        assertTrue(forgotten.messages().contains("has been deleted"), forgotten.messages());
        assertNull(row(email));
        assertEquals(0, count("SELECT COUNT(*) FROM supporter_event WHERE supporter_id = ?", id));
        assertEquals(
                1,
                count("SELECT COUNT(*) FROM signature WHERE petition_id = ? AND state = 'CONFIRMED'", petition),
                "the signature still counts");
        assertEquals(
                0,
                count(
                        "SELECT COUNT(*) FROM signature WHERE petition_id = ? AND (email = ? OR last_name = ?)",
                        petition,
                        email,
                        "Acción" + t),
                "with nothing that names her");
        assertEquals(404, staff.get("/admin/supporter?id=" + id).status());
    }

    @Test
    @DisplayName("anonymous visitors and organization editors reach neither the supporter pages nor the export")
    void staffOnly() throws Exception {
        String t = tag();
        long id = supporter("private-" + t + "@example.org", "Private", "Person", "en", "SUBSCRIBED");
        WebSession anonymous = new WebSession(base.toURI());
        for (String path : List.of(
                "/admin/supporters",
                "/admin/supporter?id=" + id,
                "/admin/supporters-import",
                "/admin/supporters.csv")) {
            Page page = anonymous.get(path);
            assertTrue(page.uri().getPath().startsWith("/login"), path + " → " + page.uri());
            assertFalse(page.body().contains("private-" + t), path);
        }
        WebSession admin = Accounts.admin(new WebSession(base.toURI()));
        long organization =
                Accounts.idInRow(admin.get("/admin/organizations"), "Voces Unidas de Chicago", "organization");
        WebSession editor = Accounts.newEditor(admin, new WebSession(base.toURI()), organization);
        for (String path : List.of(
                "/admin/supporters",
                "/admin/supporter?id=" + id,
                "/admin/supporters-import",
                "/admin/supporters.csv",
                "/admin/supporters.csv?q=private")) {
            Page page = editor.get(path);
            assertEquals(403, page.status(), path);
            assertFalse(page.body().contains("private-" + t), path);
        }
        assertNull(editor.get("/admin/index").document().getElementById("supporters"), "no tile for editors");
        assertNotNull(admin.get("/admin/index").document().getElementById("supporters"), "a tile for staff");
        Page publicPage = anonymous.get("/petitions");
        assertFalse(publicPage.body().contains("private-" + t));
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a spreadsheet that names countries in Spanish or English (\"México\", \"Estados Unidos\") imports; "
            + "an unknown country is refused with a message that says names work")
    void importAcceptsCountryNames() throws Exception {
        String t = tag();
        String csv = "correo,nombre,apellido,pais,idioma,consentimiento\n"
                + "mexico-" + t + "@example.org,Rosa,Mamani,México,es,sí\n"
                + "eeuu-" + t + "@example.org,Juan,Pérez,Estados Unidos,es,sí\n"
                + "guatemala-" + t + "@example.org,Ana,Ixcot,guatemala,en,yes\n"
                + "narnia-" + t + "@example.org,Aslan,León,Narnia,es,sí\n";
        Page done = upload(
                Accounts.admin(new WebSession(base.toURI())), "es", "paises.csv", csv.getBytes(StandardCharsets.UTF_8));
        Map<Integer, List<String>> report = report(done);
        assertEquals("Agregada", report.get(2).get(1), done.text());
        assertEquals("MX", row("mexico-" + t + "@example.org").get("country"));
        assertEquals("US", row("eeuu-" + t + "@example.org").get("country"));
        assertEquals("GT", row("guatemala-" + t + "@example.org").get("country"));
        assertEquals("Rechazada", report.get(5).get(1));
        assertTrue(
                report.get(5).get(2).contains("escribe su nombre"),
                report.get(5).toString());
        assertFalse(
                report.get(5).get(2).contains("debe ir en dos letras"),
                report.get(5).toString());
        assertNull(row("narnia-" + t + "@example.org"));
    }

    @Test
    @DisplayName("staff type \"@domain\" or the bare domain and find everyone at that domain, and no one elsewhere")
    void searchByDomain() throws Exception {
        String t = tag();
        String domain = "dom" + t + ".example.org";
        supporter("ana@" + domain, "Ana", "Uno", "es", "SUBSCRIBED");
        supporter("beto@" + domain, "Beto", "Dos", "en", "SUBSCRIBED");
        supporter("carla@other" + t + ".example.org", "Carla", "Tres", "en", "SUBSCRIBED");
        WebSession staff = Accounts.admin(new WebSession(base.toURI()));

        Page at = staff.get("/admin/supporters?lang=en&q=" + enc("@" + domain.toUpperCase()));
        assertEquals(200, at.status(), at.text());
        assertTrue(at.text().contains("2 supporters match"), at.text());
        assertTrue(at.text().contains("ana@" + domain) && at.text().contains("beto@" + domain), at.text());
        assertFalse(at.text().contains("carla@"), at.text());

        Page bare = staff.get("/admin/supporters?lang=en&q=" + enc(domain));
        assertTrue(bare.text().contains("2 supporters match"), bare.text());
        Page prefix = staff.get("/admin/supporters?lang=en&q=" + enc("@dom" + t));
        assertTrue(prefix.text().contains("2 supporters match"), prefix.text());
        Page none = staff.get("/admin/supporters?lang=en&q=" + enc("@nowhere" + t + ".example.org"));
        assertTrue(none.text().contains("No supporters match"), none.text());
    }

    @Test
    @DisplayName("staff open a supporter and see the petitions they signed and the alerts they received, "
            + "in the staff member's language")
    void historyOfPetitionsAndAlerts() throws Exception {
        String t = tag();
        String email = "historia-" + t + "@example.org";
        long id = supporter(email, "Inés", "Historia" + t, "es", "SUBSCRIBED");
        try (Connection db = db()) {
            try (PreparedStatement petition = db.prepareStatement(
                    "INSERT INTO petition (organization_id, slug, title_en, title_es, target, goal, state, created_at, "
                            + "updated_at, opened_at) SELECT MIN(id), ?, ?, ?, 'Someone', 10, 'OPEN', NOW(), NOW(), "
                            + "NOW() FROM organization",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                petition.setString(1, "historia-" + t);
                petition.setString(2, "Free them " + t);
                petition.setString(3, "Libéralos " + t);
                petition.executeUpdate();
                long petitionId;
                try (ResultSet keys = petition.getGeneratedKeys()) {
                    keys.next();
                    petitionId = keys.getLong(1);
                }
                try (PreparedStatement sign = db.prepareStatement(
                        "INSERT INTO signature (petition_id, first_name, "
                                + "last_name, email, email_canonical, country, language, alerts_consent, state, created_at, "
                                + "confirmed_at) VALUES (?, 'Inés', 'Historia', ?, ?, 'MX', 'es', TRUE, 'CONFIRMED', NOW(6), NOW(6))")) {
                    sign.setLong(1, petitionId);
                    sign.setString(2, email);
                    sign.setString(3, email);
                    sign.executeUpdate();
                }
            }
            try (PreparedStatement alert = db.prepareStatement(
                    "INSERT INTO alert (subject_en, subject_es, body_en, body_es, state, audience_size, created_by, "
                            + "created_at, updated_at, started_at) SELECT ?, ?, '<p>Call.</p>', '<p>Llama.</p>', "
                            + "'SENT', 1, MIN(id), NOW(6), NOW(6), NOW(6) FROM account",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                alert.setString(1, "Call today " + t);
                alert.setString(2, "Llama hoy " + t);
                alert.executeUpdate();
                long alertId;
                try (ResultSet keys = alert.getGeneratedKeys()) {
                    keys.next();
                    alertId = keys.getLong(1);
                }
                try (PreparedStatement delivery = db.prepareStatement("INSERT INTO alert_delivery (alert_id, "
                        + "supporter_id, email, language, state, attempts, next_attempt_at, sent_at) "
                        + "VALUES (?, ?, ?, 'es', 'SENT', 1, NOW(6), NOW(6))")) {
                    delivery.setLong(1, alertId);
                    delivery.setLong(2, id);
                    delivery.setString(3, email);
                    delivery.executeUpdate();
                }
            }
        }
        WebSession staff = Accounts.admin(new WebSession(base.toURI()));

        Page spanish = staff.get("/admin/supporter?id=" + id + "&lang=es");
        assertEquals(200, spanish.status(), spanish.text());
        String petitions = spanish.document().getElementById("petitions").text();
        assertTrue(petitions.contains("Libéralos " + t) && petitions.contains("Confirmada"), petitions);
        String alerts = spanish.document().getElementById("alerts").text();
        assertTrue(alerts.contains("Llama hoy " + t) && alerts.contains("Enviada"), alerts);

        Page english = staff.get("/admin/supporter?id=" + id + "&lang=en");
        assertTrue(english.document().getElementById("petitions").text().contains("Free them " + t), english.text());
        assertTrue(english.document().getElementById("alerts").text().contains("Call today " + t), english.text());

        long other = supporter("nadie-" + t + "@example.org", "Nadie", "Nada", "en", "SUBSCRIBED");
        Page empty = staff.get("/admin/supporter?id=" + other + "&lang=en");
        assertTrue(empty.text().contains("No petition signed with this address."), empty.text());
        assertTrue(empty.text().contains("No alert sent to this supporter yet."), empty.text());
    }
}
