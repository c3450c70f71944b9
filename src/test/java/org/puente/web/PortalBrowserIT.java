package org.puente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.puente.testing.Browser;
import org.puente.testing.Deployments;
import org.puente.testing.Mailbox;
import org.puente.testing.TestClock;
import org.puente.testing.TestEnvironment;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("The portal in a real browser, in English and Spanish, on a desktop and a phone")
class PortalBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    /** One Chromium for the class (starting one costs seconds); each test begins as a new visitor. */
    static Browser browser;

    WebDriver driver;

    @BeforeAll
    static void open() {
        browser = Browser.open();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void newVisitor() {
        browser.forgetVisitor();
        driver = browser.driver();
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    String lang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Fails when a page shows a raw bundle key or JSF's ???missing??? marker. */
    void assertNoRawKeys() throws Exception {
        Properties keys = new Properties();
        try (var in = getClass().getResourceAsStream("/org/puente/i18n/messages_en.properties")) {
            keys.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String text = bodyText() + " " + driver.getTitle();
        assertFalse(text.contains("???"), "a missing key marker on " + driver.getCurrentUrl());
        Set<String> shown = new TreeSet<>();
        for (String key : keys.stringPropertyNames()) {
            if (key.contains(".") && showsAsWord(text, key)) {
                shown.add(key);
            }
        }
        assertEquals(Set.of(), shown, "raw keys on " + driver.getCurrentUrl());
    }

    /**
     * Whether {@code key} stands in {@code text} as a word: after the start, a space or "(", and before the end, a
     * space, ")", "." or ","; what {@code text.matches("(?s).*(^|[\\s(])" + quote(key) + "($|[\\s).,]).*")} says,
     * found with {@code indexOf} instead of a regular expression per key (0.3 s a page for 1,300 keys).
     */
    static boolean showsAsWord(String text, String key) {
        for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
            int end = at + key.length();
            boolean before = at == 0 || " \t\n\u000B\f\r(".indexOf(text.charAt(at - 1)) >= 0;
            boolean after = end == text.length()
                    || " \t\n\u000B\f\r).,".indexOf(text.charAt(end)) >= 0
                    || isFinalLineEnd(text.substring(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    /** What a regular expression's {@code $} also matches before: one line terminator ending the text. */
    private static boolean isFinalLineEnd(String rest) {
        return rest.equals("\r\n") || (rest.length() == 1 && "\n\r\u0085\u2028\u2029".indexOf(rest.charAt(0)) >= 0);
    }

    void assertAccessible() {
        List<String> violations = browser.seriousAccessibilityViolations();
        assertEquals(List.of(), violations, "axe on " + driver.getCurrentUrl());
    }

    @Test
    @DisplayName(
            "a visitor reads the home page and the directory in English, switches to Spanish and stays on the page")
    void homeAndDirectoryInBothLanguages() throws Exception {
        driver.get(url("/?lang=en"));
        assertEquals("en", lang());
        assertTrue(bodyText().contains("Member organizations"));
        assertTrue(driver.findElements(By.cssSelector(".card")).size() >= 3, "the demo organizations");
        assertNoRawKeys();
        assertAccessible();
        browser.screenshot("home-en");

        driver.get(url("/organizations"));
        assertEquals("en", lang());
        browser.clickAndWait(By.cssSelector("a.lang-switch"));
        assertEquals("es", lang(), "the new page is in Spanish");
        assertTrue(driver.getCurrentUrl().contains("/organizations"), "still the directory: " + driver.getCurrentUrl());
        assertTrue(bodyText().contains("Organizaciones miembro"));
        assertNoRawKeys();
        assertAccessible();
        browser.screenshot("directory-es");

        driver.get(url("/"));
        assertEquals("es", lang(), "the choice is remembered");
        assertTrue(bodyText().contains("Somos una coalición"), bodyText());
        assertNoRawKeys();
        browser.screenshot("home-es");

        browser.clickAndWait(By.cssSelector(".card__title a[href*='/organizations/']"));
        assertTrue(driver.getCurrentUrl().contains("/organizations/"));
        assertEquals("es", lang());
        assertNoRawKeys();
        assertAccessible();
        browser.screenshot("organization-es");

        driver.get(url("/embed/petitions/reunite-families-now?lang=es"));
        assertEquals("es", lang());
        assertNoRawKeys();
        assertAccessible();
        browser.screenshot("embed-widget-es");

        driver.get(url("/login?lang=en"));
        assertNoRawKeys();
        assertAccessible();
        driver.get(url("/no-such-page?lang=es"));
        assertTrue(bodyText().contains("Página no encontrada"));
        assertNoRawKeys();
        browser.screenshot("not-found-es");
    }

    @Test
    @DisplayName("on a 375 px phone the pages fit the screen and keep the language switcher in reach")
    void phone() throws Exception {
        browser.size(375, 812);
        for (String path : new String[] {"/?lang=es", "/organizations?lang=en", "/login?lang=es"}) {
            driver.get(url(path));
            long scrollWidth =
                    (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
            long viewport = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
            assertTrue(scrollWidth <= viewport, path + " overflows: " + scrollWidth + " > " + viewport);
            assertTrue(driver.findElement(By.cssSelector("a.lang-switch")).isDisplayed());
            assertNoRawKeys();
        }
        driver.get(url("/?lang=es"));
        assertAccessible();
        browser.screenshot("home-es-375px");
        driver.get(url("/organizations?lang=en"));
        browser.screenshot("directory-en-375px");
    }

    @Test
    @DisplayName("on a phone the menu folds behind one control that opens without JavaScript; on a desktop it is a row")
    void menuFoldsOnPhone() throws Exception {
        By links = By.cssSelector(".site-nav a");
        By toggle = By.cssSelector("summary.site-menu__toggle");
        browser.size(375, 812);
        browser.pageScripts(false);
        try {
            driver.get(url("/?lang=es"));
            assertEquals(
                    "Menú",
                    driver.findElement(toggle).getAccessibleName(),
                    "the control is named in the page's language");
            assertTrue(driver.findElement(By.cssSelector("a.lang-switch")).isDisplayed(), "the language in reach");
            assertTrue(
                    driver.findElements(links).stream().noneMatch(WebElement::isDisplayed),
                    "the links are folded away at first");
            long headerHeight =
                    driver.findElement(By.cssSelector(".site-header")).getSize().getHeight();
            assertTrue(
                    headerHeight <= 812 / 8, "the header takes one row of the first screen: " + headerHeight + " px");
            browser.screenshot("menu-closed-es-375px");

            driver.findElement(toggle).click();
            assertTrue(
                    driver.findElement(By.cssSelector("details.site-menu"))
                            .getDomProperty("open")
                            .equals("true"),
                    "the disclosure is open");
            List<WebElement> shown = driver.findElements(links);
            assertTrue(
                    shown.size() >= 5 && shown.stream().allMatch(WebElement::isDisplayed), "opening shows the links");
            assertTrue(bodyText().contains("Organizaciones miembro"), bodyText());
            browser.screenshot("menu-open-es-375px");
            browser.clickAndWait(By.linkText("Eventos"));
            assertTrue(driver.getCurrentUrl().contains("/events"), driver.getCurrentUrl());

            driver.findElement(toggle).sendKeys(Keys.ENTER);
            assertTrue(driver.findElement(links).isDisplayed(), "the keyboard opens it too");
            driver.findElement(toggle).sendKeys(Keys.ENTER);
            assertFalse(driver.findElement(links).isDisplayed(), "and closes it");
        } finally {
            browser.pageScripts(true);
        }
        driver.get(url("/?lang=es"));
        driver.findElement(toggle).click();
        assertAccessible(); // axe runs as a page script, so with scripts back on

        browser.size(1280, 900);
        driver.get(url("/?lang=en"));
        assertFalse(driver.findElement(toggle).isDisplayed(), "no menu control on a desktop");
        assertTrue(driver.findElements(links).stream().allMatch(WebElement::isDisplayed), "the links in a row");
        assertTrue(driver.findElement(By.cssSelector("a.lang-switch")).isDisplayed());
        assertAccessible();
        browser.screenshot("menu-row-en-1280px");
    }

    @Test
    @DisplayName("on a phone, a visitor signs a petition in Spanish, confirms from the mail, and sees the count rise")
    void signPetitionOnPhone() throws Exception {
        browser.size(375, 812);
        driver.get(url("/petitions/reunite-families-now?lang=es"));
        assertEquals("es", lang());
        assertNoRawKeys();
        assertAccessible();
        long before =
                Long.parseLong(driver.findElement(By.id("count")).getText().replaceAll("^(\\d+).*", "$1"));
        browser.screenshot("petition-es-375px");

        String email = "telefono-" + System.nanoTime() + "@example.org";
        driver.findElement(By.id("sign:firstName")).sendKeys("Juana");
        driver.findElement(By.id("sign:lastName")).sendKeys("Quispe");
        driver.findElement(By.id("sign:email")).sendKeys(email);
        new Select(driver.findElement(By.id("sign:country"))).selectByValue("PE");
        driver.findElement(By.id("sign:consent")).click();
        browser.screenshot("petition-form-es-375px");
        // As long as a person takes to fill in the form passes on the portal's clock, whatever the time axe took.
        TestClock.fillingInTheForm(base.toURI());
        browser.clickAndWait(By.id("sign:submit"));
        assertTrue(bodyText().contains("Revisa tu correo"), bodyText());
        browser.screenshot("petition-check-email-es-375px");

        String link = Mailbox.link(Mailbox.to(email).get(0), "/signature-confirm?token=");
        driver.get(url(link));
        assertNoRawKeys();
        browser.screenshot("signature-confirm-es-375px");
        browser.clickAndWait(By.id("confirm:submit"));
        assertTrue(bodyText().contains("Tu firma está confirmada"), bodyText());
        long after = Long.parseLong(driver.findElement(By.id("count")).getText().replaceAll("^(\\d+).*", "$1"));
        assertEquals(before + 1, after);
        assertAccessible();
        browser.screenshot("petition-confirmed-es-375px");
    }

    @Test
    @DisplayName("staff write a petition in the text editor: it loads under the CSP, bold survives, pasted colour goes")
    void petitionTextEditor() throws Exception {
        browser.recordPageProblems();
        driver.get(url("/login?lang=en"));
        driver.findElement(By.id("login:email")).sendKeys(TestEnvironment.ADMIN_EMAIL);
        driver.findElement(By.id("login:password")).sendKeys(TestEnvironment.adminPassword());
        browser.clickAndWait(By.id("login:submit"));
        driver.get(url("/admin/petition?lang=en"));
        var wait = browser.waiting(java.time.Duration.ofSeconds(10));
        WebElement english = wait.until(d -> d.findElement(By.cssSelector("[id='form:textEn'] .ql-editor")));
        wait.until(d ->
                !d.findElements(By.cssSelector("[id='form:textEs'] .ql-editor")).isEmpty());
        assertEquals(List.of(), browser.pageProblems(), "the editor loads without CSP violations or script errors");
        assertEquals(
                7,
                driver.findElements(By.cssSelector("[id='form:textEn_toolbar'] button"))
                        .size(),
                "only what the sanitizer keeps: bold, italic, two lists, quotation, link, clear");

        String slug = "editor-" + System.nanoTime();
        driver.findElement(By.id("form:titleEn")).sendKeys("Written in the editor " + slug);
        driver.findElement(By.id("form:targetEn")).sendKeys("To the US Congress");
        driver.findElement(By.id("form:slug")).sendKeys(slug);
        english.click();
        english.sendKeys("Free ");
        driver.findElement(By.cssSelector("[id='form:textEn_toolbar'] .ql-bold"))
                .click();
        english.sendKeys("families");
        assertEquals("families", english.findElement(By.tagName("strong")).getText(), "bold in the editor");
        // What pasting from a web page gives Quill: a coloured span, which the portal does not keep.
        ((JavascriptExecutor) driver)
                .executeScript("Quill.find(document.getElementById('form:textEs_editor'))"
                        + ".clipboard.dangerouslyPasteHTML('<p>Liberen <span style=\"color: red\">ya</span></p>');");
        browser.screenshot("admin-petition-editor");
        browser.clickAndWait(By.id("form:save"));
        assertTrue(bodyText().contains("has been saved as a draft"), bodyText());
        assertTrue(bodyText().contains("Some formatting was removed: colours"), bodyText());
        browser.screenshot("admin-petition-editor-saved");
        assertEquals(List.of(), browser.pageProblems());

        try (var db = TestEnvironment.database();
                var query = db.prepareStatement("SELECT text_en, text_es FROM petition WHERE slug = ?")) {
            query.setString(1, slug);
            try (var rs = query.executeQuery()) {
                assertTrue(rs.next(), "saved");
                assertEquals("<p>Free <strong>families</strong></p>", rs.getString(1));
                assertEquals("<p>Liberen ya</p>", rs.getString(2));
            }
        }
        WebElement row = driver.findElements(By.cssSelector("tr")).stream()
                .filter(r -> r.getText().contains(slug))
                .findFirst()
                .orElseThrow();
        browser.clickAndWait(row.findElement(By.linkText("Edit")));
        WebElement reopened = wait.until(d -> d.findElement(By.cssSelector("[id='form:textEn'] .ql-editor strong")));
        assertEquals("families", reopened.getText(), "bold survives the save and shows again in the editor");
        assertEquals(List.of(), browser.pageProblems());
        assertAccessible();
    }

    @Test
    @DisplayName("the admin signs in, creates an organization with a logo, and invites an editor who then edits it")
    void adminCreatesAndInvites() throws Exception {
        driver.get(url("/login?lang=en"));
        driver.findElement(By.id("login:email")).sendKeys(TestEnvironment.ADMIN_EMAIL);
        driver.findElement(By.id("login:password")).sendKeys(TestEnvironment.adminPassword());
        browser.screenshot("login-en");
        browser.clickAndWait(By.id("login:submit"));
        assertTrue(driver.getCurrentUrl().contains("/admin"), driver.getCurrentUrl());
        assertTrue(bodyText().contains("Welcome, " + org.puente.testing.TestEnvironment.ADMIN_NAME));
        browser.screenshot("admin-dashboard");
        driver.get(url("/admin/petitions"));
        assertTrue(bodyText().contains("Reunite separated families now"), bodyText());
        browser.screenshot("admin-petitions");
        browser.clickAndWait(By.cssSelector("a[id$=':review']"));
        assertTrue(bodyText().contains("Held signatures"), bodyText());
        assertNoRawKeys();
        assertAccessible();
        browser.screenshot("admin-petition-review");

        driver.get(url("/admin/organizations"));
        browser.clickAndWait(By.id("new"));
        String name = "Puerta Abierta " + System.nanoTime();
        driver.findElement(By.id("form:name")).sendKeys(name);
        driver.findElement(By.id("form:descriptionEn")).sendKeys("Legal clinics for families seeking asylum.");
        driver.findElement(By.id("form:descriptionEs")).sendKeys("Clínicas legales para familias que buscan asilo.");
        driver.findElement(By.id("form:city")).sendKeys("San Diego");
        driver.findElement(By.id("form:region")).sendKeys("California");
        driver.findElement(By.id("form:country")).sendKeys("US");
        driver.findElement(By.id("form:contactEmail")).sendKeys("hola@puerta.example.org");
        File logo = File.createTempFile("logo", ".png");
        ImageIO.write(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), "png", logo);
        driver.findElement(By.id("form:logo")).sendKeys(logo.getAbsolutePath());
        browser.screenshot("admin-new-organization");
        browser.clickAndWait(By.id("form:save"));
        assertTrue(bodyText().contains(name + " has been created"), bodyText());
        browser.screenshot("admin-organization-created");

        WebElement row = driver.findElements(By.cssSelector("tr")).stream()
                .filter(r -> r.getText().contains(name))
                .findFirst()
                .orElseThrow();
        browser.clickAndWait(row.findElement(By.linkText("Editors")));
        String editorEmail = "editor-" + System.nanoTime() + "@puente.test";
        driver.findElement(By.id("invite:email")).sendKeys(editorEmail);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("invite:language"))).selectByValue("ES");
        browser.clickAndWait(By.id("invite:send"));
        assertTrue(bodyText().contains("The invitation has been sent to " + editorEmail), bodyText());
        browser.screenshot("admin-invitation-sent");

        String link = Mailbox.link(Mailbox.to(editorEmail).get(0), "/invitation?token=");
        driver.manage().deleteAllCookies();
        driver.get(url(link));
        assertEquals("es", lang(), "the invitee's language");
        driver.findElement(By.id("accept:name")).sendKeys("Rosa Méndez");
        driver.findElement(By.id("accept:password")).sendKeys("caminamos juntas 2026");
        driver.findElement(By.id("accept:confirmation")).sendKeys("caminamos juntas 2026");
        browser.screenshot("invitation-es");
        browser.clickAndWait(By.id("accept:submit"));
        assertTrue(bodyText().contains("Ya puedes iniciar sesión"), bodyText());

        driver.findElement(By.id("login:email")).sendKeys(editorEmail);
        driver.findElement(By.id("login:password")).sendKeys("caminamos juntas 2026");
        browser.clickAndWait(By.id("login:submit"));
        driver.get(url("/admin/organizations"));
        assertTrue(bodyText().contains(name));
        browser.clickAndWait(By.linkText("Editar"));
        WebElement description = driver.findElement(By.id("form:descriptionEs"));
        description.clear();
        description.sendKeys("Clínicas legales gratuitas para familias que buscan asilo.");
        browser.clickAndWait(By.id("form:save"));
        assertTrue(bodyText().contains("Se guardaron los cambios de " + name), bodyText());
        browser.screenshot("editor-saved-es");

        driver.get(url("/organizations/" + org.puente.organization.Organization.slugOf(name) + "?lang=es"));
        assertTrue(bodyText().contains("Clínicas legales gratuitas"));
        assertAccessible();
        browser.screenshot("organization-edited-es");
        Files.deleteIfExists(logo.toPath());
    }

    @Test
    @DisplayName(
            "staff write an alert in both languages, count the audience, test-send, send, and watch it reach 100 %")
    void staffSendAnAlert() throws Exception {
        String prefix = "B" + System.nanoTime() % 1_000_000;
        try (var db = TestEnvironment.database();
                var insert = db.prepareStatement(
                        "INSERT INTO supporter (email, email_canonical, first_name, last_name, "
                                + "postal_code, country, language, status, consent_at, consent_source, created_at, updated_at) "
                                + "VALUES (?, ?, 'Eva', 'Prueba', ?, 'US', ?, 'SUBSCRIBED', NOW(6), 'test', NOW(6), NOW(6))")) {
            for (int i = 0; i < 40; i++) {
                String email = prefix.toLowerCase() + "-" + i + "@example.org";
                insert.setString(1, email);
                insert.setString(2, email);
                insert.setString(3, prefix + " " + i);
                insert.setString(4, i % 2 == 0 ? "en" : "es");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        driver.get(url("/login?lang=en"));
        driver.findElement(By.id("login:email")).sendKeys(TestEnvironment.ADMIN_EMAIL);
        driver.findElement(By.id("login:password")).sendKeys(TestEnvironment.adminPassword());
        browser.clickAndWait(By.id("login:submit"));
        driver.get(url("/admin/alert?lang=en"));
        driver.findElement(By.id("form:subjectEn")).sendKeys("Vigil tonight at the federal building");
        driver.findElement(By.id("form:subjectEs")).sendKeys("Vigilia esta noche en el edificio federal");
        driver.findElement(By.id("form:bodyEn")).sendKeys("<p>Bring a candle and a friend.</p>");
        driver.findElement(By.id("form:bodyEs")).sendKeys("<p>Trae una vela y a una amiga.</p>");
        driver.findElement(By.id("form:actionLabelEn")).sendKeys("Details");
        driver.findElement(By.id("form:actionUrlEn")).sendKeys("https://example.org/vigil");
        driver.findElement(By.id("form:actionLabelEs")).sendKeys("Detalles");
        driver.findElement(By.id("form:actionUrlEs")).sendKeys("https://example.org/vigilia");
        driver.findElement(By.id("form:postalPrefix")).sendKeys(prefix);
        browser.clickAndWait(By.id("form:count"));
        assertTrue(bodyText().contains("The audience holds 40 supporters right now"), bodyText());
        browser.clickAndWait(By.id("form:test"));
        assertTrue(bodyText().contains("Test sent to your address in: English, Spanish"), bodyText());
        assertNoRawKeys();
        assertAccessible();
        browser.screenshot("admin-alert-compose");

        // The preview: each language as the mail will look, in a desktop and a phone frame.
        driver.findElement(By.id("form:bodyEs")).sendKeys(Keys.END, "<p>Nos vemos a las ocho.</p>");
        driver.findElement(By.id("form:preview")).click();
        // The Ajax update replaces the frames: one found a moment ago may be gone, so look again.
        browser.waiting(java.time.Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("section[data-language=es] iframe.alert-preview__phone"))
                        .getAttribute("src")
                        .endsWith("v=1"));
        WebElement phoneFrame =
                driver.findElement(By.cssSelector("section[data-language=es] iframe.alert-preview__phone"));
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].scrollIntoView();", phoneFrame.findElement(By.xpath("./ancestor::section")));
        driver.switchTo().frame(phoneFrame);
        String previewEs = driver.findElement(By.tagName("body")).getText();
        driver.switchTo().defaultContent();
        assertTrue(
                previewEs.contains("Trae una vela y a una amiga.")
                        && previewEs.contains("Nos vemos a las ocho.")
                        && previewEs.contains("Dejar de recibir estas alertas")
                        && previewEs.contains("Detalles"),
                "the Spanish preview shows the saved text, button and footer: " + previewEs);
        browser.screenshot("admin-alert-preview");
        browser.size(390, 844);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", phoneFrame);
        browser.screenshot("admin-alert-preview-390px");
        browser.size(1280, 900);

        browser.clickAndWait(By.id("form:send"));
        assertTrue(bodyText().contains("Send to 40 supporters (20 in English, 20 in Spanish) now?"), bodyText());
        browser.screenshot("admin-alert-send-confirm");
        browser.clickAndWait(By.id("form:confirmSend"));
        assertTrue(bodyText().contains("going out to 40 supporters"), bodyText());
        browser.waiting(java.time.Duration.ofSeconds(60)).until(d -> bodyText().contains("40 sent, 0 failed"));
        assertTrue(bodyText().contains("Sent"), "the list refreshed itself to the end: " + bodyText());
        assertAccessible();
        browser.screenshot("admin-alerts-sent");

        browser.clickAndWait(By.linkText("Report"));
        assertTrue(bodyText().contains("Alert report"), bodyText());
        assertAccessible();
        browser.screenshot("admin-alert-report");

        // A Spanish reader opens the preferences link from the footer, on a phone.
        String preferences = null;
        for (jakarta.mail.internet.MimeMessage mail : TestEnvironment.mail().getReceivedMessages()) {
            if (mail.getAllRecipients()[0].toString().equals(prefix.toLowerCase() + "-1@example.org")) {
                String html = (String) ((jakarta.mail.internet.MimeMultipart) mail.getContent())
                        .getBodyPart(1)
                        .getContent();
                preferences = html.replaceAll("(?s).*href=\"([^\"]*/preferences\\?[^\"]+)\".*", "$1")
                        .replace("&amp;", "&");
            }
        }
        assertTrue(
                preferences != null && preferences.startsWith(TestEnvironment.BASE_URL),
                "a preferences link: " + preferences);
        browser.size(375, 812);
        driver.get(preferences.replace(TestEnvironment.BASE_URL, url("").replaceAll("/$", "")));
        assertEquals("es", lang());
        assertTrue(bodyText().contains("Tus preferencias de alertas de acción"), bodyText());
        assertNoRawKeys();
        assertAccessible();
        browser.screenshot("preferences-es-375px");
        driver.findElement(By.id("language-en")).click();
        browser.clickAndWait(By.id("save-language"));
        assertEquals("en", lang());
        assertTrue(bodyText().contains("Saved: your next alerts will be in this language."), bodyText());
        browser.screenshot("preferences-saved-en-375px");
    }

    @Test
    @DisplayName(
            "staff import supporters from a CSV (per-row report, in Spanish), find them, and open one; on a phone too")
    void staffManageSupporters() throws Exception {
        String prefix = "m" + System.nanoTime() % 1_000_000;
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("supporters", ".csv");
        java.nio.file.Files.writeString(
                csv,
                "correo;nombre;apellido;codigo_postal;pais;idioma;consentimiento\n"
                        + prefix + "-rosa@example.org;Rosa;Mamani;79901;US;es;sí\n"
                        + prefix + "-luis@example.org;Luis;Pérez;79902;US;en;no\n"
                        + "not-an-address;Ana;Ruiz;79903;US;es;sí\n",
                java.nio.charset.StandardCharsets.UTF_8);
        driver.get(url("/login?lang=es"));
        driver.findElement(By.id("login:email")).sendKeys(TestEnvironment.ADMIN_EMAIL);
        driver.findElement(By.id("login:password")).sendKeys(TestEnvironment.adminPassword());
        browser.clickAndWait(By.id("login:submit"));
        driver.get(url("/admin/supporters-import?lang=es"));
        driver.findElement(By.id("import:file")).sendKeys(csv.toAbsolutePath().toString());
        browser.clickAndWait(By.id("import:upload"));
        String report = bodyText();
        assertEquals(
                "Agregada: 1",
                driver.findElement(By.cssSelector("#totals li[data-outcome=CREATED]"))
                        .getText(),
                report);
        assertEquals(
                "Rechazada: 2",
                driver.findElement(By.cssSelector("#totals li[data-outcome=REFUSED]"))
                        .getText(),
                report);
        assertEquals(
                2,
                driver.findElements(By.cssSelector("tr[class*=outcome-REFUSED]"))
                        .size(),
                "the row without consent and the bad address are refused, each with its reason: " + report);
        assertNoRawKeys();
        assertAccessible();
        browser.screenshot("admin-supporters-import-es");

        driver.get(url("/admin/supporters?lang=en&q=" + prefix));
        assertEquals(
                1,
                driver.findElements(By.partialLinkText(prefix + "-rosa@example.org"))
                        .size(),
                bodyText());
        assertAccessible();
        browser.screenshot("admin-supporters");
        browser.size(375, 812);
        long scrollWidth =
                (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
        long viewport = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
        assertTrue(scrollWidth <= viewport, "the list fits a phone: " + scrollWidth + " > " + viewport);
        browser.screenshot("admin-supporters-375px");
        assertFalse(driver.findElement(By.id("nav-supporters")).isDisplayed(), "staff links folded on a phone");
        driver.findElement(By.cssSelector("summary.site-menu__toggle")).click();
        assertTrue(driver.findElement(By.id("nav-supporters")).isDisplayed());
        assertTrue(driver.findElement(By.cssSelector("#logout button")).isDisplayed(), "signing out in the menu");
        browser.screenshot("admin-menu-open-375px");
        browser.clickAndWait(By.partialLinkText(prefix + "-rosa@example.org"));
        assertTrue(bodyText().contains("Rosa") && bodyText().contains("Spanish"), bodyText());
        assertNoRawKeys();
        assertAccessible();
        browser.screenshot("admin-supporter-375px");
    }
}
