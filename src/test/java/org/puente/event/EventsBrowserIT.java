package org.puente.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.puente.testing.Browser;
import org.puente.testing.Deployments;
import org.puente.testing.Mailbox;
import org.puente.testing.TestClock;
import org.puente.testing.TestEnvironment;

/** Events as a visitor on a phone meets them, in Spanish and English, and as a host, in a real browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Events in the browser: a visitor on a phone finds a vigil, registers and confirms; a host manages them")
class EventsBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

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

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** What a visitor reads in one language, for the same flow in both. */
    enum Reader {
        SPANISH(
                "es",
                "Próximos",
                "Un templo o iglesia en Chicago, IL",
                "Tu hora: ",
                "Interpretación al k'iche'",
                "Revisa tu correo",
                "Confirma tu inscripción: Vigilia ",
                "Pulsa el botón para confirmar",
                "Tu lugar está confirmado"),
        ENGLISH(
                "en",
                "Upcoming",
                "A place of worship in Chicago, IL",
                "Your time: ",
                "K'iche' interpretation",
                "Check your e-mail",
                "Confirm your registration: Vigil ",
                "Press the button to confirm",
                "Your place is confirmed");

        final String lang;
        final String upcoming;
        final String place;
        final String yourTime;
        final String needs;
        final String checkEmail;
        final String mailSubject;
        final String mailBody;
        final String confirmed;

        Reader(
                String lang,
                String upcoming,
                String place,
                String yourTime,
                String needs,
                String checkEmail,
                String mailSubject,
                String mailBody,
                String confirmed) {
            this.lang = lang;
            this.upcoming = upcoming;
            this.place = place;
            this.yourTime = yourTime;
            this.needs = needs;
            this.checkEmail = checkEmail;
            this.mailSubject = mailSubject;
            this.mailBody = mailBody;
            this.confirmed = confirmed;
        }

        @Override
        public String toString() {
            return this == SPANISH ? "Spanish" : "English";
        }
    }

    @ParameterizedTest(
            name = "on a 375 px phone, in {0}: the list, the vigil without its address, the form, "
                    + "the mail, and the address only on the confirmed registration page")
    @EnumSource(Reader.class)
    @DisplayName("a visitor on a phone finds a vigil, registers and confirms in their language")
    void registerOnAPhone(Reader reader) throws Exception {
        URI portal = base.toURI();
        String lang = reader.lang;
        EventsIT.Arranged vigil =
                EventsIT.publishedEvent(portal, "vigilia-telefono", "AFTER_RSVP", 40, 2, "America/Chicago", 3);
        browser.size(375, 812);
        driver.get(url("/events?lang=" + lang));
        assertReadIn(lang, "the events list");
        assertTrue(bodyText().contains(reader.upcoming), bodyText());
        assertFitsThePhone("the events list");
        browser.screenshot("events-" + lang + "-375px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the events list");

        driver.get(url("/events/" + vigil.slug() + "?lang=" + lang));
        assertReadIn(lang, "the event page");
        String page = bodyText();
        assertTrue(page.contains(reader.place), page);
        assertFalse(driver.getPageSource().contains(vigil.street()), "the address is not on the page");
        String readersZone = (String)
                ((JavascriptExecutor) driver).executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone");
        if (!"America/Chicago".equals(readersZone)) {
            String yours = driver.findElement(By.cssSelector(".local-time")).getText();
            assertTrue(yours.startsWith(reader.yourTime), "the reader's own time, in " + readersZone + ": " + yours);
        }
        assertFitsThePhone("the event page");
        browser.screenshot("event-" + lang + "-375px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the event page");

        String email = "telefono-" + lang + "-" + System.nanoTime() + "@example.org";
        driver.findElement(By.id("register:firstName")).sendKeys("Juana");
        driver.findElement(By.id("register:email")).sendKeys(email);
        new Select(driver.findElement(By.id("register:guests"))).selectByValue("1");
        driver.findElement(By.id("register:needs")).sendKeys(reader.needs);
        TestClock.fillingInTheForm(portal);
        browser.clickAndWait(By.id("register:submit"));
        assertTrue(bodyText().contains(reader.checkEmail), bodyText());

        MimeMessage mail = Mailbox.to(email).get(0);
        assertTrue(
                mail.getSubject().startsWith(reader.mailSubject),
                "the mail in the visitor's language: " + mail.getSubject());
        assertTrue(Mailbox.part(mail, "text/plain").contains(reader.mailBody), Mailbox.part(mail, "text/plain"));
        driver.get(url(Mailbox.link(mail, "/registration?token=")));
        assertFalse(driver.getPageSource().contains(vigil.street()), "not before confirming");
        browser.clickAndWait(By.id("confirm:submit"));
        assertReadIn(lang, "the registration page");
        assertTrue(bodyText().contains(reader.confirmed), bodyText());
        assertTrue(driver.findElement(By.id("address")).getText().contains(vigil.street()));
        assertFitsThePhone("the registration page");
        browser.screenshot("registration-confirmed-" + lang + "-375px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the registration page");
        assertTrue(
                driver.findElement(By.id("calendar")).getAttribute("href").contains("/registration.ics?token="),
                "a calendar file to download");
    }

    @Test
    @DisplayName("in English on a computer: the home page shows upcoming events, the list filters by type")
    void homeAndFilters() throws Exception {
        browser.size(1280, 900);
        driver.get(url("/?lang=en"));
        assertTrue(bodyText().contains("Upcoming events"), bodyText());
        driver.get(url("/events?lang=en&type=TRAINING"));
        String list = bodyText();
        assertTrue(list.contains("Know your rights: online training"), list);
        assertFalse(list.contains("Candlelight vigil for separated families"), "filtered to trainings");
        browser.screenshot("events-en-trainings-1280px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the filtered list");
    }

    @Test
    @DisplayName("a host at the door on a 375 px phone finds a person by name and checks them in with one tap")
    void checkInAtTheDoor() throws Exception {
        browser.size(375, 812);
        signInAsHost();
        long vigil = EventsIT.eventId("candlelight-vigil-for-families-chicago");
        driver.get(url("/admin/event-roster?id=" + vigil + "&q=Xoc&lang=es"));
        String before = driver.findElement(By.id("attended")).getText();
        assertTrue(bodyText().contains("Juana Xoc"), bodyText());
        assertFitsThePhone("the roster");
        browser.screenshot("roster-es-375px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the roster");
        driver.findElement(By.cssSelector("[id$=':in']")).click();
        browser.waiting(Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("[id$=':undo']")).isEmpty());
        String after = driver.findElement(By.id("attended")).getText();
        assertFalse(before.equals(after), before + " → " + after);
        assertTrue(after.startsWith("1 ha llegado"), after);
        assertFitsThePhone("the roster");
        browser.screenshot("roster-checked-in-es-375px");
    }

    @Test
    @DisplayName("a host manages events on a 375 px phone: the list and the form fit the screen; and on a computer")
    void manageEventsOnAPhone() throws Exception {
        browser.size(375, 812);
        signInAsHost();
        driver.get(url("/admin/events?lang=es"));
        assertReadIn("es", "the host's events");
        assertTrue(bodyText().contains("Vigilia con velas por las familias separadas"), bodyText());
        assertFitsThePhone("the host's events");
        browser.screenshot("admin-events-es-375px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the host's events");

        driver.get(url("/admin/event?lang=es"));
        assertReadIn("es", "the event form");
        assertTrue(bodyText().contains("Quién ve la dirección y el enlace"), bodyText());
        assertFitsThePhone("the event form");
        browser.screenshot("event-form-es-375px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the event form");

        browser.size(1280, 900);
        driver.get(url("/admin/event?lang=en"));
        assertTrue(bodyText().contains("Who sees the address and link"), bodyText());
        browser.screenshot("event-form-en-1280px");
        driver.get(url("/admin/events?lang=en"));
        assertTrue(bodyText().contains("Candlelight vigil for separated families"), bodyText());
        browser.screenshot("admin-events-en-1280px");
    }

    void signInAsHost() {
        driver.get(url("/login?lang=es"));
        driver.findElement(By.id("login:email")).sendKeys(TestEnvironment.ADMIN_EMAIL);
        driver.findElement(By.id("login:password")).sendKeys(TestEnvironment.adminPassword());
        browser.clickAndWait(By.id("login:submit"));
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
