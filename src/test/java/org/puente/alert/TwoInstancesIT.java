package org.puente.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.puente.embedded.EmbeddedPuente;
import org.puente.testing.Await;
import org.puente.testing.Deployments;
import org.puente.testing.InstanceBeside;
import org.puente.testing.Mailbox;
import org.puente.testing.TestClock;
import org.puente.testing.TestEvents;

/**
 * Two Puente instances on one database: the one Arquillian deploys, and a second Payara Micro started
 * from the built WAR with the same database and mail server, as a second machine would run it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Two instances on one database send one alert together, and one dying (kill -9) loses nobody")
class TwoInstancesIT {

    /** The second instance's name on its claims; its lease is short so a test need not wait two minutes. */
    static final String SECOND = "second-instance";

    static final int SECOND_WORKERS = 4;
    static final String SECURE_BASE_URL = "https://puente.test";
    static EmbeddedPuente second;

    @ArquillianResource
    URL base;

    /** The second instance, starting while Arquillian starts the first (two boots side by side, not one after the other). */
    static CompletableFuture<EmbeddedPuente> booting;

    @Deployment(testable = false)
    static WebArchive deployment() {
        booting = InstanceBeside.booting(
                SECOND,
                Map.of(
                        // As behind a TLS proxy: the second instance's address is https (HSTS is checked on it).
                        "PUENTE_BASE_URL", SECURE_BASE_URL,
                        "PUENTE_ALERT_WORKERS", String.valueOf(SECOND_WORKERS),
                        "PUENTE_ALERT_RATE", "1000",
                        // A short lease, so a test need not wait two minutes for a dead instance's claims.
                        "PUENTE_ALERT_LEASE_SECONDS", "3",
                        "PUENTE_ALERT_POLL_MILLIS", "100",
                        "PUENTE_EVENT_UPKEEP_SECONDS", "1"));
        return Deployments.shared();
    }

    @BeforeAll
    static void secondInstanceReady() throws Exception {
        second = booting.get(4, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.stop();
        }
    }

    /** An alert already sending (both instances, idle and looking every second, find it at once). */
    static long sendingAlert(String prefix, int recipients) throws Exception {
        AlertsIT.supporters(prefix, recipients, "SUBSCRIBED");
        return AlertsIT.startAlert(prefix);
    }

    static long count(String sql, Object... parameters) throws Exception {
        String value = AlertsIT.column(sql, parameters);
        return value == null ? 0 : Long.parseLong(value);
    }

    @Test
    @Order(0)
    @DisplayName("an instance whose public address is https tells browsers to keep to https (HSTS); the other does not")
    void strictTransportSecurityOnlyOverHttps() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Void> secure = client.send(
                HttpRequest.newBuilder(second.localUri().resolve("/petitions")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, secure.statusCode());
        assertEquals(
                "max-age=31536000",
                secure.headers().firstValue("Strict-Transport-Security").orElse(null));
        HttpResponse<Void> plain = client.send(
                HttpRequest.newBuilder(base.toURI().resolve("/petitions")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty());
    }

    @Test
    @Order(1)
    @DisplayName("3,000 recipients: both instances send, and every recipient gets exactly one mail")
    void shareOneAlert() throws Exception {
        String prefix = "T" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        long alertId = sendingAlert(prefix, 3000);
        AlertsIT.awaitSent(alertId);

        Map<String, List<MimeMessage>> mails = AlertsIT.mailsTo(prefix);
        for (int i = 0; i < 3000; i++) {
            assertEquals(
                    1,
                    mails.getOrDefault(AlertsIT.address(prefix, "SUBSCRIBED", i), List.of())
                            .size(),
                    "exactly one mail for supporter " + i);
        }
        assertEquals(3000, mails.size());
        long bySecond = count(
                "SELECT COUNT(*) FROM alert_delivery WHERE alert_id = ? AND state = 'SENT' " + "AND claimed_by LIKE ?",
                alertId,
                SECOND + "/%");
        long byFirst = count(
                "SELECT COUNT(*) FROM alert_delivery WHERE alert_id = ? AND state = 'SENT' "
                        + "AND claimed_by NOT LIKE ?",
                alertId,
                SECOND + "/%");
        assertTrue(bySecond > 0 && byFirst > 0, "both instances took part: " + byFirst + " and " + bySecond);
        assertEquals(3000, bySecond + byFirst);
        assertEquals(
                1,
                count("SELECT MAX(attempts) FROM alert_delivery WHERE alert_id = ?", alertId),
                "no delivery was claimed twice");
    }

    @Test
    @Order(2)
    @DisplayName("60 attendees of an event a day away: both instances look for due reminders every second, and each "
            + "attendee is reminded exactly once")
    void eventRemindersOnceAcrossInstances() throws Exception {
        // The second instance runs on this machine's time; the first is put back on it, so both agree on "now".
        java.net.URI first = base.toURI();
        TestClock.reset(first);
        java.time.Instant now = java.time.Instant.now();
        String slug = "two-instance-reminders-" + System.nanoTime();
        java.time.Instant start = now.plus(Duration.ofHours(23));
        String prefix = "remind-" + System.nanoTime();
        TestEvents.insertEvent(
                slug,
                start,
                start.plus(Duration.ofHours(2)),
                "America/Chicago",
                "AFTER_RSVP",
                null,
                0,
                "Calle Compartida 1",
                "60601",
                "Salón");
        // Confirmed before the reminder time (a day before the start), so each is owed a reminder, due at once.
        for (int i = 0; i < 60; i++) {
            TestEvents.insertConfirmed(
                    slug, prefix + "-" + i + "@example.org", i % 2 == 0 ? "en" : "es", now.minus(Duration.ofHours(2)));
        }
        Await.until(
                "every attendee looked at",
                Duration.ofSeconds(60),
                Duration.ofMillis(200),
                () -> count(
                                "SELECT COUNT(*) FROM event_registration r JOIN coalition_event e ON e.id = r.event_id "
                                        + "WHERE e.slug = ? AND r.reminded_at IS NULL",
                                slug)
                        == 0);
        Mailbox.awaitIdleQueue(first);
        for (int i = 0; i < 60; i++) {
            String address = prefix + "-" + i + "@example.org";
            List<MimeMessage> mails = Mailbox.to(address);
            assertEquals(1, mails.size(), "one reminder for " + address);
            assertTrue(
                    mails.get(0).getSubject().startsWith(i % 2 == 0 ? "Tomorrow: " : "Mañana: "),
                    mails.get(0).getSubject());
        }
    }

    @Test
    @Order(3)
    @DisplayName(
            "the second instance killed with SIGKILL mid-send: its claims expire, the first finishes, nobody skipped, "
                    + "at most the messages in flight go twice")
    void instanceKilledMidSend() throws Exception {
        String prefix = "K" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        long alertId = sendingAlert(prefix, 3000);
        Await.until(
                "the second instance sending",
                Duration.ofSeconds(60),
                Duration.ofMillis(10),
                () -> count(
                                "SELECT COUNT(*) FROM alert_delivery WHERE alert_id = ? AND claimed_by LIKE ?",
                                alertId,
                                SECOND + "/%")
                        >= 50);
        second.kill();
        long heldAtDeath = count(
                "SELECT COUNT(*) FROM alert_delivery WHERE alert_id = ? AND state = 'CLAIMED' "
                        + "AND claimed_by LIKE ?",
                alertId,
                SECOND + "/%");
        AlertsIT.awaitSent(alertId);

        Map<String, List<MimeMessage>> mails = AlertsIT.mailsTo(prefix);
        int twice = 0;
        for (int i = 0; i < 3000; i++) {
            int copies = mails.getOrDefault(AlertsIT.address(prefix, "SUBSCRIBED", i), List.of())
                    .size();
            assertTrue(copies >= 1, "supporter " + i + " skipped");
            twice += copies - 1;
        }
        assertTrue(
                twice <= SECOND_WORKERS,
                "at most one message in flight per worker of the dead instance may go twice: " + twice
                        + " (claims held at its death: " + heldAtDeath + ")");
        assertEquals(3000, count("SELECT COUNT(*) FROM alert_delivery WHERE alert_id = ? AND state = 'SENT'", alertId));
    }
}
