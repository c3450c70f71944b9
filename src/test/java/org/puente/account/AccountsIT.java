package org.puente.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.puente.testing.Deployments;
import org.puente.testing.Mailbox;
import org.puente.testing.TestEnvironment;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Accounts: signing in and out, throttling, password reset")
class AccountsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @ArquillianResource
    URL base;

    WebSession visitor;

    @BeforeEach
    void newVisitor() throws Exception {
        visitor = new WebSession(base.toURI());
    }

    static Page login(WebSession session, String email, String password) {
        Page form = session.get("/login");
        return session.submit(form, "login", Map.of("email", email, "password", password), "submit");
    }

    @Test
    @DisplayName("the admin signs in: a new session id, HttpOnly SameSite cookies, the dashboard; then signs out")
    void adminSignsInAndOut() {
        Page loginPage = visitor.get("/login");
        String cookie = loginPage.header("Set-Cookie");
        assertNotNull(cookie, "the login form has a session");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        assertFalse(cookie.contains("Secure"), "http base URL: no Secure flag: " + cookie);
        String before = visitor.cookie("JSESSIONID").orElseThrow();

        Page dashboard = visitor.submit(loginPage, "login",
                Map.of("email", TestEnvironment.ADMIN_EMAIL, "password", TestEnvironment.adminPassword()), "submit");
        assertEquals(200, dashboard.status());
        assertTrue(dashboard.uri().getPath().startsWith("/admin"), dashboard.uri().toString());
        assertTrue(dashboard.text().contains("Welcome, Administrator"), dashboard.text());
        assertNotEquals(before, visitor.cookie("JSESSIONID").orElseThrow(), "session id changes at sign-in");

        Page organizations = visitor.get("/admin/organizations");
        assertEquals(200, organizations.status());
        assertNotNull(organizations.document().getElementById("new"), "admins may create organizations");

        Page home = visitor.submit(organizations, "logout", Map.of(), "submit");
        assertEquals(200, home.status());
        assertTrue(visitor.get("/admin/organizations").uri().getPath().startsWith("/login"), "signed out");
    }

    @Test
    @DisplayName("a wrong password and an unknown address get the same answer, in Spanish for a Spanish page")
    void sameAnswerForUnknownAndWrong() {
        visitor.get("/login?lang=es");
        Page wrong = login(visitor, TestEnvironment.ADMIN_EMAIL, "not-the-password-at-all");
        Page unknown = login(visitor, "nobody-" + System.nanoTime() + "@puente.test", "not-the-password-at-all");
        assertEquals(wrong.status(), unknown.status());
        assertEquals("es", wrong.lang());
        assertEquals(wrong.messages(), unknown.messages());
        assertTrue(wrong.messages().contains("no coinciden"), wrong.messages());
    }

    @Test
    @DisplayName("after five failures for one address, even the right password is refused for a while")
    void throttlesRepeatedFailures() {
        String target = "throttled-" + System.nanoTime() + "@puente.test";
        for (int i = 0; i < 5; i++) {
            Page page = login(visitor, target, "wrong-password-" + i);
            assertTrue(page.messages().contains("do not match"), page.messages());
        }
        Page blocked = login(visitor, target, "whatever-it-is-now");
        assertTrue(blocked.messages().contains("Too many attempts"), blocked.messages());
        Page admin = login(new WebSession(visitor.get("/").uri()), TestEnvironment.ADMIN_EMAIL,
                TestEnvironment.adminPassword());
        assertTrue(admin.uri().getPath().startsWith("/admin"), "other accounts are not locked out: " + admin.uri());
    }

    @Test
    @DisplayName("password reset: a single-use link by e-mail in the account's language; unknown addresses get the same page")
    void passwordReset() throws Exception {
        int before = Mailbox.to(TestEnvironment.ADMIN_EMAIL, 0).size();
        Page forgot = visitor.get("/password-forgot?lang=es");
        Page sent = visitor.submit(forgot, "forgot", Map.of("email", TestEnvironment.ADMIN_EMAIL.toUpperCase()), "submit");
        Page unknown = visitor.submit(visitor.get("/password-forgot?lang=es"), "forgot",
                Map.of("email", "no-account-" + System.nanoTime() + "@puente.test"), "submit");
        assertEquals(sent.messages(), unknown.messages(), "same answer whether or not the address exists");
        assertTrue(sent.messages().contains("Si ese correo tiene una cuenta"), sent.messages());

        List<MimeMessage> mails = Mailbox.to(TestEnvironment.ADMIN_EMAIL, before + 1);
        assertEquals(before + 1, mails.size(), "exactly one reset mail");
        MimeMessage mail = mails.get(mails.size() - 1);
        assertEquals("Reset your Puente password", mail.getSubject(), "in the account's language (English)");
        assertTrue(mail.isMimeType("multipart/alternative"));
        String html = Mailbox.part(mail, "text/html");
        assertTrue(html.contains("lang=\"en\""), html);
        String link = Mailbox.link(mail, "/password-reset?token=");

        Page weak = visitor.get(link);
        assertEquals(200, weak.status());
        Page refused = visitor.submit(weak, "reset", Map.of("password", "passwordpassword",
                "confirmation", "passwordpassword"), "submit");
        assertTrue(refused.messages().contains("too common"), refused.messages());

        Page done = visitor.submit(visitor.get(link), "reset", Map.of("password", TestEnvironment.adminPassword(),
                "confirmation", TestEnvironment.adminPassword()), "submit");
        assertTrue(done.uri().getPath().startsWith("/login"), done.uri().toString());
        assertTrue(done.messages().contains("password has been changed"), done.messages());

        Page reused = visitor.get(link);
        assertNotNull(reused.document().selectFirst(".notice--warn"), "a used link explains itself");
        assertTrue(reused.text().contains("expired or has already been used"), reused.text());
        Page signedIn = login(new WebSession(base.toURI()), TestEnvironment.ADMIN_EMAIL, TestEnvironment.adminPassword());
        assertTrue(signedIn.uri().getPath().startsWith("/admin"));
    }

    @Test
    @DisplayName("a forged or malformed reset token gets the explanation, not an error")
    void forgedResetToken() {
        for (String token : new String[] {"abc", "x".repeat(43), "%00%00", "<script>alert(1)</script>"}) {
            Page page = visitor.get("/password-reset?lang=es&token=" + java.net.URLEncoder.encode(token,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, page.status(), token);
            assertTrue(page.text().contains("caducado o ya se usó"), page.text());
        }
    }
}
