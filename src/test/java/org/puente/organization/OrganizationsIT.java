package org.puente.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.puente.testing.Deployments;
import org.puente.testing.Mailbox;
import org.puente.testing.QueryLog;
import org.puente.testing.TestClock;
import org.puente.testing.TestEnvironment;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Member organizations: admin, invitations, editors and their limits")
class OrganizationsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    WebSession admin;

    @BeforeEach
    void signInAdmin() throws Exception {
        admin = new WebSession(base.toURI());
        Page dashboard = signIn(admin, TestEnvironment.ADMIN_EMAIL, TestEnvironment.adminPassword());
        assertTrue(dashboard.uri().getPath().startsWith("/admin"), "admin signed in: " + dashboard.text());
    }

    static Page signIn(WebSession session, String email, String password) {
        return Accounts.signIn(session, email, password);
    }

    /** Creates an organization through the admin form; returns its id. */
    long createOrganization(String name, Map<String, String> extra, byte[] logo) {
        Page form = admin.get("/admin/organization");
        Map<String, String> values = new HashMap<>(Map.of(
                "name",
                name,
                "country",
                "US",
                "city",
                "Tucson",
                "region",
                "Arizona",
                "descriptionEn",
                "Accompanies families at the border."));
        values.putAll(extra);
        Page saved = admin.submitWithFiles(
                form,
                "form",
                values,
                "save",
                logo == null ? Map.of() : Map.of("form:logo", Map.entry("logo.png", logo)));
        assertTrue(saved.uri().getPath().startsWith("/admin/organizations"), "saved: " + saved.messages());
        return idOf(saved, name);
    }

    static long idOf(Page list, String name) {
        return Accounts.idInRow(list, name, "organization");
    }

    static String slugOf(String name) {
        return Organization.slugOf(name);
    }

    static byte[] png() {
        return org.puente.testing.TestImages.png(8, 8);
    }

    @Test
    @DisplayName(
            "the admin creates an organization with a logo; the public reads it in both languages, with a fallback")
    void adminCreatesOrganization() throws Exception {
        String name = "Casa Esperanza " + System.nanoTime();
        long id = createOrganization(
                name,
                Map.of(
                        "descriptionEs",
                        "",
                        "website",
                        "https://casa.example.org",
                        "contactEmail",
                        "info@casa.example.org"),
                png());

        WebSession visitor = new WebSession(base.toURI());
        Page english = visitor.get("/organizations/" + slugOf(name) + "?lang=en");
        assertEquals(200, english.status());
        assertTrue(english.text().contains("Accompanies families at the border."));
        assertTrue(
                english.text().contains("Tucson, Arizona, United States"),
                "the country by name, in the reader's language");
        Page spanish = visitor.get("/organizations/" + slugOf(name) + "?lang=es");
        Element description = spanish.document().selectFirst(".profile__text");
        assertEquals("en", description.attr("lang"), "the English fallback is marked as English");
        assertTrue(description.text().contains("Accompanies families"));
        assertEquals("es", spanish.lang());

        Element logo = spanish.document().selectFirst("img.profile__logo");
        assertNotNull(logo, "logo shown");
        Page image = visitor.get(logo.attr("src"));
        assertEquals(200, image.status());
        assertEquals("image/png", image.header("Content-Type"));
        assertTrue(visitor.get("/organizations?lang=es").text().contains(name), "listed in the directory");
        assertTrue(id > 0);
    }

    @Test
    @DisplayName(
            "the directory finds which organizations have a logo in one query and loads them lazily; the home page shows none")
    void oneLogoQueryPerPage() throws Exception {
        String name = "Logo Propio " + System.nanoTime();
        createOrganization(name, Map.of(), png());
        WebSession visitor = new WebSession(base.toURI()).forwardedFor("198.51.100.71");
        QueryLog.Recorded<Page> read = QueryLog.during(() -> visitor.get("/organizations?lang=en"));
        Page page = read.result();
        assertEquals(200, page.status());
        int cards = page.document().select("li.card").size();
        assertTrue(cards >= 4, "the demo organizations and this one: " + cards);
        assertEquals(1, read.matching("organization_logo").size(), "one logo query for " + cards + " cards");
        Element card = page.document().select("li.card").stream()
                .filter(c -> c.text().contains(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " in the directory"));
        Element logo = card.selectFirst("img.card__logo");
        assertNotNull(logo, "its logo is shown");
        assertEquals("lazy", logo.attr("loading"), "loaded as the visitor scrolls to it");
        assertTrue(
                page.document().select("img.card__logo").size() < cards, "no logo on the cards of those without one");

        QueryLog.Recorded<Page> home = QueryLog.during(() -> visitor.get("/?lang=en"));
        assertTrue(home.result().text().contains(name), "the home page lists it");
        assertEquals(0, home.matching("organization_logo").size(), "the home page lists members without logos");
        assertTrue(home.result().document().select("img.card__logo").isEmpty());
    }

    @Test
    @DisplayName("an organization and its logo are saved together: when the logo cannot be stored, the organization "
            + "is not created either")
    void organizationAndLogoInOneTransaction() throws Exception {
        String name = "Sin Logo Guardado " + System.nanoTime();
        String trigger = "refuse_logo_" + System.nanoTime();
        try (Connection db = TestEnvironment.database();
                Statement sql = db.createStatement()) {
            // The database refuses this one organization's logo, as a full disk or a lost connection would.
            sql.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON organization_logo FOR EACH ROW "
                    + "IF (SELECT name FROM organization WHERE id = NEW.organization_id) = '" + name + "' THEN "
                    + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'logo refused by the test'; END IF");
            try {
                Page form = admin.get("/admin/organization");
                Page failed = admin.submitWithFiles(
                        form,
                        "form",
                        Map.of("name", name, "country", "US"),
                        "save",
                        Map.of("form:logo", Map.entry("logo.png", png())));
                assertFalse(failed.uri().getPath().startsWith("/admin/organizations"), "not saved: " + failed.text());
            } finally {
                sql.execute("DROP TRIGGER " + trigger);
            }
            try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM organization WHERE name = ?")) {
                query.setString(1, name);
                try (ResultSet count = query.executeQuery()) {
                    count.next();
                    assertEquals(0, count.getLong(1), "no organization without the logo it was saved with");
                }
            }
        }
        long id = createOrganization(name, Map.of(), png());
        assertNotNull(
                new WebSession(base.toURI())
                        .get("/organizations/" + slugOf(name))
                        .document()
                        .selectFirst("img.profile__logo"),
                "saved again, both are there: " + id);
    }

    @Test
    @DisplayName(
            "a phone photo's EXIF (with its GPS position) is not published: the logo is served re-encoded; a picture "
                    + "claiming 10,000 × 10,000 pixels and a WebP are refused with a message, nothing saved")
    void uploadedImagesAreReencoded() throws Exception {
        byte[] photo = org.puente.testing.TestImages.jpegWithGps(64, 48);
        byte[] exif = "Exif".getBytes(StandardCharsets.US_ASCII);
        assertTrue(
                org.puente.testing.TestImages.contains(photo, exif)
                        && javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(photo)) != null,
                "a readable photo with EXIF");
        String name = "Foto Con Lugar " + System.nanoTime();
        Page form = admin.get("/admin/organization?lang=en");
        Page saved = admin.submitWithFiles(
                form,
                "form",
                Map.of("name", name, "country", "US"),
                "save",
                Map.of("form:logo", Map.entry("photo.jpg", photo)));
        assertTrue(saved.uri().getPath().startsWith("/admin/organizations"), "saved: " + saved.messages());

        String src = new WebSession(base.toURI())
                .get("/organizations/" + slugOf(name))
                .document()
                .selectFirst("img.profile__logo")
                .attr("src");
        var served = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        base.toURI().resolve(src.startsWith("/") ? src.substring(1) : src))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode());
        assertEquals("image/jpeg", served.headers().firstValue("Content-Type").orElse(""));
        byte[] published = served.body();
        assertFalse(org.puente.testing.TestImages.contains(published, exif), "no EXIF segment left");
        assertFalse(
                org.puente.testing.TestImages.contains(published, new byte[] {(byte) 0xFF, (byte) 0xE1}),
                "no APP1 at all");
        java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(published));
        assertEquals(64, decoded.getWidth(), "the picture itself is kept");
        assertEquals(48, decoded.getHeight());

        String refusedName = "Imagen Enorme " + System.nanoTime();
        Page huge = admin.submitWithFiles(
                form,
                "form",
                Map.of("name", refusedName, "country", "US"),
                "save",
                Map.of("form:logo", Map.entry("bomb.png", org.puente.testing.TestImages.pngHeader(10_000, 10_000))));
        assertEquals(422, huge.status());
        assertTrue(huge.messages().contains("too many pixels (at most 40 megapixels)"), huge.messages());
        Page webp = admin.submitWithFiles(
                form,
                "form",
                Map.of("name", refusedName, "country", "US"),
                "save",
                Map.of("form:logo", Map.entry("logo.webp", new byte[] {
                    'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '
                })));
        assertTrue(webp.messages().contains("PNG or JPEG image (WebP and SVG are not accepted)"), webp.messages());
        assertFalse(admin.get("/admin/organizations").text().contains(refusedName), "nothing saved");
    }

    @Test
    @DisplayName("invitation → Spanish mail → new editor sets a password → edits only their own organization")
    void invitationFlow() throws Exception {
        String name = "Red Fronteriza " + System.nanoTime();
        long own = createOrganization(name, Map.of(), null);
        String other = "Otra Organización " + System.nanoTime();
        long foreign = createOrganization(other, Map.of(), null);
        String editorEmail = "editora-" + System.nanoTime() + "@puente.test";

        Page editors = admin.get("/admin/organization-editors?id=" + own);
        Page invited = admin.submit(editors, "invite", Map.of("email", editorEmail, "language", "ES"), "send");
        assertTrue(invited.messages().contains("has been sent to " + editorEmail), invited.messages());
        assertTrue(invited.text().contains(editorEmail), "listed as pending");

        List<MimeMessage> mails = Mailbox.to(editorEmail);
        assertEquals(1, mails.size());
        MimeMessage mail = mails.get(0);
        assertTrue(mail.getSubject().startsWith("Invitación para actuar en nombre de " + name), mail.getSubject());
        assertEquals("es", mail.getHeader("Content-Language", null));
        String text = Mailbox.part(mail, "text/plain");
        assertTrue(
                text.contains(TestEnvironment.ADMIN_NAME + " te ha invitado"),
                "the inviter by name, never a role word: " + text);
        assertFalse(text.contains("has invited you"), "only Spanish");
        assertTrue(Mailbox.part(mail, "text/html").contains("<html lang=\"es\">"));
        String link = Mailbox.link(mail, "/invitation?token=");

        WebSession editor = new WebSession(base.toURI());
        Page accept = editor.get(link);
        assertEquals("es", accept.lang());
        assertTrue(accept.text().contains(editorEmail));
        Page mismatch = editor.submit(
                accept,
                "accept",
                Map.of("name", "Ana", "password", "un puente entre dos", "confirmation", "un puente distinto"),
                "submit");
        assertTrue(mismatch.messages().contains("no coinciden"), mismatch.messages());
        Page accepted = editor.submit(
                editor.get(link),
                "accept",
                Map.of("name", "Ana Ramírez", "password", "un puente entre dos", "confirmation", "un puente entre dos"),
                "submit");
        assertTrue(accepted.messages().contains("Ya puedes iniciar sesión"), accepted.messages());

        Page reused = editor.get(link);
        assertTrue(reused.text().contains("ya se usó"), reused.text());

        Page dashboard = signIn(editor, editorEmail, "un puente entre dos");
        assertTrue(dashboard.uri().getPath().startsWith("/admin"), dashboard.text());
        Page list = editor.get("/admin/organizations");
        assertTrue(list.text().contains(name));
        assertFalse(list.text().contains(other), "an editor sees only their own organizations");
        assertNull(list.document().getElementById("new"), "editors do not create organizations");

        Page edit = editor.get("/admin/organization?id=" + own);
        assertEquals(200, edit.status());
        Page saved = editor.submitWithFiles(
                edit, "form", Map.of("descriptionEs", "Acompañamos a las familias."), "save", Map.of());
        assertTrue(
                saved.messages().contains("Se guardaron los cambios")
                        || saved.messages().contains("have been saved"),
                saved.messages());
        assertTrue(new WebSession(base.toURI())
                .get("/organizations/" + slugOf(name) + "?lang=es")
                .text()
                .contains("Acompañamos a las familias."));

        assertEquals(403, editor.get("/admin/organization?id=" + foreign).status(), "another organization's page");
        assertEquals(403, editor.get("/admin/organization").status(), "the create page");
        assertEquals(
                200,
                editor.get("/admin/organization-editors?id=" + own).status(),
                "an editor invites co-editors to their own organization");
        assertEquals(
                403, editor.get("/admin/organization-editors?id=" + foreign).status(), "but not to another");

        Map<String, String> forged = WebSession.fields(editor.get("/admin/organization?id=" + own), "form");
        forged.put("form:name", "Hijacked " + System.nanoTime());
        forged.put("id", String.valueOf(foreign));
        forged.put("form:save", "form:save");
        Page forgedPost = editor.postMultipart("/admin/organization.xhtml?id=" + foreign, forged, Map.of());
        assertEquals(403, forgedPost.status(), "a forged post for another organization is refused");
        assertTrue(
                new WebSession(base.toURI())
                        .get("/organizations/" + slugOf(other))
                        .text()
                        .contains(other),
                "the other organization is unchanged");

        Page editorsPage = admin.get("/admin/organization-editors?id=" + own);
        assertTrue(editorsPage.text().contains("Ana Ramírez"), "the new editor is listed");
        Page deactivated =
                admin.submit(editorsPage, "editors", Map.of(), buttonInRow(editorsPage, editorEmail, "deactivate"));
        assertTrue(deactivated.messages().contains("has been deactivated"), deactivated.messages());
        assertTrue(
                editor.get("/admin/organizations").uri().getPath().startsWith("/login"), "the editor's session ended");
        assertFalse(signIn(editor, editorEmail, "un puente entre dos")
                .uri()
                .getPath()
                .startsWith("/admin"));
        Page reactivated =
                admin.submit(deactivated, "editors", Map.of(), buttonInRow(deactivated, editorEmail, "reactivate"));
        assertTrue(reactivated.messages().contains("has been reactivated"), reactivated.messages());
        assertTrue(signIn(editor, editorEmail, "un puente entre dos")
                .uri()
                .getPath()
                .startsWith("/admin"));

        editorsPage = admin.get("/admin/organization-editors?id=" + own);
        Page removed = admin.submit(editorsPage, "editors", Map.of(), removeButton(editorsPage));
        assertTrue(removed.messages().contains("removed"), removed.messages());
        assertEquals(403, editor.get("/admin/organization?id=" + own).status(), "a removed editor loses access");
    }

    /** The name of the button with that id in the table row that mentions {@code text}. */
    static String buttonInRow(Page page, String text, String id) {
        for (Element row : page.document().select("tr")) {
            Element button = row.selectFirst("button[id$=:" + id + "]");
            if (row.text().contains(text) && button != null) {
                return button.attr("name");
            }
        }
        throw new AssertionError("no " + id + " button in the row of " + text + ": " + page.text());
    }

    static String removeButton(Page page) {
        Element button = page.document().selectFirst("form#editors button[name], form#editors input[type=submit]");
        assertNotNull(button, "a remove button");
        return button.attr("name");
    }

    @Test
    @DisplayName("the admin edits the coalition's postal address, and invitation mails carry it in their footer")
    void coalitionSettingsReachMailFooters() throws Exception {
        Page settings = admin.get("/admin/coalition?lang=en");
        Page empty = admin.submit(settings, "coalition", Map.of("postalAddress", ""), "save");
        assertTrue(empty.messages().contains("Enter the postal address"), empty.messages());
        String address = "PO Box " + System.nanoTime() + ", Tucson, AZ 85701";
        Page saved = admin.submit(admin.get("/admin/coalition"), "coalition", Map.of("postalAddress", address), "save");
        assertTrue(saved.messages().contains("coalition settings have been saved"), saved.messages());

        long id = createOrganization("Pie de Correo " + System.nanoTime(), Map.of(), null);
        String email = "footer-" + System.nanoTime() + "@puente.test";
        admin.submit(
                admin.get("/admin/organization-editors?id=" + id),
                "invite",
                Map.of("email", email, "language", "ES"),
                "send");
        MimeMessage mail = Mailbox.to(email).get(0);
        assertTrue(Mailbox.part(mail, "text/plain").contains(address));
        assertTrue(Mailbox.part(mail, "text/html").contains(address));
        assertTrue(Mailbox.part(mail, "text/plain").contains("Recibes este mensaje"), "footer in Spanish");

        WebSession editor = new WebSession(base.toURI());
        assertEquals(403, editorOf(editor, id).get("/admin/coalition").status(), "editors may not change it");
    }

    WebSession editorOf(WebSession session, long organizationId) throws Exception {
        return Accounts.newEditor(admin, session, organizationId);
    }

    /** The name of the button with that id in the pending invitation's line that mentions {@code text}. */
    static String buttonInLine(Page page, String text, String id) {
        for (Element line : page.document().select("form#pending li")) {
            Element button = line.selectFirst("button[id$=:" + id + "]");
            if (line.text().contains(text) && button != null) {
                return button.attr("name");
            }
        }
        throw new AssertionError("no " + id + " button by " + text + ": " + page.text());
    }

    @Test
    @DisplayName("an editor invites a co-editor in Spanish: the mail names the editor, not \"Administrator\", and "
            + "the new editor may only be invited to the editor's own organization")
    void editorInvitesCoEditor() throws Exception {
        String name = "Casa Hermana " + System.nanoTime();
        long own = createOrganization(name, Map.of(), null);
        long foreign = createOrganization("Ajena " + System.nanoTime(), Map.of(), null);
        WebSession editor = editorOf(new WebSession(base.toURI()), own);

        Page page = editor.get("/admin/organization-editors?id=" + own + "&lang=en");
        assertEquals(200, page.status());
        assertTrue(page.text().contains("Ed " + own), "the editor sees who acts for the organization");
        assertTrue(page.document().select("button[id$=:remove]").isEmpty(), "editors do not remove each other");
        String coEditor = "coeditora-" + System.nanoTime() + "@puente.test";
        Page sent = editor.submit(page, "invite", Map.of("email", coEditor, "language", "ES"), "send");
        assertTrue(sent.messages().contains("has been sent to " + coEditor), sent.messages());
        assertTrue(sent.document().select("form#pending li").text().contains(coEditor), "listed as pending");

        MimeMessage mail = Mailbox.to(coEditor).get(0);
        assertEquals("es", mail.getHeader("Content-Language", null));
        assertTrue(mail.getSubject().startsWith("Invitación para actuar en nombre de " + name), mail.getSubject());
        String text = Mailbox.part(mail, "text/plain");
        assertTrue(text.contains("Ed " + own + " te ha invitado"), text);
        assertFalse(text.contains("Administrator"), text);

        Page co = new WebSession(base.toURI()).get(Mailbox.link(mail, "/invitation?token="));
        assertEquals("es", co.lang());
        assertNotNull(co.document().getElementById("accept"), "the co-editor's link works");

        assertEquals(
                403, editor.get("/admin/organization-editors?id=" + foreign).status(), "another organization");
        String forgedAddress = "forged-" + System.nanoTime() + "@puente.test";
        Map<String, String> forged = WebSession.fields(editor.get("/admin/organization-editors?id=" + own), "invite");
        forged.put("invite:email", forgedAddress);
        forged.put("invite:send", "invite:send");
        Page forgedPost = editor.postForm("/admin/organization-editors.xhtml?id=" + foreign, forged);
        assertEquals(403, forgedPost.status(), "an invitation forged for another organization is refused");
        assertFalse(
                admin.get("/admin/organization-editors?id=" + foreign).text().contains(forgedAddress),
                "and nothing is pending there");
        assertTrue(Mailbox.settledTo(base.toURI(), forgedAddress).isEmpty(), "no mail went out");
    }

    @Test
    @DisplayName("an editor resends an invitation (the old link then points to the newer mail) and revokes it "
            + "(the link then says it was withdrawn), in the invitee's language")
    void resendAndRevokeInvitation() throws Exception {
        long own = createOrganization("Reenvío " + System.nanoTime(), Map.of(), null);
        WebSession editor = editorOf(new WebSession(base.toURI()), own);
        String invitee = "reenvio-" + System.nanoTime() + "@puente.test";
        String path = "/admin/organization-editors?id=" + own + "&lang=en";
        editor.submit(editor.get(path), "invite", Map.of("email", invitee, "language", "ES"), "send");
        String firstLink = Mailbox.link(Mailbox.to(invitee).get(0), "/invitation?token=");

        Page page = editor.get(path);
        Page tooSoon = editor.submit(page, "pending", Map.of(), buttonInLine(page, invitee, "resend"));
        assertTrue(tooSoon.messages().contains("less than five minutes ago"), tooSoon.messages());
        assertEquals(1, Mailbox.settledTo(base.toURI(), invitee).size(), "no second mail at once");

        TestClock.advance(base.toURI(), Invitation.RESEND_INTERVAL.plusSeconds(1));
        page = editor.get(path);
        Page resent = editor.submit(page, "pending", Map.of(), buttonInLine(page, invitee, "resend"));
        assertTrue(resent.messages().contains("A new invitation has been sent to " + invitee), resent.messages());
        List<MimeMessage> mails = Mailbox.to(invitee, 2);
        assertEquals(2, mails.size());
        String secondLink = Mailbox.link(mails.get(1), "/invitation?token=");
        assertFalse(secondLink.equals(firstLink), "a fresh link");
        assertTrue(Mailbox.part(mails.get(1), "text/plain").contains("te ha invitado"), "again in Spanish");

        WebSession invited = new WebSession(base.toURI());
        Page old = invited.get(firstLink);
        assertTrue(old.text().contains("Una invitación más reciente reemplazó a esta"), old.text());
        assertNull(old.document().getElementById("accept"), "the old link accepts nothing");
        assertNotNull(invited.get(secondLink).document().getElementById("accept"), "the new link works");

        page = editor.get(path);
        Page revoked = editor.submit(page, "pending", Map.of(), buttonInLine(page, invitee, "revoke"));
        assertTrue(
                revoked.messages().contains("The invitation to " + invitee + " has been revoked"), revoked.messages());
        assertFalse(revoked.document().select("form#pending li").text().contains(invitee), "no longer pending");
        Page refused = invited.get(secondLink);
        assertEquals("es", refused.lang());
        assertTrue(refused.text().contains("Esta invitación se anuló y ya no se puede usar"), refused.text());
        assertNull(refused.document().getElementById("accept"), "the revoked link accepts nothing");
    }

    @Test
    @DisplayName("the admin names the coalition in Spanish: the Spanish home page and a Spanish invitation mail "
            + "show that name, and the admin, who has no personal name, is not called \"Administrator\"")
    void coalitionNameInSpanish() throws Exception {
        Page settings = admin.get("/admin/coalition?lang=en");
        Map<String, String> before = WebSession.fields(settings, "coalition");
        String english = "Bridge Coalition " + System.nanoTime();
        String spanish = "Coalición Puente " + System.nanoTime();
        try {
            Page blank = admin.submit(settings, "coalition", Map.of("nameEs", ""), "save");
            assertTrue(blank.messages().contains("name in Spanish"), blank.messages());
            Page saved = admin.submit(
                    admin.get("/admin/coalition?lang=en"),
                    "coalition",
                    Map.of("name", english, "nameEs", spanish),
                    "save");
            assertTrue(saved.messages().contains("coalition settings have been saved"), saved.messages());

            WebSession reader = new WebSession(base.toURI());
            Page es = reader.get("/?lang=es");
            assertEquals(spanish, es.document().selectFirst("h1").text());
            assertTrue(es.document().title().contains(spanish), es.document().title());
            assertFalse(es.text().contains(english), "no English name on the Spanish page");
            assertEquals(
                    english,
                    new WebSession(base.toURI())
                            .get("/?lang=en")
                            .document()
                            .selectFirst("h1")
                            .text());

            long id = createOrganization("Nombre de Coalición " + System.nanoTime(), Map.of(), null);
            String email = "coalicion-" + System.nanoTime() + "@puente.test";
            admin.submit(
                    admin.get("/admin/organization-editors?id=" + id),
                    "invite",
                    Map.of("email", email, "language", "ES"),
                    "send");
            MimeMessage mail = Mailbox.to(email).get(0);
            String text = Mailbox.part(mail, "text/plain");
            // The inviter by name (the test admin has one); the coalition by its Spanish name in the footer.
            assertTrue(text.contains(TestEnvironment.ADMIN_NAME + " te ha invitado"), text);
            assertTrue(text.contains(spanish), "the coalition's Spanish name: " + text);
            assertTrue(text.contains("Recibes este mensaje"), "footer in Spanish");
            assertFalse(text.contains(english), text);
            assertFalse(text.contains("Administrator"), text);
            assertTrue(Mailbox.part(mail, "text/html").contains(spanish));
        } finally {
            admin.submit(
                    admin.get("/admin/coalition?lang=en"),
                    "coalition",
                    Map.of(
                            "name", before.get("coalition:name"),
                            "nameEs", before.get("coalition:nameEs")),
                    "save");
        }
    }

    @Test
    @DisplayName("the admin invites a staff member, who sees every organization and invites editors, but edits none")
    void staffInvitation() throws Exception {
        long id = createOrganization("Para el Personal " + System.nanoTime(), Map.of(), null);
        String staffEmail = "staff-" + System.nanoTime() + "@puente.test";
        Page team = admin.get("/admin/team?lang=en");
        Page existing = admin.submit(team, "invite", Map.of("email", TestEnvironment.ADMIN_EMAIL), "send");
        assertTrue(existing.messages().contains("already has an account"), existing.messages());
        Page sent =
                admin.submit(admin.get("/admin/team"), "invite", Map.of("email", staffEmail, "language", "EN"), "send");
        assertTrue(sent.messages().contains("has been sent to " + staffEmail), sent.messages());

        MimeMessage mail = Mailbox.to(staffEmail).get(0);
        assertEquals("Invitation to join the coalition staff on Puente", mail.getSubject());
        WebSession staff = new WebSession(base.toURI());
        String link = Mailbox.link(mail, "/invitation?token=");
        Page accept = staff.get(link);
        assertTrue(accept.text().contains("join the coalition staff"), accept.text());
        Page accepted = staff.submit(
                accept,
                "accept",
                Map.of("name", "Sam Staff", "password", "staff member phrase", "confirmation", "staff member phrase"),
                "submit");
        assertTrue(accepted.messages().contains("Welcome to the coalition staff"), accepted.messages());
        assertTrue(
                signIn(staff, staffEmail, "staff member phrase").uri().getPath().startsWith("/admin"));

        Page list = staff.get("/admin/organizations");
        assertTrue(list.text().contains("Frontera Family Network"), "staff see every organization");
        assertNull(list.document().getElementById("new"), "staff do not create organizations");
        assertEquals(403, staff.get("/admin/organization?id=" + id).status(), "staff do not edit profiles");
        assertEquals(403, staff.get("/admin/team").status());
        assertEquals(403, staff.get("/admin/coalition").status());

        String editorEmail = "by-staff-" + System.nanoTime() + "@puente.test";
        Page invited = staff.submit(
                staff.get("/admin/organization-editors?id=" + id),
                "invite",
                Map.of("email", editorEmail, "language", "ES"),
                "send");
        assertTrue(invited.messages().contains(editorEmail), invited.messages());
        assertEquals(1, Mailbox.to(editorEmail).size());
        assertTrue(admin.get("/admin/team").text().contains("Sam Staff"), "listed in the team");

        String mistaken = "mistaken-" + System.nanoTime() + "@puente.test";
        admin.submit(admin.get("/admin/team?lang=en"), "invite", Map.of("email", mistaken, "language", "EN"), "send");
        String mistakenLink = Mailbox.link(Mailbox.to(mistaken).get(0), "/invitation?token=");
        Page pending = admin.get("/admin/team?lang=en");
        Page revoked = admin.submit(pending, "pending", Map.of(), buttonInLine(pending, mistaken, "revoke"));
        assertTrue(revoked.messages().contains("has been revoked"), revoked.messages());
        Page refused = new WebSession(base.toURI()).get(mistakenLink);
        assertTrue(refused.text().contains("has been withdrawn"), refused.text());
        assertNull(refused.document().getElementById("accept"), "a revoked staff invitation accepts nobody");
    }

    @Test
    @DisplayName("an expired invitation link gets a clear page in the invitee's language")
    void expiredInvitation() throws Exception {
        long id = createOrganization("Caducada " + System.nanoTime(), Map.of(), null);
        String email = "late-" + System.nanoTime() + "@puente.test";
        admin.submit(
                admin.get("/admin/organization-editors?id=" + id),
                "invite",
                Map.of("email", email, "language", "EN"),
                "send");
        String link = Mailbox.link(Mailbox.to(email).get(0), "/invitation?token=");
        try (Connection db = TestEnvironment.database();
                PreparedStatement update = db.prepareStatement(
                        "UPDATE invitation SET expires_at = NOW() - INTERVAL 1 DAY WHERE email = ?")) {
            update.setString(1, email);
            assertEquals(1, update.executeUpdate());
        }
        Page page = new WebSession(base.toURI()).get(link);
        assertEquals("en", page.lang());
        assertTrue(page.text().contains("This invitation has expired"), page.text());
        assertNull(page.document().getElementById("accept"), "no form on an expired invitation");
    }

    @Test
    @DisplayName("bad input on the organization form: clear messages in the person's language, nothing saved, no 500")
    void badInputOnOrganizationForm() throws Exception {
        admin.get("/admin/organizations?lang=es");
        Page form = admin.get("/admin/organization");
        assertEquals("es", form.lang());
        Map<Map<String, String>, String> catalogue = new java.util.LinkedHashMap<>();
        catalogue.put(Map.of("name", ""), "Escribe el nombre de la organización");
        catalogue.put(Map.of("name", "x".repeat(201)), "demasiado largo");
        catalogue.put(Map.of("name", "Válida", "contactEmail", "not-an-email"), "correo electrónico válido");
        catalogue.put(Map.of("name", "Válida", "city", "Tuc\u0000son"), "no están permitidos");
        catalogue.put(Map.of("name", "Válida", "country", "USA"), "Elige un país de la lista");
        catalogue.put(Map.of("name", "Válida", "website", "javascript:alert(1)"), "https://");
        catalogue.put(Map.of("name", "Válida", "descriptionEn", "y".repeat(5001)), "demasiado largo");
        for (var entry : catalogue.entrySet()) {
            Map<String, String> values = new HashMap<>(Map.of("country", "MX"));
            values.putAll(entry.getKey());
            Page page = admin.submitWithFiles(form, "form", values, "save", Map.of());
            assertEquals(422, page.status(), entry.getKey().toString());
            assertTrue(page.messages().contains(entry.getValue()), entry.getKey() + " → " + page.messages());
            assertTrue(page.uri().getPath().startsWith("/admin/organization"), "stays on the form");
        }
        Page notImage = admin.submitWithFiles(
                form,
                "form",
                Map.of("name", "Con logo falso " + System.nanoTime(), "country", "MX"),
                "save",
                Map.of("form:logo", Map.entry("logo.png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))));
        assertTrue(notImage.messages().contains("PNG o JPEG"), notImage.messages());
        assertFalse(admin.get("/admin/organizations").text().contains("Con logo falso"), "nothing half-saved");

        Page huge = admin.submitWithFiles(form, "form", Map.of("name", "z".repeat(5 * 1024 * 1024)), "save", Map.of());
        assertEquals(413, huge.status());
        assertTrue(huge.text().contains("Lo que enviaste es demasiado grande"), huge.text());

        String scriptName = "<script>alert('x')</script> Org " + System.nanoTime();
        createOrganization(scriptName, Map.of(), null);
        Page page = new WebSession(base.toURI()).get("/organizations");
        assertTrue(page.text().contains(scriptName), "shown as text");
        assertTrue(
                page.document().select("script").stream()
                        .noneMatch(s -> s.data().contains("alert('x')")),
                "never executed as markup");
    }

    @Test
    @DisplayName("bad input on the invitation, sign-in and reset forms gets messages, never a 500")
    void badInputOnOtherForms() throws Exception {
        long id = createOrganization("Formularios " + System.nanoTime(), Map.of(), null);
        Page editors = admin.get("/admin/organization-editors?id=" + id + "&lang=en");
        for (String email :
                new String[] {"", "no-at-sign", "a@b", "x".repeat(300) + "@example.org", "nul\u0000@x.org"}) {
            Page page = admin.submit(editors, "invite", Map.of("email", email), "send");
            assertEquals(422, page.status(), email);
            assertTrue(page.messages().contains("e-mail address"), email + " → " + page.messages());
        }
        Page staffAddress = admin.submit(editors, "invite", Map.of("email", TestEnvironment.ADMIN_EMAIL), "send");
        assertTrue(staffAddress.messages().contains("coalition staff account"), staffAddress.messages());

        WebSession visitor = new WebSession(base.toURI()).ownClientAddress();
        for (String email : new String[] {"", "x".repeat(400), "<script>alert(1)</script>", "a\u0000b@x.org"}) {
            Page page = visitor.submit(
                    visitor.get("/login?lang=es"),
                    "login",
                    Map.of("email", email, "password", "whatever-whatever"),
                    "submit");
            assertEquals(422, page.status(), email);
            assertFalse(page.messages().isBlank(), email);
            assertFalse(page.body().contains("<script>alert(1)</script>"), "escaped");
        }
        Page reset = visitor.submit(
                visitor.get("/password-forgot?lang=es"), "forgot", Map.of("email", "no es correo"), "submit");
        assertTrue(reset.messages().contains("correo electrónico válido"), reset.messages());
        Page invitation = visitor.get("/invitation?token=" + "z".repeat(43) + "&lang=es");
        assertTrue(invitation.text().contains("no es válido"), invitation.text());
    }
}
