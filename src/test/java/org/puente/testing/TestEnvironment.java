package org.puente.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.puente.embedded.EmbeddedDatabase;
import org.puente.embedded.Ports;

/**
 * Starts the real servers the integration tests share, once per test JVM and before Arquillian reads
 * {@code arquillian.xml}: a MariaDB (embedded, fresh each run, unless {@code PUENTE_TEST_DB_URL} names a
 * server) and a GreenMail SMTP server. Their coordinates become system properties that
 * {@code arquillian.xml} passes to Payara Micro. Active only under failsafe.
 */
public class TestEnvironment implements LauncherSessionListener {

    public static final String ADMIN_EMAIL = "admin@puente.test";
    /** The first admin is a person with a name, as invitations show it. */
    public static final String ADMIN_NAME = "Rosa Martínez";

    public static final String BASE_URL = "http://puente.test";

    private static GreenMail greenMail;
    private static FaultySmtp smtp;
    private static EmbeddedDatabase database;
    private static boolean started;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("puente.test.environment") || started) {
            return;
        }
        started = true;
        try {
            String externalUrl = System.getenv("PUENTE_TEST_DB_URL");
            if (externalUrl == null || externalUrl.isBlank()) {
                Path dir = Path.of(System.getProperty("puente.test.dir", "target"), "it-mariadb");
                deleteRecursively(dir);
                database = EmbeddedDatabase.start(
                        dir.toFile(), Ports.free(), "puente_test", "puente_test", "test-" + UUID.randomUUID());
                System.setProperty("puente.test.db.url", database.jdbcUrl());
                System.setProperty("puente.test.db.user", database.user());
                System.setProperty("puente.test.db.password", database.password());
            } else {
                System.setProperty("puente.test.db.url", externalUrl);
                System.setProperty("puente.test.db.user", System.getenv().getOrDefault("PUENTE_TEST_DB_USER", "root"));
                System.setProperty(
                        "puente.test.db.password", System.getenv().getOrDefault("PUENTE_TEST_DB_PASSWORD", ""));
            }
            int smtpPort = Ports.free();
            greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            // The portal talks to GreenMail through a relay the tests can make misbehave.
            smtp = new FaultySmtp(smtpPort);
            System.setProperty("puente.test.smtp.port", String.valueOf(smtp.port()));
            System.setProperty("puente.test.admin.email", ADMIN_EMAIL);
            System.setProperty("puente.test.admin.password", "Admin-" + UUID.randomUUID());
            System.setProperty("puente.test.base.url", BASE_URL);
            File dir = new File(System.getProperty("puente.test.dir", "target"));
            File log = new File(dir, "payara-it.log");
            Files.deleteIfExists(log.toPath());
            System.setProperty("puente.test.payara.log", log.getAbsolutePath());
            System.setProperty(
                    "puente.test.payara.logging", writeLogging(dir, log).getAbsolutePath());
            writePortalSettings(new File(dir, "it-portal.properties"));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test database and mail server", e);
        }
    }

    /** Payara's logging for the tests: the console (which Arquillian reads) and one plain-text file. */
    private static File writeLogging(File dir, File log) throws Exception {
        String base;
        try (var in = TestEnvironment.class.getResourceAsStream("/payara/logging.properties")) {
            base = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String file = base.replace(
                        "handlers=java.util.logging.ConsoleHandler",
                        "handlers=java.util.logging.ConsoleHandler,java.util.logging.FileHandler")
                + "\njava.util.logging.FileHandler.pattern="
                + log.getAbsolutePath().replace("\\", "/")
                + "\njava.util.logging.FileHandler.append=true"
                + "\njava.util.logging.FileHandler.count=1"
                + "\njava.util.logging.FileHandler.limit=0"
                + "\njava.util.logging.FileHandler.level=INFO"
                + "\njava.util.logging.FileHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter\n";
        File target = new File(dir, "it-logging.properties");
        Files.writeString(target.toPath(), file);
        return target;
    }

    /** The portal's PUENTE_* settings, handed to Payara Micro with --systemproperties. */
    private static void writePortalSettings(File file) throws Exception {
        java.util.Properties settings = new java.util.Properties();
        settings.setProperty("PUENTE_DB_URL", System.getProperty("puente.test.db.url"));
        settings.setProperty("PUENTE_DB_USER", System.getProperty("puente.test.db.user"));
        settings.setProperty("PUENTE_DB_PASSWORD", System.getProperty("puente.test.db.password"));
        settings.setProperty("PUENTE_SMTP_HOST", "127.0.0.1");
        settings.setProperty("PUENTE_SMTP_PORT", System.getProperty("puente.test.smtp.port"));
        settings.setProperty("PUENTE_MAIL_FROM", "Puente <puente@puente.test>");
        settings.setProperty("PUENTE_BASE_URL", BASE_URL);
        settings.setProperty("PUENTE_ADMIN_EMAIL", ADMIN_EMAIL);
        settings.setProperty("PUENTE_ADMIN_PASSWORD", adminPassword());
        settings.setProperty("PUENTE_ADMIN_NAME", ADMIN_NAME);
        settings.setProperty("PUENTE_DEMO_DATA", "true");
        // The tests sign from this machine many times over: it is allow-listed, and it is the trusted proxy
        // through which the abuse tests pose as visitors elsewhere (X-Forwarded-For).
        String ownAddresses = ownAddresses();
        settings.setProperty("PUENTE_TRUSTED_PROXIES", ownAddresses);
        settings.setProperty("PUENTE_SIGNING_ALLOW_LIST", ownAddresses);
        settings.setProperty("PUENTE_SIGNING_MIN_SECONDS", String.valueOf(SIGNING_MIN_SECONDS));
        settings.setProperty("PUENTE_ALERT_RATE", "2000");
        settings.setProperty("PUENTE_ALERT_RETRY_SECONDS", "1");
        // Idle alert senders look for work ten times a second, so a test never waits a second for them.
        settings.setProperty("PUENTE_ALERT_POLL_MILLIS", "100");
        // Event reminders and erasure look for due work every second, so a test that moves the clock waits a second.
        settings.setProperty("PUENTE_EVENT_UPKEEP_SECONDS", "1");
        settings.setProperty("PUENTE_STATEMENT_UPKEEP_SECONDS", "1");
        // A sign-in or a new password costs a hundredth of production's hashing work, not half a second of this
        // machine; enough that simultaneous guesses still overlap. Never set outside tests.
        settings.setProperty("PUENTE_TEST_PASSWORD_ITERATIONS", String.valueOf(PASSWORD_ITERATIONS));
        // Tests move the portal's clock (TestClock) instead of sleeping; never set outside tests.
        settings.setProperty("PUENTE_TEST_CLOCK", "adjustable");
        try (var out = Files.newOutputStream(file.toPath())) {
            settings.store(out, "Written by TestEnvironment for the integration tests");
        }
        System.setProperty("puente.test.portal.settings", file.getAbsolutePath());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (smtp != null) {
            try {
                smtp.close();
            } catch (java.io.IOException e) {
                System.err.println("SMTP relay did not stop cleanly: " + e);
            }
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        if (database != null) {
            try {
                database.close();
            } catch (Exception e) {
                System.err.println("Test MariaDB did not stop cleanly: " + e);
            }
        }
    }

    /**
     * Every address of this machine (Arquillian reaches the portal through the host's address, not only
     * through loopback), as the portal writes them ({@code 0:0:0:0:0:0:0:1}, without a zone).
     */
    /** Whether the first instance has made the schema and the admin (a second instance starts after that). */
    public static boolean adminExists() {
        try (java.sql.Connection db = database();
                java.sql.PreparedStatement query =
                        db.prepareStatement("SELECT COUNT(*) FROM account WHERE email = ?")) {
            query.setString(1, ADMIN_EMAIL);
            try (java.sql.ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (java.sql.SQLException e) {
            return false; // no schema yet
        }
    }

    /** This machine's addresses: trusted as a proxy and allow-listed for signing in the tests. */
    public static String ownAddresses() throws java.net.SocketException {
        return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .map(a -> a.getHostAddress().replaceAll("%.*$", ""))
                .distinct()
                .collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * No signing form may come back sooner than this after it was made (the portal's default): tests move the
     * portal's clock past it ({@link TestClock#fillingInTheForm}) rather than wait as a person would.
     */
    public static final int SIGNING_MIN_SECONDS = 3;

    /** PBKDF2 iterations for the test instances' passwords (production: 210,000). */
    public static final int PASSWORD_ITERATIONS = 2_100;

    /** The SMTP relay in front of GreenMail, to make the mail server fail on purpose. */
    public static FaultySmtp smtp() {
        return smtp;
    }

    public static GreenMail mail() {
        if (greenMail == null) {
            throw new IllegalStateException("TestEnvironment did not start (run integration tests through failsafe)");
        }
        return greenMail;
    }

    /** A connection to the portal's test database, to arrange and check what no page shows. */
    public static java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(
                System.getProperty("puente.test.db.url"),
                System.getProperty("puente.test.db.user"),
                System.getProperty("puente.test.db.password"));
    }

    public static String adminPassword() {
        return System.getProperty("puente.test.admin.password");
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
