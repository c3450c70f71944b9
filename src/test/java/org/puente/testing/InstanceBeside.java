package org.puente.testing;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.puente.embedded.EmbeddedPuente;
import org.puente.embedded.Ports;

/**
 * Another Payara Micro started from the built WAR beside the shared one, on the same database and mail
 * server, as a second machine joining would: it starts once the first instance has made the schema and the
 * admin (at once when an earlier test class did), with its own port, data directory and log
 * ({@code target/<name>/payara.log}).
 */
public final class InstanceBeside {

    private InstanceBeside() {}

    /** Starts it in the background (while Arquillian deploys the shared one, when it is the first class). */
    public static CompletableFuture<EmbeddedPuente> booting(String name, Map<String, String> settings) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return start(name, settings);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    /** Its log, written afresh at each start. */
    public static File log(String name) {
        return new File(new File("target", name), "payara.log");
    }

    /** Starts it; {@code settings} add to or replace the shared ones (the database address, for instance). */
    public static EmbeddedPuente start(String name, Map<String, String> settings) throws Exception {
        Await.until(
                "the first instance's schema and admin",
                Duration.ofMinutes(4),
                Duration.ofMillis(200),
                TestEnvironment::adminExists);
        File log = log(name);
        File data = log.getParentFile();
        data.mkdirs();
        Files.deleteIfExists(log.toPath());
        Map<String, String> all = new HashMap<>(Map.ofEntries(
                Map.entry("PUENTE_HTTP_PORT", String.valueOf(Ports.free())),
                Map.entry("PUENTE_DATA_DIR", data.getAbsolutePath()),
                Map.entry("PUENTE_DB_URL", System.getProperty("puente.test.db.url")),
                Map.entry("PUENTE_DB_USER", System.getProperty("puente.test.db.user")),
                Map.entry("PUENTE_DB_PASSWORD", System.getProperty("puente.test.db.password")),
                Map.entry("PUENTE_SMTP_HOST", "127.0.0.1"),
                Map.entry("PUENTE_SMTP_PORT", System.getProperty("puente.test.smtp.port")),
                Map.entry("PUENTE_SMTP_STARTTLS", "false"),
                Map.entry("PUENTE_ADMIN_EMAIL", TestEnvironment.ADMIN_EMAIL),
                Map.entry("PUENTE_ADMIN_PASSWORD", TestEnvironment.adminPassword()),
                Map.entry("PUENTE_DEMO_DATA", "false"),
                // A test deployment (its clock at the system's unless a test moves it), so the test work factor holds.
                Map.entry("PUENTE_TEST_CLOCK", "adjustable"),
                Map.entry("PUENTE_TEST_PASSWORD_ITERATIONS", String.valueOf(TestEnvironment.PASSWORD_ITERATIONS)),
                Map.entry("PUENTE_INSTANCE_NAME", name),
                // As the shared instance (arquillian.xml): a JVM that stops at the quick compiler starts in far
                // less time on a small machine, and a test instance never runs long enough to repay the rest.
                Map.entry("PUENTE_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1")));
        all.putAll(settings);
        EmbeddedPuente instance = new EmbeddedPuente(all);
        instance.start(new File(System.getProperty("puente.war")), Redirect.appendTo(log));
        return instance;
    }
}
