package org.puente.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.puente.testing.Accounts;
import org.puente.testing.Await;
import org.puente.testing.Browser;
import org.puente.testing.Deployments;
import org.puente.testing.Mailbox;
import org.puente.testing.StatementRows;
import org.puente.testing.TestClock;
import org.puente.testing.TestEnvironment;
import org.puente.testing.TestStatements;
import org.puente.testing.TestStatements.Arranged;
import org.puente.testing.WebSession;

/**
 * Statements as the people who sign them meet them in a real browser: a member organization's editor co-signing
 * from the dashboard, and a visitor from an organization outside the coalition signing on from a phone in Spanish,
 * through the mail and staff's check until the organization is listed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Statements in the browser: an editor co-signs; an organization from Honduras signs on from a phone")
class StatementsBrowserIT {

    static final String EDITOR_PASSWORD = "a long enough phrase";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    static Browser browser;
    WebDriver driver;
    URI portal;

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
    void newVisitor() throws Exception {
        browser.forgetVisitor();
        driver = browser.driver();
        portal = base.toURI();
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** An open statement led by Voces Unidas with two demands, one with its addressee; returns its id. */
    long openStatement(String slug) throws Exception {
        Instant now = TestClock.now(portal);
        long id = TestStatements.insert(Arranged.open(slug, "Voces Unidas de Chicago", now.minus(Duration.ofHours(1)))
                .titled("Statement " + slug, "Pronunciamiento " + slug)
                .summarized(
                        "Protection for children and families across borders.",
                        "Protección para la niñez y las familias a través de las fronteras."));
        StatementRows.demand(
                id,
                0,
                "End the detention of families and children.",
                "Poner fin a la detención de familias y de niñas y niños.",
                "To the US Congress",
                "Al Congreso de Estados Unidos");
        StatementRows.demand(
                id,
                1,
                "Guarantee asylum seekers access to legal counsel.",
                "Garantizar a quienes piden asilo acceso a asesoría legal.",
                null,
                null);
        return id;
    }

    @Test
    @DisplayName("a member organization's editor co-signs in English in one step, naming who signs and confirming "
            + "they may; the organization appears among the signatories; the sign page fits a 375 px phone")
    void editorCoSigns() throws Exception {
        String slug = "cosign-" + System.nanoTime();
        long id = openStatement(slug);
        WebSession admin = Accounts.admin(new WebSession(portal));
        long frontera =
                Accounts.idInRow(admin.get("/admin/organizations?lang=en"), "Frontera Family Network", "organization");
        String email = "cosigner-" + System.nanoTime() + "@puente.test";
        Accounts.newEditor(admin, new WebSession(portal), frontera, "EN", email);

        signIn(email, EDITOR_PASSWORD, "en");
        browser.size(375, 740);
        driver.get(url("/admin/statement-sign?id=" + id + "&lang=en"));
        assertReadIn("en", "the sign page");
        assertTrue(bodyText().contains("End the detention of families and children."), "the demands before signing");
        browser.screenshot("admin-statement-sign-375px");
        scrollTo(By.id("sign"));
        browser.screenshot("admin-statement-sign-form-375px");
        assertFitsThePhone("the sign page");
        assertEquals(List.of(), smallTargets("#sign"), "the sign form's targets smaller than 44 px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the sign page on a phone");

        browser.size(1280, 900);
        driver.get(url("/admin/statement-sign?id=" + id + "&lang=en"));
        driver.findElement(By.id("sign:signerName")).sendKeys("Rosa Díaz");
        driver.findElement(By.id("sign:signerTitle")).sendKeys("Executive Director");
        driver.findElement(By.id("sign:authority")).click();
        browser.clickAndWait(By.id("sign:submit"));
        assertTrue(bodyText().contains("Your organization signed the statement."), bodyText());
        String ours = driver.findElement(By.id("ours")).getText();
        assertTrue(ours.contains("Frontera Family Network") && ours.contains("Rosa Díaz"), ours);
        browser.screenshot("admin-statement-signed-en-1280px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the sign page once signed");
        browser.size(375, 740);
        assertFitsThePhone("the sign page once signed");
        assertEquals(List.of(), smallTargets("#signed"), "the withdraw button smaller than 44 px");

        browser.forgetVisitor();
        driver = browser.driver();
        awaitListed(slug, "en", "Frontera Family Network");
        assertFalse(driver.getPageSource().contains("Rosa Díaz"), "who signed is not public");
        browser.screenshot("statement-cosigned-en-1280px");
    }

    @Test
    @DisplayName("a visitor from a Honduran organization signs on in Spanish on a 375 px phone: the form, the mail "
            + "and the confirmation in Spanish; listed once staff verify it")
    void signOnInSpanishOnAPhone() throws Exception {
        String slug = "hn-telefono-" + System.nanoTime();
        long id = openStatement(slug);
        String name = "Red Comunitaria de San Pedro Sula " + slug;
        String email = "dolores-" + System.nanoTime() + "@redhonduras.example.org";

        browser.size(375, 740);
        driver.get(url("/statements/" + slug + "?lang=es"));
        assertReadIn("es", "the statement page");
        assertTrue(bodyText().contains("Poner fin a la detención de familias"), bodyText());
        browser.screenshot("statement-es-375px");
        assertFitsThePhone("the statement page");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the statement page with its form");

        WebElement jump = driver.findElement(By.linkText("Firma este pronunciamiento"));
        assertTrue(jump.getSize().getHeight() >= 44, "a link to the form easy to tap: " + jump.getSize());
        jump.click();
        Await.until(
                "the link to reach the form",
                Duration.ofSeconds(5),
                Duration.ofMillis(50),
                () -> driver.getCurrentUrl().endsWith("#sign-on"));
        assertTrue(isInView(By.id("sign-on-heading")), "the form's heading is on the screen");
        browser.screenshot("statement-signon-es-375px");

        driver.findElement(By.id("signon:organizationName")).sendKeys(name);
        driver.findElement(By.id("signon:site")).sendKeys("https://redhonduras.example.org");
        driver.findElement(By.id("signon:city")).sendKeys("San Pedro Sula");
        driver.findElement(By.id("signon:region")).sendKeys("Cortés");
        new Select(driver.findElement(By.id("signon:country"))).selectByValue("HN");
        driver.findElement(By.id("signon:signerName")).sendKeys("Dolores Aguilar");
        driver.findElement(By.id("signon:signerTitle")).sendKeys("Coordinadora de incidencia");
        driver.findElement(By.id("signon:email")).sendKeys(email);
        assertEquals(
                "ES",
                new Select(driver.findElement(By.id("signon:language")))
                        .getFirstSelectedOption()
                        .getAttribute("value"),
                "the language the page is read in");
        driver.findElement(By.id("signon:authority")).click();
        assertEquals(List.of(), smallTargets("#signon"), "the form's targets smaller than 44 px");
        scrollTo(By.id("signon:city"));
        browser.screenshot("statement-signon-filled-es-375px");
        scrollTo(By.id("signon:email"));
        browser.screenshot("statement-signon-send-es-375px");
        TestClock.fillingInTheForm(portal);
        browser.clickAndWait(By.id("signon:submit"));

        assertTrue(driver.getCurrentUrl().contains("/statement-check-email"), driver.getCurrentUrl());
        assertReadIn("es", "the check-email page");
        assertTrue(bodyText().contains("Revisa tu correo"), bodyText());
        browser.screenshot("statement-check-email-es-375px");
        assertFitsThePhone("the check-email page");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the check-email page");

        MimeMessage mail = Mailbox.to(email).get(0);
        assertEquals("Confirma tu firma: Pronunciamiento " + slug, mail.getSubject());
        String text = Mailbox.part(mail, "text/plain");
        assertTrue(
                text.contains("Pediste firmar «Pronunciamiento " + slug + "» en nombre de " + name),
                "in Spanish: " + text);
        driver.get(url(Mailbox.link(mail, "/statement-signature?token=")));
        assertReadIn("es", "the confirm page");
        assertTrue(bodyText().contains("Pulsa el botón para confirmar la firma de " + name), bodyText());
        browser.screenshot("statement-confirm-es-375px");
        assertFitsThePhone("the confirm page");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the confirm page");
        browser.clickAndWait(By.id("confirm:submit"));
        assertTrue(
                driver.findElement(By.id("waiting")).getText().startsWith("Gracias: la firma está confirmada."),
                bodyText());
        browser.screenshot("statement-confirmed-es-375px");
        assertFitsThePhone("the confirmed page");

        browser.forgetVisitor();
        browser.size(375, 740);
        signIn(TestEnvironment.ADMIN_EMAIL, TestEnvironment.adminPassword(), "es");
        driver.get(url("/admin/statement-verify?id=" + id + "&lang=es"));
        assertReadIn("es", "the verify page");
        WebElement card = driver.findElements(By.cssSelector("#waiting > li")).stream()
                .filter(li -> li.findElement(By.tagName("h2")).getText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(bodyText()));
        String seen = card.getText();
        assertTrue(seen.contains("Dolores Aguilar") && seen.contains(email) && seen.contains("Honduras"), seen);
        browser.screenshot("admin-statement-verify-375px");
        assertFitsThePhone("the verify page");
        assertEquals(List.of(), smallTargets("#waiting"), "the verify page's targets smaller than 44 px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the verify page");
        WebElement verify = card.findElement(By.cssSelector("[id$=':verify']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", verify);
        browser.screenshot("admin-statement-verify-decide-375px");
        browser.clickAndWait(verify);
        assertTrue(bodyText().contains("Verificada: la organización aparece en el pronunciamiento."), bodyText());

        browser.forgetVisitor();
        driver = browser.driver();
        browser.size(375, 740);
        String listed = awaitListed(slug, "es", name);
        assertTrue(listed.contains("San Pedro Sula") && listed.contains("Honduras"), listed);
        scrollTo(By.id("signatories"));
        browser.screenshot("statement-listed-es-375px");
        String source = driver.getPageSource();
        assertFalse(source.contains(email) || source.contains("Dolores Aguilar"), "nor the signer, nor their e-mail");
        assertEquals(
                "Tu firma aparece: Pronunciamiento " + slug,
                Mailbox.to(email, 2).get(1).getSubject());
    }

    @Test
    @DisplayName("a one-letter organization name is refused in Spanish beside the field and in the error summary, "
            + "with what was typed kept")
    void oneLetterNameInSpanish() throws Exception {
        String slug = "hn-corto-" + System.nanoTime();
        openStatement(slug);
        String email = "corto-" + System.nanoTime() + "@example.org";
        browser.size(375, 740);
        driver.get(url("/statements/" + slug + "?lang=es"));
        driver.findElement(By.id("signon:organizationName")).sendKeys("A");
        driver.findElement(By.id("signon:city")).sendKeys("Tegucigalpa");
        new Select(driver.findElement(By.id("signon:country"))).selectByValue("HN");
        driver.findElement(By.id("signon:signerName")).sendKeys("Marco Pineda");
        driver.findElement(By.id("signon:email")).sendKeys(email);
        driver.findElement(By.id("signon:authority")).click();
        TestClock.fillingInTheForm(portal);
        browser.clickAndWait(By.id("signon:submit"));

        assertReadIn("es", "the form's answer");
        String message = "El nombre de la organización debe tener de 2 a 200 caracteres.";
        assertEquals(
                message,
                driver.findElement(By.id("signon:organizationNameError")).getText());
        String summary = driver.findElement(By.id("error-summary")).getText();
        assertTrue(summary.contains("Hay un problema") && summary.contains(message), summary);
        assertEquals(
                "true", driver.findElement(By.id("signon:organizationName")).getAttribute("aria-invalid"));
        assertEquals("A", driver.findElement(By.id("signon:organizationName")).getAttribute("value"));
        assertEquals("Tegucigalpa", driver.findElement(By.id("signon:city")).getAttribute("value"));
        assertEquals(email, driver.findElement(By.id("signon:email")).getAttribute("value"));
        scrollTo(By.id("error-summary"));
        browser.screenshot("statement-signon-error-es-375px");
        assertFitsThePhone("the form with its error");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the form with its error");
        assertTrue(Mailbox.settledTo(portal, email).isEmpty(), "nothing to confirm");
    }

    /** Signs in through the login form, in {@code lang}. */
    void signIn(String email, String password, String lang) {
        driver.get(url("/login?lang=" + lang));
        driver.findElement(By.id("login:email")).sendKeys(email);
        driver.findElement(By.id("login:password")).sendKeys(password);
        browser.clickAndWait(By.id("login:submit"));
        assertTrue(driver.getCurrentUrl().contains("/admin"), "signed in: " + bodyText());
    }

    /**
     * Reloads the statement's public page until {@code name} is among its signatories (an anonymous reader's page
     * may be kept a couple of seconds); returns that signatory's line.
     */
    String awaitListed(String slug, String lang, String name) throws Exception {
        String[] line = new String[1];
        Await.until(name + " listed on " + slug, Duration.ofSeconds(15), Duration.ofMillis(300), () -> {
            driver.get(url("/statements/" + slug + "?lang=" + lang));
            line[0] = driver.findElements(By.cssSelector("#signatories .signatory")).stream()
                    .map(WebElement::getText)
                    .filter(text -> text.contains(name))
                    .findFirst()
                    .orElse(null);
            return line[0] != null;
        });
        assertReadIn(lang, "the statement page");
        return line[0];
    }

    /** The fields, boxes and buttons inside {@code scope} less than 44 px tall, as "id width x height". */
    @SuppressWarnings("unchecked")
    List<String> smallTargets(String scope) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                        const small = [];
                        for (const t of document.querySelectorAll(arguments[0] + ' :is(input:not([type=hidden]),'
                            + ' select, textarea, button, .checkbox-row label)')) {
                          const box = t.getBoundingClientRect();
                          if ((box.width === 0 && box.height === 0) || t.closest('.hp')) continue;
                          if (box.height < 44 || box.width < 24) {
                            small.push((t.id || t.tagName) + ' ' + Math.round(box.width) + 'x' + Math.round(box.height));
                          }
                        }
                        return small;
                        """, scope);
    }

    void scrollTo(By target) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'start'});", driver.findElement(target));
    }

    boolean isInView(By target) {
        return (Boolean) ((JavascriptExecutor) driver)
                .executeScript(
                        "const box = arguments[0].getBoundingClientRect();"
                                + "return box.top >= 0 && box.bottom <= window.innerHeight;",
                        driver.findElement(target));
    }

    void assertReadIn(String lang, String what) {
        assertEquals(lang, driver.findElement(By.tagName("html")).getAttribute("lang"), what);
    }

    /** Nothing wider than the screen: a phone would scroll sideways to read it. */
    void assertFitsThePhone(String what) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth;");
        long viewport = (Long) js.executeScript("return window.innerWidth;");
        assertTrue(scrollWidth <= viewport, what + " is wider than the phone: " + scrollWidth + " > " + viewport);
    }
}
