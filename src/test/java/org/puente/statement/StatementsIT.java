package org.puente.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
import org.puente.testing.TestClock;
import org.puente.testing.TestEnvironment;
import org.puente.testing.TestStatements;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Statements: an editor drafts, staff open it, member organizations sign and withdraw")
class StatementsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    URI portal;

    @BeforeEach
    void portal() throws Exception {
        portal = base.toURI();
    }

    static final String[][] DEMANDS = {
        {"End family detention", "Poner fin a la detención de familias", "To the US Congress", ""},
        {"Keep children with their parents", "Mantener a la niñez con sus familias", "", ""},
        {"Access to counsel for every child", "Acceso a abogados para toda la niñez", "", ""},
        {"Safe passage at the border", "Paso seguro en la frontera", "", "Al Gobierno de México"},
        {"Protection for returnees in Honduras", "Protección para personas retornadas en Honduras", "", ""},
    };

    /** The five demands as the form's rows, in {@code order}. */
    static Map<String, String> demandFields(int... order) {
        Map<String, String> fields = new HashMap<>();
        for (int row = 0; row < order.length; row++) {
            String[] demand = DEMANDS[order[row]];
            fields.put("form:demand:" + row + ":textEn", demand[0]);
            fields.put("form:demand:" + row + ":textEs", demand[1]);
            fields.put("form:demand:" + row + ":addresseeEn", demand[2]);
            fields.put("form:demand:" + row + ":addresseeEs", demand[3]);
        }
        return fields;
    }

    /** Presses a demand row's button as PrimeFaces' script does: an Ajax post of the demands, then the rows again. */
    static Page demandsAjax(WebSession session, Page form, String button, Map<String, String> rows) {
        Map<String, String> fields = WebSession.fields(form, "form");
        fields.putAll(rows);
        fields.putAll(Map.of(
                "jakarta.faces.partial.ajax",
                "true",
                "jakarta.faces.source",
                button,
                "jakarta.faces.partial.execute",
                "form:demands",
                "jakarta.faces.partial.render",
                "form:demands",
                button,
                button));
        Page answer = session.postAjax(form.document().getElementById("form").attr("action"), fields);
        assertEquals(200, answer.status(), answer.body());
        return answer;
    }

    static String single(String sql, Object parameter) throws Exception {
        try (Connection db = TestEnvironment.database();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), sql + " found nothing for " + parameter);
                return rs.getString(1);
            }
        }
    }

    /** A row action button of the admin list's row that names {@code text}. */
    static String buttonInRow(Page page, String text, String idSuffix) {
        for (Element row : page.document().select("tr, li")) {
            if (row.text().contains(text)) {
                Element button = row.selectFirst("[id$=" + idSuffix + "]");
                if (button != null) {
                    return button.id();
                }
            }
        }
        throw new AssertionError("no " + idSuffix + " for " + text + " in " + page.text());
    }

    @Test
    @DisplayName("an editor drafts a statement with five demands in both languages (an empty demand and a past "
            + "deadline refused by field), moves one; staff send it back with a reason, then open it; another member "
            + "organization's editor signs, withdraws and signs again, one signature; editors of other organizations "
            + "cannot edit it; once released nobody signs or withdraws")
    void draftReviewOpenSign() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(portal));
        Page organizations = admin.get("/admin/organizations?lang=en");
        long voces = Accounts.idInRow(organizations, "Voces Unidas de Chicago", "organization");
        long frontera = Accounts.idInRow(organizations, "Frontera Family Network", "organization");
        long santuario = Accounts.idInRow(organizations, "Santuario Faith Alliance", "organization");
        String leadEmail = "lead-" + System.nanoTime() + "@puente.test";
        WebSession lead = Accounts.newEditor(admin, new WebSession(portal), voces, "ES", leadEmail);
        String signerEmail = "signer-" + System.nanoTime() + "@puente.test";
        WebSession signer = Accounts.newEditor(admin, new WebSession(portal), frontera, "EN", signerEmail);
        String outsiderEmail = "santuario-" + System.nanoTime() + "@puente.test";
        WebSession outsider = Accounts.newEditor(admin, new WebSession(portal), santuario, "EN", outsiderEmail);

        String title = "Protection for children " + System.nanoTime();
        String slug = "protection-" + System.nanoTime();
        Map<String, String> text = new HashMap<>(Map.of(
                "titleEn", title,
                "titleEs", "Protección para la niñez " + title,
                "summaryEn", "Five demands to governments.",
                "summaryEs", "Cinco demandas a los gobiernos.",
                "preambleEn_input", "<p>We, the undersigned organizations,</p>",
                "preambleEs_input", "<p>Las organizaciones firmantes,</p>",
                "tags", "children, detention",
                "mediaName", "Prensa Voces",
                "mediaEmail", "prensa@voces.example.org",
                "slug", slug));
        text.put("form:countries", "US");

        Page form = lead.get("/admin/statement?lang=en");
        assertEquals(200, form.status(), form.text());
        Page empty = lead.submit(form, "form", text, "save");
        assertTrue(empty.messages().contains("Demand 1 is empty"), empty.messages() + empty.text());

        for (int added = 1; added < DEMANDS.length; added++) {
            demandsAjax(lead, form, "form:addDemand", demandFields(0, 1, 2, 3, 4));
        }
        // The fifth moves up: the rows come back with the Honduran demand fourth.
        Page moved = demandsAjax(lead, form, "form:demand:4:up", demandFields(0, 1, 2, 3, 4));
        assertTrue(
                moved.body().indexOf("Protection for returnees") < moved.body().indexOf("Safe passage"), moved.body());

        Map<String, String> past = new HashMap<>(text);
        past.putAll(demandFields(0, 1, 2, 4, 3));
        past.putAll(Map.of("deadline", "2020-01-01", "deadlineZone", "America/Tegucigalpa"));
        Page refused = lead.submit(form, "form", past, "save");
        assertTrue(refused.messages().contains("must be in the future"), refused.messages());
        assertEquals("0", single("SELECT COUNT(*) FROM statement WHERE slug = ?", slug), "nothing half-written");

        Map<String, String> good = new HashMap<>(text);
        good.putAll(demandFields(0, 1, 2, 4, 3));
        LocalDate deadline = TestClock.now(portal)
                .atZone(java.time.ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(20);
        good.putAll(Map.of("deadline", deadline.toString(), "deadlineZone", "America/Tegucigalpa"));
        Page saved = lead.submit(form, "form", good, "save");
        assertTrue(saved.messages().contains("The statement is saved."), saved.messages() + saved.text());
        long id = Long.parseLong(single("SELECT id FROM statement WHERE slug = ?", slug));
        assertEquals(
                "5|Safe passage at the border|Al Gobierno de México",
                single(
                        "SELECT CONCAT(COUNT(*), '|', MAX(CASE WHEN position = 4 THEN text_en END), '|', "
                                + "MAX(CASE WHEN position = 4 THEN addressee_es END)) FROM statement_demand "
                                + "WHERE statement_id = ?",
                        id));
        assertEquals(403, outsider.get("/admin/statement?id=" + id).status(), "another organization's editor");

        Page submitted = lead.submit(saved, "list", Map.of(), buttonInRow(saved, title, ":submit"));
        assertTrue(submitted.messages().contains("sent to the coalition staff"), submitted.messages());
        Mailbox.awaitIdleQueue(portal);
        assertTrue(
                Mailbox.to(TestEnvironment.ADMIN_EMAIL).stream()
                        .anyMatch(m -> subject(m).equals("Statement to review: " + title)),
                "staff are told");

        Page review = admin.get("/admin/statements?lang=en");
        Map<String, String> reason = Map.of(
                buttonInRow(review, title, ":sendBack").replace(":sendBack", ":reason"), "Add the Honduran demand");
        Page sentBack = admin.submit(review, "list", reason, buttonInRow(review, title, ":sendBack"));
        assertTrue(sentBack.messages().contains("went back to its leads"), sentBack.messages());
        Mailbox.awaitIdleQueue(portal);
        MimeMessage back = Mailbox.to(leadEmail).stream()
                .filter(m -> subject(m).startsWith("Cambios pedidos: "))
                .findFirst()
                .orElseThrow();
        assertTrue(Mailbox.part(back, "text/plain").contains("Add the Honduran demand"), "in the lead's language");

        Page again = lead.get("/admin/statements?lang=en");
        lead.submit(again, "list", Map.of(), buttonInRow(again, title, ":submit"));
        Page toApprove = admin.get("/admin/statements?lang=en");
        Page approved = admin.submit(toApprove, "list", Map.of(), buttonInRow(toApprove, title, ":approve"));
        assertTrue(approved.messages().contains("The statement is open"), approved.messages());
        assertEquals("OPEN", single("SELECT state FROM statement WHERE id = ?", id));

        Page before = new WebSession(portal).get("/statements/" + slug);
        assertEquals(200, before.status());
        assertFalse(before.text().contains("Frontera Family Network"), "not signed yet");
        Page sign = signer.get("/admin/statement-sign?id=" + id + "&lang=en");
        assertEquals(200, sign.status(), sign.text());
        assertTrue(sign.text().contains("Safe passage at the border"), "the demands are shown before signing");
        Map<String, String> signing = new HashMap<>(Map.of(
                "organization", String.valueOf(frontera), "signerName", "Rosa Díaz", "signerTitle", "Directora"));
        Page unconfirmed = signer.submit(sign, "sign", signing, "submit");
        assertTrue(unconfirmed.messages().contains("may sign for the organization"), unconfirmed.messages());
        signing.put("authority", "on");
        Page signed = signer.submit(sign, "sign", signing, "submit");
        assertTrue(signed.messages().contains("Your organization signed the statement."), signed.messages());
        assertTrue(
                new WebSession(portal).get("/statements/" + slug).text().contains("Frontera Family Network"),
                "the public page shows the signature at once, not after its cache runs out");
        String signature = "SELECT CONCAT(COUNT(*), '|', MAX(state), '|', MAX(signer_name), '|', MAX(text_version)) "
                + "FROM statement_signatory WHERE statement_id = ?";
        assertEquals("1|SIGNED|Rosa Díaz|1", single(signature, id));
        assertTrue(
                signed.document().getElementById("sign") == null
                        && signed.document().getElementById("all-signed") != null,
                "an organization that endorses the current text is not offered the form again");

        Page withdrawn =
                signer.submit(signed, "signed", Map.of(), buttonInRow(signed, "Frontera Family Network", ":withdraw"));
        assertTrue(withdrawn.messages().contains("off the statement"), withdrawn.messages());
        assertEquals("1|WITHDRAWN|Rosa Díaz|1", single(signature, id));
        signing.put("signerName", "Rosa María Díaz");
        Page resigned = signer.submit(withdrawn, "sign", signing, "submit");
        assertTrue(resigned.messages().contains("signed the statement"), resigned.messages());
        assertEquals("1|SIGNED|Rosa María Díaz|1", single(signature, id), "one signature, revived");

        // The lead sharpens a demand: a new version; the signer is told what changed and signs again.
        Page edit = lead.get("/admin/statement?id=" + id + "&lang=en");
        Page changed =
                lead.submit(edit, "form", Map.of("form:demand:1:textEn", "Keep every child with their family"), "save");
        assertTrue(changed.messages().contains("Saved as a new version"), changed.messages());
        assertEquals("2", single("SELECT text_version FROM statement WHERE id = ?", id));
        assertEquals("1|SIGNED|Rosa María Díaz|1", single(signature, id), "the signature stands for version 1");
        Mailbox.awaitIdleQueue(portal);
        MimeMessage reconfirm = Mailbox.to(signerEmail).stream()
                .filter(m -> subject(m).startsWith("Please confirm again: "))
                .findFirst()
                .orElseThrow();
        String what = Mailbox.part(reconfirm, "text/plain");
        assertTrue(
                what.contains(
                        "Demand 2 changed from “Keep children with their parents” to “Keep every child with their "
                                + "family”"),
                what);
        Page resign = signer.get(Mailbox.link(reconfirm, "/admin/statement-sign") + "&lang=en");
        assertTrue(resign.text().contains("Keep every child with their family"), "the new text before signing again");
        Page endorsed = signer.submit(resign, "sign", signing, "submit");
        assertTrue(endorsed.messages().contains("signed the statement"), endorsed.messages());
        assertEquals("1|SIGNED|Rosa María Díaz|2", single(signature, id));

        // Staff fix a typo, marked editorial: the version stays, nobody is asked again, the history keeps it.
        Page typo = admin.get("/admin/statement?id=" + id + "&lang=en");
        admin.submit(typo, "form", Map.of("form:demand:0:textEn", "End family detention.", "editorial", "on"), "save");
        assertEquals("2", single("SELECT text_version FROM statement WHERE id = ?", id));
        assertEquals(
                "3|1",
                single(
                        "SELECT CONCAT(COUNT(*), '|', SUM(editorial)) FROM statement_revision WHERE statement_id = ?",
                        id),
                "as it opened, the new version, the editorial fix");

        // The record: every signature and its CSV (no e-mail), invitations, deliveries; not for other editors.
        assertEquals(403, outsider.get("/admin/statement-record?id=" + id).status());
        assertEquals(
                403, outsider.get("/admin/statement-signatories.csv?id=" + id).status());
        Page csv = lead.get("/admin/statement-signatories.csv?id=" + id + "&lang=en");
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(
                csv.body().contains("\"Frontera Family Network\",\"MEMBER\",\"Rosa María Díaz\",\"Directora\""),
                csv.body());
        assertFalse(csv.body().contains("@"), "no e-mail address in the signatories' file");
        Page record = lead.get("/admin/statement-record?id=" + id + "&lang=en");
        String santuarioBox = record.document().select("#invite input[type=checkbox]").stream()
                .filter(box -> record.document()
                        .select("label[for=" + box.id() + "]")
                        .text()
                        .contains("Santuario"))
                .findFirst()
                .orElseThrow()
                .attr("value");
        Page invited = lead.submit(record, "invite", Map.of("organizations", santuarioBox), "send");
        assertTrue(invited.messages().contains("invited"), invited.messages() + " / " + invited.text());
        Mailbox.awaitIdleQueue(portal);
        assertTrue(
                Mailbox.to(outsiderEmail).stream().anyMatch(m -> subject(m).startsWith("Will you sign? ")),
                "Santuario's editor is invited, in English");
        Page future = lead.submit(
                invited,
                "delivery",
                Map.of(
                        "office",
                        "Office of Senator Durbin",
                        "deliveredOn",
                        LocalDate.now().plusDays(30).toString()),
                "save");
        assertTrue(future.messages().contains("not a future one"), future.messages());
        Page delivered = lead.submit(
                invited,
                "delivery",
                Map.of(
                        "office", "Office of Senator Durbin",
                        "person", "Legislative aide",
                        "deliveredOn", LocalDate.now().toString(),
                        "method", "IN_PERSON"),
                "save");
        assertTrue(delivered.messages().contains("The delivery is recorded."), delivered.messages());
        assertTrue(delivered.text().contains("Office of Senator Durbin"), delivered.text());

        Page list = admin.get("/admin/statements?lang=en");
        Page released = admin.submit(list, "list", Map.of(), buttonInRow(list, title, ":release"));
        assertTrue(released.messages().contains("The statement is released."), released.messages());
        Page closed = signer.get("/admin/statement-sign?id=" + id + "&lang=en");
        assertTrue(closed.text().contains("takes no signatures now"), closed.text());
        assertFalse(closed.body().contains(":withdraw\""), "no withdrawing after release");
        assertEquals("1|SIGNED|Rosa María Díaz|2", single(signature, id));
    }

    @Test
    @DisplayName("the embedded run's demo: the joint statement released with five demands, signed by the three "
            + "member organizations and by organizations in Mexico and Honduras; another open for sign-on")
    void demoStatements() throws Exception {
        String slug = "protection-for-children-and-families-across-borders";
        assertEquals("RELEASED", single("SELECT state FROM statement WHERE slug = ?", slug));
        assertEquals(
                "5",
                single(
                        "SELECT COUNT(*) FROM statement_demand d JOIN statement s ON s.id = d.statement_id "
                                + "WHERE s.slug = ?",
                        slug));
        assertEquals(
                "HN,MX,US,US,US",
                single(
                        "SELECT GROUP_CONCAT(g.country ORDER BY g.country) FROM statement_signatory g "
                                + "JOIN statement s ON s.id = g.statement_id WHERE s.slug = ? AND g.state = 'SIGNED'",
                        slug));
        assertEquals(
                "OPEN", single("SELECT state FROM statement WHERE slug = ?", "stop-holding-children-in-border-cells"));
    }

    @Test
    @DisplayName("sign-on closes by itself when the deadline passes, and nobody signs after it")
    void deadlineCloses() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(portal));
        String title = "Deadline statement " + System.nanoTime();
        String slug = "deadline-" + System.nanoTime();
        Map<String, String> fields = new HashMap<>(demandFields(0));
        fields.putAll(Map.of(
                "titleEn",
                title,
                "titleEs",
                "Pronunciamiento " + title,
                "slug",
                slug,
                "deadline",
                TestClock.now(portal)
                        .atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate()
                        .plusDays(3)
                        .toString(),
                "deadlineZone",
                "America/Guatemala"));
        Page saved = admin.submit(admin.get("/admin/statement?lang=en"), "form", fields, "save");
        Page opened = admin.submit(saved, "list", Map.of(), buttonInRow(saved, title, ":submit"));
        assertTrue(opened.messages().contains("The statement is open."), opened.messages());
        long id = Long.parseLong(single("SELECT id FROM statement WHERE slug = ?", slug));
        try {
            TestClock.advance(portal, java.time.Duration.ofDays(4));
            org.puente.testing.Await.until(
                    "the upkeep to close sign-on",
                    java.time.Duration.ofSeconds(20),
                    java.time.Duration.ofMillis(200),
                    () -> "CLOSED".equals(single("SELECT state FROM statement WHERE id = ?", id)));
        } finally {
            TestClock.reset(portal);
        }
        Page sign = admin.get("/admin/statement-sign?id=" + id + "&lang=en");
        assertTrue(sign.text().contains("takes no signatures now"), sign.text());
    }

    @Test
    @DisplayName("an editor of the lead organization archives a released statement: it keeps its public address and "
            + "leaves the list; an open one offers no archiving")
    void leadArchivesReleased() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(portal));
        long voces =
                Accounts.idInRow(admin.get("/admin/organizations?lang=en"), "Voces Unidas de Chicago", "organization");
        WebSession lead = Accounts.newEditor(admin, new WebSession(portal), voces);
        String tag = "t" + System.nanoTime();
        java.time.Instant now = TestClock.now(portal);
        TestStatements.Arranged released = TestStatements.Arranged.open(
                        "archive-" + System.nanoTime(), "Voces Unidas de Chicago", now.minusSeconds(3600))
                .inState("RELEASED")
                .about(tag, "US");
        TestStatements.Arranged open = TestStatements.Arranged.open(
                        "stays-" + System.nanoTime(), "Voces Unidas de Chicago", now.minusSeconds(7200))
                .about(tag, "US");
        long id = TestStatements.insert(released);
        TestStatements.insert(open);
        WebSession visitor = new WebSession(portal).ownClientAddress();
        String list = "/statements?lang=en&tag=" + tag;
        Await.until(
                "the list to show both statements",
                java.time.Duration.ofSeconds(10),
                java.time.Duration.ofMillis(200),
                () -> visitor.get(list).document().select(".statement-card").size() == 2);

        Page statements = lead.get("/admin/statements?lang=en");
        assertTrue(
                statements.document().select("[id$=:archive]").stream()
                        .noneMatch(b -> b.closest("tr").text().contains(open.titleEn())),
                "an open statement is not archived");
        Page archived =
                lead.submit(statements, "list", Map.of(), buttonInRow(statements, released.titleEn(), ":archive"));
        assertTrue(archived.messages().contains("The statement is archived"), archived.messages());
        assertEquals("ARCHIVED", single("SELECT state FROM statement WHERE id = ?", id));
        assertTrue(
                archived.document().select("[id$=:archive]").stream()
                        .noneMatch(b -> b.closest("tr").text().contains(released.titleEn())),
                "archived once");

        Page page = visitor.get("/statements/" + released.slug() + "?lang=en");
        assertEquals(200, page.status(), "its address still answers");
        assertEquals(released.titleEn(), page.document().selectFirst("h1").text());
        assertEquals(
                List.of(open.titleEn()),
                visitor.get(list)
                        .document()
                        .select(".statement-card .card__title")
                        .eachText(),
                "off the list at once, the open one still on it");
    }

    /**
     * A member organization written straight into the database, with an editor whose password is the one
     * {@code passwordHash} was made from (none when {@code editorEmail} is null); returns its id.
     */
    static long organizationWithEditor(String name, String country, String editorEmail, String passwordHash)
            throws Exception {
        try (Connection db = TestEnvironment.database();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO organization (slug, name, city, country, created_at, updated_at) "
                                + "VALUES (?, ?, 'Ciudad', ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
                        java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            insert.setString(2, name);
            insert.setString(3, country);
            insert.executeUpdate();
            long organization;
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertTrue(keys.next());
                organization = keys.getLong(1);
            }
            if (editorEmail != null) {
                addEditor(db, organization, editorEmail, passwordHash);
            }
            return organization;
        }
    }

    /** Another editor of the organization, whose password is the one {@code passwordHash} was made from. */
    static void addEditor(Connection db, long organization, String email, String passwordHash) throws Exception {
        try (PreparedStatement account = db.prepareStatement(
                "INSERT INTO account (email, display_name, password_hash, role, language, created_at) "
                        + "VALUES (?, ?, ?, 'ORG_EDITOR', 'en', UTC_TIMESTAMP(6))")) {
            account.setString(1, email);
            account.setString(2, "Editor " + email);
            account.setString(3, passwordHash);
            account.executeUpdate();
        }
        try (PreparedStatement editor =
                db.prepareStatement("INSERT INTO organization_editor (account_id, organization_id) "
                        + "SELECT id, ? FROM account WHERE email = ?")) {
            editor.setLong(1, organization);
            editor.setString(2, email);
            editor.executeUpdate();
        }
    }

    /** The sign page of each session; then every one presses Sign at the same moment. */
    static List<Page> signAtOnce(ExecutorService pool, List<WebSession> editors, long statementId, String signer)
            throws Exception {
        List<Page> forms = new ArrayList<>();
        for (WebSession editor : editors) {
            Page form = editor.get("/admin/statement-sign?id=" + statementId + "&lang=en");
            assertEquals(200, form.status(), form.text());
            forms.add(form);
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Page>> sent = new ArrayList<>();
        for (int i = 0; i < editors.size(); i++) {
            WebSession editor = editors.get(i);
            Page form = forms.get(i);
            Map<String, String> signing =
                    Map.of("signerName", signer + " " + i, "signerTitle", "Directora", "authority", "on");
            sent.add(pool.submit(() -> {
                go.await();
                return editor.submit(form, "sign", signing, "submit");
            }));
        }
        go.countDown();
        List<Page> answers = new ArrayList<>();
        for (Future<Page> answer : sent) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    @Test
    @DisplayName("30 member organizations sign at the same moment: 30 signatures, each organization once, and the "
            + "public page and list count 30; two editors of one organization signing at once make one signature")
    void thirtySignAtOnce() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(portal));
        String run = "crowd" + System.nanoTime();
        String[] countries = {"US", "MX", "HN"};
        String password = "a long enough phrase";
        String firstEmail = run + "-0@puente.test";
        List<Long> organizations = new ArrayList<>();
        organizations.add(organizationWithEditor("Crowd " + run + " 0", "US", null, null));
        // The first editor comes in by invitation, as every editor does; the others share their password's hash.
        Accounts.newEditor(admin, new WebSession(portal), organizations.get(0), "EN", firstEmail);
        String hash = single("SELECT password_hash FROM account WHERE email = ?", firstEmail);
        List<String> emails = new ArrayList<>(List.of(firstEmail));
        for (int i = 1; i < 30; i++) {
            String email = run + "-" + i + "@puente.test";
            organizations.add(organizationWithEditor("Crowd " + run + " " + i, countries[i % 3], email, hash));
            emails.add(email);
        }
        String tag = "t" + System.nanoTime();
        String slug = "crowd-" + System.nanoTime();
        long id = TestStatements.insert(
                TestStatements.Arranged.open(slug, null, TestClock.now(portal)).about(tag, "US,MX,HN"));

        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<WebSession>> signingIn = new ArrayList<>();
            for (String email : emails) {
                signingIn.add(pool.submit(() -> {
                    WebSession editor = new WebSession(portal);
                    Page dashboard = Accounts.signIn(editor, email, password);
                    assertTrue(dashboard.uri().getPath().startsWith("/admin"), email + ": " + dashboard.text());
                    return editor;
                }));
            }
            List<WebSession> editors = new ArrayList<>();
            for (Future<WebSession> editor : signingIn) {
                editors.add(editor.get(120, TimeUnit.SECONDS));
            }

            List<Page> answers = signAtOnce(pool, editors, id, "Firmante");
            for (Page answer : answers) {
                assertEquals(200, answer.status(), answer.text());
                assertTrue(
                        answer.messages().contains("Your organization signed the statement."),
                        answer.messages() + " / " + answer.text());
            }
            assertEquals(
                    "30|30|30",
                    single(
                            "SELECT CONCAT(COUNT(*), '|', COUNT(DISTINCT organization_id), '|', "
                                    + "SUM(state = 'SIGNED')) FROM statement_signatory WHERE statement_id = ?",
                            id),
                    "30 signatures, one for each organization");
            assertEquals(
                    organizations.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")),
                    single(
                            "SELECT GROUP_CONCAT(organization_id ORDER BY organization_id) FROM statement_signatory "
                                    + "WHERE statement_id = ?",
                            id));

            WebSession visitor = new WebSession(portal).ownClientAddress();
            Page page = visitor.get("/statements/" + slug + "?lang=en");
            assertEquals(
                    "30 organizations in 3 countries",
                    page.document().selectFirst(".signatories__count").text());
            assertEquals(
                    List.of(
                            "Honduras: 10 organizations",
                            "Mexico: 10 organizations",
                            "United States: 10 organizations"),
                    page.document().select(".signatories__countries li").eachText());
            assertEquals(30, page.document().select(".signatory").size());
            Element card =
                    visitor.get("/statements?lang=en&tag=" + tag).document().selectFirst(".statement-card");
            assertTrue(card.text().contains("30 organizations signed"), card.text());

            // Two editors of one organization sign at the same moment: one signature. Five statements, so that the
            // two requests meet inside the service more than once.
            String secondEmail = run + "-second@puente.test";
            try (Connection db = TestEnvironment.database()) {
                addEditor(db, organizations.get(1), secondEmail, hash);
            }
            WebSession second = new WebSession(portal);
            assertTrue(Accounts.signIn(second, secondEmail, password)
                    .uri()
                    .getPath()
                    .startsWith("/admin"));
            for (int round = 0; round < 5; round++) {
                long other = TestStatements.insert(
                        TestStatements.Arranged.open("pair-" + System.nanoTime(), null, TestClock.now(portal)));
                for (Page answer : signAtOnce(pool, List.of(editors.get(1), second), other, "Pareja")) {
                    assertTrue(
                            answer.messages().contains("Your organization signed the statement."),
                            "round " + round + ": " + answer.messages() + " / " + answer.text());
                }
                assertEquals(
                        "1|1",
                        single(
                                "SELECT CONCAT(COUNT(*), '|', SUM(state = 'SIGNED')) FROM statement_signatory "
                                        + "WHERE statement_id = ?",
                                other),
                        "one organization, one signature");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
