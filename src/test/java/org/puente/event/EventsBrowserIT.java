package org.puente.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.puente.testing.Browser;
import org.puente.testing.Deployments;
import org.puente.testing.Mailbox;
import org.puente.testing.TestClock;

/** Events as a visitor on a phone meets them, in Spanish, in a real browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Events in the browser: a visitor on a phone finds a vigil, registers in Spanish and confirms")
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

    @Test
    @DisplayName("on a 375 px phone, in Spanish: the list, the vigil without its address, the form, the mail, "
            + "and the address only on the confirmed registration page")
    void registerOnAPhoneInSpanish() throws Exception {
        URI portal = base.toURI();
        EventsIT.Arranged vigil =
                EventsIT.publishedEvent(portal, "vigilia-telefono", "AFTER_RSVP", 40, 2, "America/Chicago", 3);
        browser.size(375, 812);
        driver.get(url("/events?lang=es"));
        assertEquals("es", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(bodyText().contains("Próximos"), bodyText());
        browser.screenshot("events-es-375px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the events list");

        driver.get(url("/events/" + vigil.slug() + "?lang=es"));
        String page = bodyText();
        assertTrue(page.contains("Un templo o iglesia en Chicago, IL"), page);
        assertFalse(driver.getPageSource().contains(vigil.street()), "the address is not on the page");
        String readersZone = (String) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone");
        if (!"America/Chicago".equals(readersZone)) {
            String yours = driver.findElement(By.cssSelector(".local-time")).getText();
            assertTrue(yours.startsWith("Tu hora: "), "the reader's own time, in " + readersZone + ": " + yours);
        }
        browser.screenshot("event-es-375px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the event page");

        String email = "telefono-" + System.nanoTime() + "@example.org";
        driver.findElement(By.id("register:firstName")).sendKeys("Juana");
        driver.findElement(By.id("register:email")).sendKeys(email);
        new Select(driver.findElement(By.id("register:guests"))).selectByValue("1");
        driver.findElement(By.id("register:needs")).sendKeys("Interpretación al k'iche'");
        TestClock.fillingInTheForm(portal);
        browser.clickAndWait(By.id("register:submit"));
        assertTrue(bodyText().contains("Revisa tu correo"), bodyText());

        String link = Mailbox.link(Mailbox.to(email).get(0), "/registration?token=");
        driver.get(url(link));
        assertFalse(driver.getPageSource().contains(vigil.street()), "not before confirming");
        browser.clickAndWait(By.id("confirm:submit"));
        assertTrue(bodyText().contains("Tu lugar está confirmado"), bodyText());
        assertTrue(driver.findElement(By.id("address")).getText().contains(vigil.street()));
        browser.screenshot("registration-confirmed-es-375px");
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
        driver.get(url("/login?lang=es"));
        driver.findElement(By.id("login:email")).sendKeys(org.puente.testing.TestEnvironment.ADMIN_EMAIL);
        driver.findElement(By.id("login:password")).sendKeys(org.puente.testing.TestEnvironment.adminPassword());
        browser.clickAndWait(By.id("login:submit"));
        long vigil = EventsIT.eventId("candlelight-vigil-for-families-chicago");
        driver.get(url("/admin/event-roster?id=" + vigil + "&q=Xoc&lang=es"));
        String before = driver.findElement(By.id("attended")).getText();
        assertTrue(bodyText().contains("Juana Xoc"), bodyText());
        browser.screenshot("roster-es-375px");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the roster");
        org.openqa.selenium.WebElement tap = driver.findElement(By.cssSelector("[id$=':in']"));
        tap.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("[id$=':undo']")).isEmpty());
        String after = driver.findElement(By.id("attended")).getText();
        assertFalse(before.equals(after), before + " → " + after);
        assertTrue(after.startsWith("1 ha llegado"), after);
        browser.screenshot("roster-checked-in-es-375px");

        browser.size(1280, 900);
        driver.get(url("/admin/event?lang=en"));
        assertTrue(bodyText().contains("Who sees the address and link"), bodyText());
        browser.screenshot("event-form-en-1280px");
        driver.get(url("/admin/events?lang=en"));
        assertTrue(bodyText().contains("Candlelight vigil for separated families"), bodyText());
        browser.screenshot("admin-events-en-1280px");
    }
}
