package org.puente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.puente.testing.Await;
import org.puente.testing.Browser;
import org.puente.testing.Deployments;
import org.puente.testing.Mailbox;
import org.puente.testing.TestClock;

/**
 * Public forms as people on cheap phones meet them: with scripts off (blocked, failed to load, or a browser
 * without them), and framed in another site's page, where the portal's language cookie is not sent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Public forms without JavaScript and inside other sites")
class PublicFormsBrowserIT {

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
    @DisplayName(
            "with JavaScript off, a visitor signs in Spanish: the error keeps what was typed, then the signature goes through")
    void signWithoutJavaScript() throws Exception {
        browser.pageScripts(false);
        try {
            browser.size(375, 812);
            driver.get(url("/petitions/reunite-families-now?lang=es"));
            assertEquals(
                    "Hasta 500 caracteres.",
                    driver.findElement(By.id("sign-comment-counter")).getText(),
                    "the page's script did not run (it would count the characters left)");
            String email = "sin-script-" + System.nanoTime() + "@example.org";
            driver.findElement(By.id("sign:lastName")).sendKeys("Quispe");
            driver.findElement(By.id("sign:email")).sendKeys(email);
            new Select(driver.findElement(By.id("sign:country"))).selectByValue("GT");
            driver.findElement(By.id("sign:comment")).sendKeys("Por las familias");
            TestClock.fillingInTheForm(base.toURI());
            browser.clickAndWait(By.id("sign:submit"));

            assertTrue(driver.getCurrentUrl().contains("/petitions/reunite-families-now"), driver.getCurrentUrl());
            String page = bodyText();
            assertTrue(page.contains("Hay un problema"), page);
            assertTrue(page.contains("Escribe tu nombre."), page);
            assertEquals("Quispe", driver.findElement(By.id("sign:lastName")).getAttribute("value"));
            assertEquals(email, driver.findElement(By.id("sign:email")).getAttribute("value"));
            assertEquals(
                    "GT",
                    new Select(driver.findElement(By.id("sign:country")))
                            .getFirstSelectedOption()
                            .getAttribute("value"));
            assertEquals(
                    "Por las familias",
                    driver.findElement(By.id("sign:comment")).getAttribute("value"));
            browser.screenshot("petition-error-noscript-es-375px");

            driver.findElement(By.id("sign:firstName")).sendKeys("Rosa");
            TestClock.fillingInTheForm(base.toURI());
            browser.clickAndWait(By.id("sign:submit"));
            assertTrue(bodyText().contains("Revisa tu correo"), bodyText());
            MimeMessage mail = Mailbox.to(email).get(0);
            assertTrue(mail.getSubject().startsWith("Confirma tu firma"), mail.getSubject());
        } finally {
            browser.pageScripts(true);
        }
    }

    @Test
    @DisplayName("the Spanish widget framed on another site answers in Spanish and the confirmation mail is in Spanish")
    void widgetOnAnotherSiteKeepsItsLanguage() throws Exception {
        String widget = url("/embed/petitions/reunite-families-now?lang=es");
        HttpServer otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherSite.createContext("/", exchange -> {
            byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><title>A partner's site</title></head><body>"
                            + "<h1>A partner's site</h1><iframe id=\"widget\" src=\"" + widget
                            + "\" width=\"420\" height=\"1100\"></iframe></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        otherSite.start();
        try {
            // Another site: 127.0.0.1 framing the portal's own host name, so the portal's cookies stay behind.
            String host = "http://127.0.0.1:" + otherSite.getAddress().getPort() + "/";
            if (base.getHost().equals("127.0.0.1")) {
                host = "http://localhost:" + otherSite.getAddress().getPort() + "/";
            }
            driver.get(host);
            driver.switchTo().frame("widget");
            String email = "widget-" + System.nanoTime() + "@example.org";
            driver.findElement(By.id("sign:firstName")).sendKeys("Marta");
            driver.findElement(By.id("sign:lastName")).sendKeys("Ixcot");
            driver.findElement(By.id("sign:email")).sendKeys(email);
            new Select(driver.findElement(By.id("sign:country"))).selectByValue("GT");
            TestClock.fillingInTheForm(base.toURI());
            driver.findElement(By.id("sign:submit")).click();
            Await.until("the widget's answer", Duration.ofSeconds(20), Duration.ofMillis(100), () -> {
                try {
                    return driver.findElement(By.tagName("body")).getText().contains("Revisa tu correo");
                } catch (org.openqa.selenium.WebDriverException navigating) {
                    return false; // the frame is between two pages
                }
            });
            assertEquals("es", driver.findElement(By.tagName("html")).getAttribute("lang"));
            driver.switchTo().defaultContent();
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
            browser.screenshot("widget-on-partner-site-es");
            MimeMessage mail = Mailbox.to(email).get(0);
            assertTrue(mail.getSubject().startsWith("Confirma tu firma"), mail.getSubject());
        } finally {
            otherSite.stop(0);
        }
    }

    @Test
    @DisplayName(
            "on a 375 px phone, every link, button, field and the consent box of the petition page is at least 44 px tall")
    void touchTargetsOnPhone() throws Exception {
        browser.size(375, 812);
        driver.get(url("/petitions/reunite-families-now?lang=es"));
        driver.findElement(By.cssSelector(".site-menu__toggle")).click(); // the menu's links are measured open
        @SuppressWarnings("unchecked")
        java.util.List<String> small =
                (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                        const targets = document.querySelectorAll(
                          '.site-menu__toggle, .lang-switch, .site-nav a, .site-nav button, .share a, form input:not([type=hidden]), form select,'
                          + ' form textarea, form button, form label[for$=consent]');
                        const small = [];
                        for (const t of targets) {
                          const box = t.getBoundingClientRect();
                          if (box.width === 0 && box.height === 0) continue; // not shown (the honeypot)
                          if (t.closest('.hp')) continue;
                          if (box.height < 44 || box.width < 24) {
                            small.push((t.id || t.tagName + ' ' + (t.textContent || '').trim())
                              + ' ' + Math.round(box.width) + 'x' + Math.round(box.height));
                          }
                        }
                        return small;
                        """);
        assertEquals(java.util.List.of(), small, "targets smaller than 44 px");
        browser.screenshot("petition-touch-targets-es-375px");
    }
}
