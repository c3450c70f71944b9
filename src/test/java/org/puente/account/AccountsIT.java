package org.puente.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.puente.testing.ServerLog;
import org.puente.testing.TestClock;
import org.puente.testing.TestEnvironment;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Accounts: signing in and out, throttling, password reset")
class AccountsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    WebSession visitor;

    @BeforeEach
    void newVisitor() throws Exception {
        visitor = new WebSession(base.toURI()).ownClientAddress();
    }

    /** Signs in through the form, from the session's own address (a fresh one unless the test chose it). */
    static Page login(WebSession session, String email, String password) {
        session.ownClientAddress();
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

        Page dashboard = visitor.submit(
                loginPage,
                "login",
                Map.of("email", TestEnvironment.ADMIN_EMAIL, "password", TestEnvironment.adminPassword()),
                "submit");
        assertEquals(200, dashboard.status());
        assertTrue(
                dashboard.uri().getPath().startsWith("/admin"), dashboard.uri().toString());
        assertTrue(dashboard.text().contains("Welcome"), dashboard.text());
        assertNotNull(dashboard.document().getElementById("nav-alerts"), "staff reach the alerts from every page");
        assertNotNull(dashboard.document().getElementById("nav-supporters"), "and the supporters");
        assertNull(loginPage.document().getElementById("nav-alerts"), "not shown to visitors");
        assertNotEquals(before, visitor.cookie("JSESSIONID").orElseThrow(), "session id changes at sign-in");

        Page organizations = visitor.get("/admin/organizations");
        assertEquals(200, organizations.status());
        assertNotNull(organizations.document().getElementById("new"), "admins may create organizations");

        Page home = visitor.submit(organizations, "logout", Map.of(), "submit");
        assertEquals(200, home.status());
        assertTrue(visitor.get("/admin/organizations").uri().getPath().startsWith("/login"), "signed out");
    }

    @Test
    @DisplayName("signing in returns to the page that was asked for, with its query")
    void signInReturnsToTheRequestedPage() throws Exception {
        WebSession session = new WebSession(base.toURI()).forwardedFor("198.51.100.71");
        Page asked = session.get("/admin/supporters?q=ana");
        assertTrue(asked.uri().getPath().startsWith("/login"), "signed out: the login form: " + asked.uri());
        Page back = session.submit(
                asked,
                "login",
                Map.of("email", TestEnvironment.ADMIN_EMAIL, "password", TestEnvironment.adminPassword()),
                "submit");
        assertEquals(200, back.status());
        assertEquals("/admin/supporters", back.uri().getPath(), back.uri().toString());
        assertEquals("q=ana", back.uri().getQuery());

        WebSession direct = new WebSession(base.toURI()).forwardedFor("198.51.100.72");
        Page dashboard = login(direct, TestEnvironment.ADMIN_EMAIL, TestEnvironment.adminPassword());
        assertTrue(
                dashboard.uri().getPath().startsWith("/admin/index"),
                "no page asked for: the dashboard: " + dashboard.uri());
    }

    @Test
    @DisplayName("a signed-in person sees themselves signed in on an error page and signs out from it; "
            + "a post from another site cannot sign anyone out")
    void signOutFromErrorPagesAndOnlyFromOwnPages() throws Exception {
        WebSession admin = new WebSession(base.toURI()).forwardedFor("198.51.100.73");
        login(admin, TestEnvironment.ADMIN_EMAIL, TestEnvironment.adminPassword());

        Page missing = admin.get("/no-such-page");
        assertEquals(404, missing.status());
        assertNotNull(missing.document().getElementById("logout"), "the sign-out form on the error page");
        assertTrue(missing.document().select("a[href$=/login]").isEmpty(), "no 'Sign in' for a signed-in person");

        admin.header("Origin", "https://attacker.example");
        Page refused = admin.postForm("/logout", Map.of());
        assertEquals(403, refused.status(), "a cross-site post does not sign out");
        assertEquals(200, admin.get("/admin/index").status(), "still signed in");

        admin.header("Origin", base.getProtocol() + "://" + base.getAuthority());
        Page home = admin.submit(admin.get("/no-such-page"), "logout", Map.of(), "submit");
        assertEquals(200, home.status());
        assertTrue(home.uri().getPath().matches("/(index)?"), home.uri().toString());
        assertTrue(admin.get("/admin/index").uri().getPath().startsWith("/login"), "signed out");
    }

    @Test
    @DisplayName("a sign-in form sent with an empty field starts with an error summary linking to that field")
    void errorSummaryOnSignIn() throws Exception {
        Page form = visitor.get("/login?lang=es");
        assertNull(form.document().getElementById("error-summary"), "no summary before a problem");
        Page failed = visitor.submit(form, "login", Map.of("email", "", "password", "x"), "submit");
        var summary = failed.document().getElementById("error-summary");
        assertNotNull(summary, failed.text());
        assertNotNull(summary.selectFirst("a[href='#login:email']"), summary.toString());
        assertTrue(summary.text().contains("Hay un problema"), summary.text());
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
    @DisplayName(
            "after five failures from one client that client waits, even with the right password; the owner elsewhere signs in")
    void throttlesRepeatedFailures() throws Exception {
        WebSession attacker = new WebSession(base.toURI()).forwardedFor("198.51.100.21");
        for (int i = 0; i < 5; i++) {
            Page page = login(attacker, TestEnvironment.ADMIN_EMAIL, "wrong-password-" + i);
            assertTrue(page.messages().contains("do not match"), page.messages());
        }
        Page blocked = login(attacker, TestEnvironment.ADMIN_EMAIL, TestEnvironment.adminPassword());
        assertTrue(blocked.messages().contains("Too many attempts"), blocked.messages());
        assertFalse(blocked.uri().getPath().startsWith("/admin"), "that client is held back: " + blocked.uri());

        WebSession owner = new WebSession(base.toURI()).forwardedFor("198.51.100.22");
        Page admin = login(owner, TestEnvironment.ADMIN_EMAIL, TestEnvironment.adminPassword());
        assertTrue(
                admin.uri().getPath().startsWith("/admin"), "the owner from another address signs in: " + admin.uri());

        String log = ServerLog.read();
        assertEquals(5, ServerLog.count(log, "sign-in failed: email='admin@puente.test' from='198.51.100.21'"));
        assertEquals(1, ServerLog.count(log, "sign-in held back", "from='198.51.100.21'"));
        assertEquals(1, ServerLog.count(log, "sign-in succeeded: account=", "from='198.51.100.22'"));
        assertFalse(log.contains(TestEnvironment.adminPassword()), "never a password in the log");
    }

    @Test
    @DisplayName("twenty simultaneous guesses for one account from one client: no more are checked than allowed")
    void simultaneousGuessesAreCountedFirst() throws Exception {
        String client = "198.51.100.30";
        List<WebSession> guessers = new ArrayList<>();
        List<Page> forms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            WebSession guesser = new WebSession(base.toURI()).forwardedFor(client);
            guessers.add(guesser);
            forms.add(guesser.get("/login"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Page>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                WebSession guesser = guessers.get(i);
                Page form = forms.get(i);
                String guess = "guess-number-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return guesser.submit(
                            form, "login", Map.of("email", TestEnvironment.ADMIN_EMAIL, "password", guess), "submit");
                }));
            }
            start.countDown();
            for (Future<Page> answer : answers) {
                String messages = answer.get(60, TimeUnit.SECONDS).messages();
                assertTrue(messages.contains("do not match") || messages.contains("Too many attempts"), messages);
            }
        } finally {
            pool.shutdownNow();
        }
        String checked = "sign-in failed: email='admin@puente.test' from='" + client + "'";
        String heldBack = "sign-in held back (too many failures): email='admin@puente.test' from='" + client + "'";
        String log = ServerLog.waitFor(l -> ServerLog.count(l, checked) + ServerLog.count(l, heldBack) >= 20);
        long evaluated = ServerLog.count(log, checked);
        assertTrue(evaluated >= 1 && evaluated <= 5, "passwords checked: " + evaluated + " (at most 5 allowed)");
        assertEquals(20 - evaluated, ServerLog.count(log, heldBack));
    }

    @Test
    @DisplayName(
            "password reset: a single-use link by e-mail in the account's language; unknown addresses get the same page")
    void passwordReset() throws Exception {
        int before =
                Mailbox.settledTo(base.toURI(), TestEnvironment.ADMIN_EMAIL).size();
        Page forgot = visitor.get("/password-forgot?lang=es");
        Page sent =
                visitor.submit(forgot, "forgot", Map.of("email", TestEnvironment.ADMIN_EMAIL.toUpperCase()), "submit");
        Page unknown = visitor.submit(
                visitor.get("/password-forgot?lang=es"),
                "forgot",
                Map.of("email", "no-account-" + System.nanoTime() + "@puente.test"),
                "submit");
        assertEquals(sent.messages(), unknown.messages(), "same answer whether or not the address exists");
        assertTrue(sent.messages().contains("Si ese correo tiene una cuenta"), sent.messages());

        // The link is made in the background: once one mail has come, whatever else it queued has been queued too.
        Mailbox.to(TestEnvironment.ADMIN_EMAIL, before + 1);
        List<MimeMessage> mails = Mailbox.settledTo(base.toURI(), TestEnvironment.ADMIN_EMAIL);
        assertEquals(before + 1, mails.size(), "exactly one reset mail");
        MimeMessage mail = mails.get(mails.size() - 1);
        assertEquals("Reset your Puente password", mail.getSubject(), "in the account's language (English)");
        assertTrue(mail.isMimeType("multipart/alternative"));
        String html = Mailbox.part(mail, "text/html");
        assertTrue(html.contains("lang=\"en\""), html);
        String link = Mailbox.link(mail, "/password-reset?token=");

        Page weak = visitor.get(link);
        assertEquals(200, weak.status());
        Page refused = visitor.submit(
                weak, "reset", Map.of("password", "passwordpassword", "confirmation", "passwordpassword"), "submit");
        assertTrue(refused.messages().contains("too common"), refused.messages());

        Page done = visitor.submit(
                visitor.get(link),
                "reset",
                Map.of("password", TestEnvironment.adminPassword(), "confirmation", TestEnvironment.adminPassword()),
                "submit");
        assertTrue(done.uri().getPath().startsWith("/login"), done.uri().toString());
        assertTrue(done.messages().contains("password has been changed"), done.messages());

        Page reused = visitor.get(link);
        assertNotNull(reused.document().selectFirst(".notice--warn"), "a used link explains itself");
        assertTrue(reused.text().contains("expired or has already been used"), reused.text());
        Page signedIn =
                login(new WebSession(base.toURI()), TestEnvironment.ADMIN_EMAIL, TestEnvironment.adminPassword());
        assertTrue(signedIn.uri().getPath().startsWith("/admin"));
    }

    @Test
    @DisplayName("a reset link left unused for more than an hour has expired (the portal's clock is moved, not slept)")
    void resetLinkExpires() throws Exception {
        String email = newStaff("Elena Expired");
        askForReset(email, "198.51.100.43");
        List<String> links = resetLinks(email, 1);
        assertEquals(1, links.size(), "one link");
        WebSession owner = new WebSession(base.toURI()).forwardedFor("198.51.100.43");
        Page fresh = owner.get(links.get(0));
        assertNotNull(fresh.document().selectFirst("form[id=reset]"), "a fresh link offers the form: " + fresh.text());
        assertFalse(fresh.text().contains("expired or has already been used"), fresh.text());

        TestClock.advance(base.toURI(), Duration.ofMinutes(61));
        try {
            Page stale = owner.get(links.get(0));
            assertNull(stale.document().selectFirst("form[id=reset]"), "no form for an expired link");
            assertTrue(stale.text().contains("expired or has already been used"), stale.text());
        } finally {
            TestClock.reset(base.toURI());
        }
    }

    static final String PHRASE = "a long enough phrase";

    /** A new staff account, brought in the way the portal does it: the admin's invitation, accepted by mail. */
    String newStaff(String name) throws Exception {
        WebSession admin = Accounts.admin(new WebSession(base.toURI()));
        String email = "staff-" + System.nanoTime() + "@puente.test";
        admin.submit(admin.get("/admin/team"), "invite", Map.of("email", email, "language", "EN"), "send");
        String link = Mailbox.link(Mailbox.to(email).get(0), "/invitation?token=");
        WebSession invitee = new WebSession(base.toURI());
        Page accepted = invitee.submit(
                invitee.get(link),
                "accept",
                Map.of("name", name, "password", PHRASE, "confirmation", PHRASE),
                "submit");
        assertTrue(accepted.messages().contains("Welcome"), accepted.messages());
        return email;
    }

    Page askForReset(String email, String client) throws Exception {
        WebSession session = new WebSession(base.toURI()).forwardedFor(client);
        return session.submit(session.get("/password-forgot"), "forgot", Map.of("email", email), "submit");
    }

    /** The links of the reset mails to the address, once there are at least {@code count}. */
    static List<String> resetLinks(String email, int count) throws Exception {
        List<String> links = new ArrayList<>();
        Await.holds(Duration.ofSeconds(15), Duration.ofMillis(100), () -> {
            links.clear();
            for (MimeMessage mail : Mailbox.to(email, 1)) {
                if (mail.getSubject().equals("Reset your Puente password")) {
                    links.add(Mailbox.link(mail, "/password-reset?token="));
                }
            }
            return links.size() >= count;
        });
        return links;
    }

    static boolean signedIn(Page page) {
        return page.uri().getPath().startsWith("/admin");
    }

    @Test
    @DisplayName("a reset ends the account's other sessions, spends its older links, and lifts its sign-in throttle")
    void resetEndsSessionsAndOlderLinks() throws Exception {
        String email = newStaff("Rita Reset");
        WebSession elsewhere = new WebSession(base.toURI()).forwardedFor("198.51.100.40");
        assertTrue(signedIn(login(elsewhere, email, PHRASE)));
        WebSession owner = new WebSession(base.toURI()).forwardedFor("198.51.100.41");
        for (int i = 0; i < 5; i++) {
            login(owner, email, "not my password " + i);
        }
        assertTrue(login(owner, email, PHRASE).messages().contains("Too many attempts"), "throttled before the reset");

        askForReset(email, "198.51.100.41");
        askForReset(email, "198.51.100.41");
        List<String> links = resetLinks(email, 2);
        assertEquals(2, links.size(), "two links");
        String newPassword = "a brand new phrase " + System.nanoTime();
        Page done = owner.submit(
                owner.get(links.get(1)),
                "reset",
                Map.of("password", newPassword, "confirmation", newPassword),
                "submit");
        assertTrue(done.messages().contains("password has been changed"), done.messages());

        Page ended = elsewhere.get("/admin/index");
        assertTrue(ended.uri().getPath().startsWith("/login"), "the other session ended: " + ended.uri());
        assertTrue(elsewhere.get("/admin/organizations").uri().getPath().startsWith("/login"), "and stays ended");
        Page older = owner.get(links.get(0));
        assertTrue(older.text().contains("expired or has already been used"), older.text());
        assertTrue(signedIn(login(owner, email, newPassword)), "the owner signs in at once, throttle lifted");
        Page oldPassword = login(new WebSession(base.toURI()).forwardedFor("198.51.100.42"), email, PHRASE);
        assertTrue(oldPassword.messages().contains("do not match"), oldPassword.messages());
    }

    @Test
    @DisplayName("asking for a reset takes as long for an address with an account as for one without")
    void resetTimingTellsNothing() throws Exception {
        String known = newStaff("Tomás Timing");
        askForReset("warm-up-" + System.nanoTime() + "@puente.test", "203.0.113.1");
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            knownTimes.add(timedReset(known, "203.0.113." + (10 + 2 * i)));
            unknownTimes.add(timedReset("nobody-" + System.nanoTime() + "@puente.test", "203.0.113." + (11 + 2 * i)));
        }
        long knownMedian = median(knownTimes);
        long unknownMedian = median(unknownTimes);
        assertTrue(
                Math.abs(knownMedian - unknownMedian) < 40,
                "median ms, known " + knownMedian + " " + knownTimes + ", unknown " + unknownMedian + " "
                        + unknownTimes);
    }

    long timedReset(String email, String client) throws Exception {
        WebSession session = new WebSession(base.toURI()).forwardedFor(client);
        Page form = session.get("/password-forgot");
        long start = System.nanoTime();
        Page sent = session.submit(form, "forgot", Map.of("email", email), "submit");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(sent.messages().contains("If that address has an account"), sent.messages());
        return millis;
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    @DisplayName("a flood of reset requests sends at most three mails; one client asking too often is told to wait")
    void resetFlood() throws Exception {
        String email = newStaff("Flor Flood");
        for (int i = 0; i < 8; i++) {
            Page sent = askForReset(email, "198.51.100." + (100 + i));
            assertTrue(sent.messages().contains("If that address has an account"), sent.messages());
        }
        String address = "email='" + email + "'";
        String log = ServerLog.waitFor(l -> ServerLog.count(l, "password reset link", address)
                >= ServerLog.count(l, "password reset requested", address));
        long requested = ServerLog.count(log, "password reset requested", address);
        assertEquals(3, requested, "the others were held back at once");
        assertEquals(8 - requested, ServerLog.count(log, "password reset held back", address));
        long queued = ServerLog.count(log, "password reset link queued for mail", address);
        assertEquals(3, resetLinks(email, (int) queued).size(), "three mails, no more");

        for (int i = 0; i < 10; i++) {
            askForReset("nobody-" + System.nanoTime() + "@puente.test", "198.51.100.120");
        }
        Page refused = askForReset("nobody-" + System.nanoTime() + "@puente.test", "198.51.100.120");
        assertTrue(refused.messages().contains("Too many requests from here"), refused.messages());
    }

    @Test
    @DisplayName("the admin deactivates a staff member: their session ends, they cannot sign in; reactivated, they can")
    void deactivation() throws Exception {
        String email = newStaff("Dana Departing");
        WebSession staff = new WebSession(base.toURI()).forwardedFor("198.51.100.50");
        assertTrue(signedIn(login(staff, email, PHRASE)));
        WebSession admin = new WebSession(base.toURI()).forwardedFor("198.51.100.51");
        assertTrue(signedIn(login(admin, TestEnvironment.ADMIN_EMAIL, TestEnvironment.adminPassword())));

        Page team = admin.get("/admin/team?lang=en");
        assertTrue(buttonInRow(team, TestEnvironment.ADMIN_EMAIL, "deactivate").isEmpty(), "not for oneself");
        Page deactivated = admin.submit(
                team, "team", Map.of(), buttonInRow(team, email, "deactivate").orElseThrow());
        assertTrue(deactivated.messages().contains("has been deactivated"), deactivated.messages());
        assertTrue(deactivated.text().contains("Deactivated"), "the team page shows it");

        assertTrue(staff.get("/admin/index").uri().getPath().startsWith("/login"), "the live session ended");
        Page refused = login(new WebSession(base.toURI()).forwardedFor("198.51.100.52"), email, PHRASE);
        assertTrue(refused.messages().contains("do not match"), refused.messages());
        assertEquals(
                1,
                ServerLog.count(
                        ServerLog.read(),
                        "access changed (deactivated)",
                        "email='" + email + "'",
                        "from='198.51.100.51'"));

        Page page = admin.get("/admin/team?lang=es");
        Page reactivated = admin.submit(
                page, "team", Map.of(), buttonInRow(page, email, "reactivate").orElseThrow());
        assertTrue(reactivated.messages().contains("Se reactivó la cuenta"), reactivated.messages());
        assertTrue(signedIn(login(new WebSession(base.toURI()).forwardedFor("198.51.100.53"), email, PHRASE)));
    }

    /** The name of the button with that id in the table row that mentions {@code text}. */
    static Optional<String> buttonInRow(Page page, String text, String id) {
        for (Element row : page.document().select("tr")) {
            if (row.text().contains(text)) {
                Element button = row.selectFirst("button[id$=:" + id + "]");
                if (button != null) {
                    return Optional.of(button.attr("name"));
                }
            }
        }
        return Optional.empty();
    }

    @Test
    @DisplayName("a forged or malformed reset token gets the explanation, not an error")
    void forgedResetToken() {
        for (String token : new String[] {"abc", "x".repeat(43), "%00%00", "<script>alert(1)</script>"}) {
            Page page = visitor.get("/password-reset?lang=es&token="
                    + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, page.status(), token);
            assertTrue(page.text().contains("caducado o ya se usó"), page.text());
        }
    }
}
