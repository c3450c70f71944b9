package org.puente.petition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
import org.puente.testing.FaultyDatabase;
import org.puente.testing.FaultyDatabase.State;
import org.puente.testing.InstanceBeside;
import org.puente.testing.Mailbox;
import org.puente.testing.TestClock;
import org.puente.testing.TestEnvironment;

/**
 * An operator's bad day, for real: an instance of the built WAR whose database connection passes through
 * {@link FaultyDatabase}, which freezes it or kills it, and which is finally stopped with SIGTERM while a
 * hundred people are signing. The shared instance, on the same database and mail server, is the "other
 * instance" that sends what the stopped one left in the outbox.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("A frozen or dead database and a stopping instance: fast 503s, stale pages, a quiet log, nothing lost")
class OutagesIT {

    static FaultyDatabase database;
    static EmbeddedPuente instance;
    static File log;
    static CompletableFuture<EmbeddedPuente> booting;
    static final String NAME = "outage-instance";

    @ArquillianResource
    URL base;

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        log = InstanceBeside.log(NAME);
        booting = CompletableFuture.supplyAsync(() -> {
            try {
                Await.until(
                        "the first instance's schema and admin",
                        Duration.ofMinutes(4),
                        Duration.ofMillis(200),
                        TestEnvironment::adminExists);
                String url = System.getProperty("puente.test.db.url");
                database = new FaultyDatabase(url);
                return InstanceBeside.start(
                        NAME,
                        Map.of(
                                "PUENTE_DB_URL", FaultyDatabase.through(url, database.port()),
                                "PUENTE_SIGNING_ALLOW_LIST", TestEnvironment.ownAddresses(),
                                "PUENTE_MAIL_POLL_MILLIS", "200"));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        return Deployments.shared();
    }

    @BeforeAll
    static void instanceReady() throws Exception {
        instance = booting.get(4, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stopInstance() throws Exception {
        if (database != null) {
            database.set(State.UP);
        }
        if (instance != null) {
            instance.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    static HttpResponse<String> get(String path, String language) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(instance.localUri().resolve(path))
                        .header("Accept-Language", language)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest signing(long petitionId, String email) {
        return HttpRequest.newBuilder(instance.localUri().resolve("/api/v1/petitions/" + petitionId + "/signatures"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "es")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(PetitionsIT.signatureJson("Caída", email)))
                .build();
    }

    static HttpResponse<String> sign(long petitionId, String email) throws Exception {
        return CLIENT.send(signing(petitionId, email), HttpResponse.BodyHandlers.ofString());
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    static List<String> logLines() throws Exception {
        return Files.readAllLines(log.toPath(), StandardCharsets.UTF_8);
    }

    static long count(List<String> lines, String text) {
        return lines.stream().filter(line -> line.contains(text)).count();
    }

    /** Signing works again on the instance (a refused attempt writes nothing, so trying again is harmless). */
    static void awaitSigningWorks(long petitionId, String email) throws Exception {
        Await.until(
                "signing works again once the database answers",
                Duration.ofSeconds(15),
                Duration.ofMillis(200),
                () -> sign(petitionId, email).statusCode() == 202);
        assertEquals(1, PetitionsIT.rows(email), "signed once");
    }

    static void assertUnavailableJson(HttpResponse<String> answer) {
        assertEquals(503, answer.statusCode(), answer.body());
        assertEquals("30", answer.headers().firstValue("Retry-After").orElse(null));
        assertTrue(
                answer.headers().firstValue("Content-Type").orElse("").contains("json"),
                "JSON for the API: " + answer.headers().map());
        assertTrue(answer.body().startsWith("{\"error\":\""), answer.body());
    }

    @Test
    @Order(1)
    @DisplayName("the database frozen: readiness says 503 within 3 s, a signature is answered 503 within 10 s with "
            + "nothing written, and signing works within seconds of the database's return")
    void frozenDatabase() throws Exception {
        String slug = PetitionsIT.openPetition("frozen");
        long id = PetitionsIT.idOf(slug);
        assertEquals(200, get("/petitions/" + slug, "en").statusCode());
        assertEquals(200, get("/health/ready", "en").statusCode());
        String email = "frozen-" + System.nanoTime() + "@example.org";

        database.set(State.FROZEN);
        try {
            long signingStarted = System.nanoTime();
            CompletableFuture<HttpResponse<String>> signed =
                    CLIENT.sendAsync(signing(id, email), HttpResponse.BodyHandlers.ofString());
            long readyStarted = System.nanoTime();
            HttpResponse<String> ready = get("/health/ready", "en");
            assertEquals(503, ready.statusCode(), "a frozen database is not ready");
            assertTrue(millisSince(readyStarted) < 3000, "readiness answered in " + millisSince(readyStarted) + " ms");

            HttpResponse<String> answer = signed.get(15, TimeUnit.SECONDS);
            long took = millisSince(signingStarted);
            assertUnavailableJson(answer);
            assertTrue(answer.body().contains("Nada de lo que enviaste"), "in the signer's language: " + answer.body());
            assertTrue(took < 10_000, "the signature was answered in " + took + " ms");
        } finally {
            database.set(State.UP);
        }
        assertEquals(0, PetitionsIT.rows(email), "nothing half-written");
        long back = System.nanoTime();
        awaitSigningWorks(id, email);
        assertTrue(millisSince(back) < 10_000, "back in " + millisSince(back) + " ms");
    }

    @Test
    @Order(2)
    @DisplayName("the database dead: people get the bilingual 503 page, the API 503 in JSON, both with Retry-After; "
            + "a kept public page is served marked stale; the log says it once, not once per request")
    void deadDatabase() throws Exception {
        String slug = PetitionsIT.openPetition("dead");
        long id = PetitionsIT.idOf(slug);
        String page = "/petitions/" + slug;
        assertEquals(200, get(page, "es").statusCode(), "read once, so a copy is kept");
        int linesBefore = logLines().size();
        String email = "dead-" + System.nanoTime() + "@example.org";

        database.set(State.DOWN);
        int requests = 0;
        try {
            // Six seconds of a public that keeps coming: readers, the API, people signing.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (System.nanoTime() < end) {
                get(page, "es");
                get("/petitions", "es");
                get("/api/v1/petitions", "en");
                sign(id, email);
                requests += 4;
            }

            HttpResponse<String> stale = get(page, "es");
            assertEquals(200, stale.statusCode(), "the kept copy of a public page");
            assertTrue(stale.body().contains("Petition " + slug), stale.body());
            assertTrue(stale.headers().firstValue("Warning").orElse("").startsWith("110"), "marked stale");
            assertEquals("no-cache", stale.headers().firstValue("Cache-Control").orElse(null));

            HttpResponse<String> person = get("/petitions", "es");
            assertEquals(503, person.statusCode());
            assertEquals("30", person.headers().firstValue("Retry-After").orElse(null));
            assertTrue(person.body().contains("lang=\"es\""), person.body());
            assertTrue(person.body().contains("Volvemos en un momento"), person.body());
            assertTrue(!person.body().contains("Exception"), "no stack trace: " + person.body());

            assertUnavailableJson(get("/api/v1/petitions", "en"));
            HttpResponse<String> signature = sign(id, email);
            assertUnavailableJson(signature);
            assertEquals(503, get("/health/ready", "en").statusCode());
        } finally {
            database.set(State.UP);
        }
        assertEquals(0, PetitionsIT.rows(email), "nothing written while the database was gone");
        awaitSigningWorks(id, email);

        List<String> during = logLines().subList(linesBefore, logLines().size());
        assertTrue(requests > 200, "the outage was put under load: " + requests + " requests");
        assertTrue(
                during.size() < 100,
                during.size() + " log lines for " + requests + " requests in a 6-second outage:\n"
                        + String.join("\n", during));
        assertEquals(1, count(during, "Database unavailable"), String.join("\n", during));
        assertEquals(1, count(during, "Database back after"), String.join("\n", during));
    }

    @Test
    @Order(3)
    @DisplayName("SIGTERM while 100 people sign: readiness turns 503 at once, every signature is answered 202 (or, "
            + "arriving late, refused before any work), none lost, and each confirmation arrives exactly once")
    void gracefulShutdown() throws Exception {
        // The two instances must agree on the time, as machines on NTP do: earlier tests moved the shared one's
        // clock forward, and a claim the stopping instance holds would look expired to it, and be sent twice.
        TestClock.reset(base.toURI());
        String slug = PetitionsIT.openPetition("drain");
        long id = PetitionsIT.idOf(slug);
        List<String> emails = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String email = "drain-" + i + "-" + System.nanoTime() + "@example.org";
            emails.add(email);
            answers.add(CLIENT.sendAsync(signing(id, email), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.anyOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        instance.terminate();
        Await.until(
                "readiness turns 503 while the instance drains",
                Duration.ofSeconds(2),
                Duration.ofMillis(20),
                () -> get("/health/ready", "en").statusCode() == 503);

        int accepted = 0;
        try {
            for (int i = 0; i < 100; i++) {
                HttpResponse<String> answer = answers.get(i).get(60, TimeUnit.SECONDS);
                if (answer.statusCode() == 202) {
                    accepted++;
                    assertEquals(1, PetitionsIT.rows(emails.get(i)), "an accepted signature is kept");
                } else {
                    assertEquals(503, answer.statusCode(), answer.body());
                    assertTrue(answer.headers().firstValue("Retry-After").isPresent());
                    assertEquals(0, PetitionsIT.rows(emails.get(i)), "a refused one did nothing");
                }
            }
            assertTrue(instance.awaitExit(Duration.ofSeconds(40)), "the instance stopped");
            // Only once it is gone: any claim it still held runs out (while it lived, it was its to send).
            TestClock.advance(base.toURI(), Duration.ofMinutes(3));
            assertTrue(accepted > 0, "signatures in progress finished");
            for (int i = 0; i < 100; i++) {
                if (PetitionsIT.rows(emails.get(i)) == 1) {
                    Mailbox.to(emails.get(i), 1);
                }
            }
            for (int i = 0; i < 100; i++) {
                List<MimeMessage> mails = Mailbox.settledTo(base.toURI(), emails.get(i));
                assertEquals(PetitionsIT.rows(emails.get(i)), mails.size(), "one confirmation per signature");
            }
        } finally {
            TestClock.reset(base.toURI());
        }
        List<String> lines = logLines();
        assertEquals(1, count(lines, "Drained: "), "the log says what was finished and refused");
        assertEquals(
                0,
                count(lines, "abandoned"),
                String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }
}
