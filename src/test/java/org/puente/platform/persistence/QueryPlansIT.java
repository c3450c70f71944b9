package org.puente.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.alert.AlertDeliveries;
import org.puente.event.EventChores;
import org.puente.petition.SignatureSources;
import org.puente.petition.SignatureState;
import org.puente.petition.SignatureStore;
import org.puente.platform.mail.Outbox;
import org.puente.platform.security.SecretStore;
import org.puente.supporter.Subscribers;
import org.puente.supporter.SupporterEventKind;
import org.puente.supporter.SupporterStatus;
import org.puente.supporter.SupporterStore;
import org.puente.testing.TestEnvironment;

/**
 * Every SQL statement the portal writes by hand, explained by the test database with sample parameters on
 * tables filled like a portal that has run for a year: none may read a big table whole (EXPLAIN type
 * {@code ALL}). A full scan in a statement that writes locks every row it reads, so one staff action or
 * hourly job would make every signer wait. The statements are the code's own constants; a new
 * {@code createNativeQuery} or {@code prepareStatement} in the main code fails {@link #everyStatementIsListed}
 * until it is added here.
 */
@DisplayName("The portal's hand-written SQL follows indexes on the big tables")
class QueryPlansIT {

    /** Tables that grow with the public's activity; a full scan of a small table (alerts, secrets) is fine. */
    private static final Set<String> BIG = Set.of(
            "signature", "supporter", "supporter_event", "alert_delivery", "coalition_event", "event_registration");

    /** Where the main code runs SQL of its own: file → number of call sites (each covered below). */
    private static final Map<String, Integer> CALL_SITES = new TreeMap<>(Map.of(
            "alert/AlertDeliveries.java", 14,
            "supporter/Subscribers.java", 1,
            // the reminders due (a day before, and the host's second one) and the erasure of past events' attendees
            "event/EventChores.java", 3,
            "supporter/SupporterStore.java", 2,
            "petition/SignatureStore.java", 6,
            "platform/security/SecretStore.java", 2,
            "platform/persistence/DatabaseLock.java", 2,
            // the eight statements of the mail outbox (its generic update runs DELETE, RETRY, SETTLE and PURGE)
            "platform/mail/Outbox.java", 8));

    private static final Pattern CALL = Pattern.compile("\\b(createNativeQuery|prepareStatement|prepareCall)\\(");

    private static final Instant NOW = Instant.now();
    private static final int SIGNATURES = 20_000;
    private static final int SUPPORTERS = 10_000;

    private static String schema;
    private static Connection db;

    @BeforeAll
    static void portalThatRanForAYear() throws SQLException {
        schema = "puente_plans_" + System.nanoTime();
        try (Connection admin = TestEnvironment.database();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        String url = System.getProperty("puente.test.db.url").replaceFirst("/[^/?]+\\?", "/" + schema + "?");
        String user = System.getProperty("puente.test.db.user");
        String password = System.getProperty("puente.test.db.password");
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("filesystem:sql")
                .load()
                .migrate();
        db = DriverManager.getConnection(url, user, password);
        try (Statement fill = db.createStatement()) {
            // Row numbers 1…20,000 made of digits, so the same script runs on MariaDB and MySQL.
            fill.execute("CREATE TABLE digit (d INT NOT NULL)");
            fill.execute("INSERT INTO digit VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
            fill.execute("CREATE TABLE numbers (seq INT NOT NULL PRIMARY KEY)");
            fill.execute("INSERT INTO numbers SELECT 1 + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d "
                    + "FROM digit a, digit b, digit c, digit e, digit f WHERE f.d < 2");
            fill.execute("INSERT INTO organization (slug, name, country, created_at, updated_at) "
                    + "VALUES ('org', 'Org', 'US', NOW(), NOW())");
            fill.execute("INSERT INTO account (email, display_name, password_hash, role, language, created_at) "
                    + "VALUES ('staff@example.org', 'Staff', 'x', 'STAFF', 'en', NOW())");
            fill.execute("INSERT INTO petition (organization_id, slug, target, goal, state, created_at, updated_at) "
                    + "SELECT 1, CONCAT('p', seq), 'Congress', 1000, 'OPEN', NOW(), NOW() FROM numbers "
                    + "WHERE seq <= 20");
            // A year of signatures; only the last 30 days' still hold the signer's address (retention).
            fill.execute("INSERT INTO signature (petition_id, first_name, last_name, email, email_canonical, country, "
                    + "language, state, created_at, source_ip, hold_reason) SELECT 1 + seq % 20, 'Ana', 'Ruiz', "
                    + "CONCAT('s', seq, '@example.org'), CONCAT('s', seq, '@example.org'), 'US', "
                    + "IF(seq % 2 = 0, 'en', 'es'), IF(seq % 10 = 0, 'PENDING', 'CONFIRMED'), "
                    + "NOW() - INTERVAL (seq % 365) DAY - INTERVAL (seq % 24) HOUR, "
                    + "IF(seq % 365 < 31, CONCAT('203.0.113.', seq % 250), NULL), IF(seq % 50 = 0, 'RATE_LIMIT', NULL) "
                    + "FROM numbers WHERE seq <= " + SIGNATURES);
            fill.execute("INSERT INTO supporter (email, email_canonical, first_name, last_name, postal_code, country, "
                    + "language, status, consent_at, consent_source, created_at, updated_at) SELECT "
                    + "CONCAT('s', seq, '@example.org'), CONCAT('s', seq, '@example.org'), 'Ana', 'Ruiz', "
                    + "CONCAT(seq % 90000 + 10000), IF(seq % 3 = 0, 'MX', 'US'), IF(seq % 2 = 0, 'en', 'es'), "
                    + "IF(seq % 10 = 0, 'UNSUBSCRIBED', 'SUBSCRIBED'), NOW(), 'petition', NOW(), NOW() "
                    + "FROM numbers WHERE seq <= " + SUPPORTERS);
            fill.execute("INSERT INTO supporter_event (supporter_id, kind, source, happened_at) SELECT "
                    + "1 + seq % " + SUPPORTERS + ", IF(seq % 10 = 0, 'UNSUBSCRIBE', 'CONSENT'), "
                    + "IF(seq % 10 = 0, CONCAT('alert ', 1 + seq % 4), 'petition'), NOW() - INTERVAL seq MINUTE "
                    + "FROM numbers");
            fill.execute("INSERT INTO alert (subject_en, state, created_by, created_at, updated_at) "
                    + "SELECT CONCAT('Alert ', seq), IF(seq <= 2, 'SENDING', 'SENT'), 1, NOW(), NOW() "
                    + "FROM numbers WHERE seq <= 40");
            fill.execute("INSERT INTO alert_delivery (alert_id, supporter_id, email, language, state, attempts, "
                    + "next_attempt_at, sent_at) SELECT 1 + (seq - 1) DIV 500, 1 + (seq - 1) % 500, 'x@example.org', "
                    + "'en', IF(seq % 7 = 0, 'PENDING', 'SENT'), 1, NOW(), NOW() FROM numbers");
            // Two years of events, one every few days, and a hundred registrations each.
            fill.execute(
                    "INSERT INTO coalition_event (organization_id, slug, event_type, title_en, starts_at, ends_at, "
                            + "time_zone, attendance, disclosure, city, country, state, created_at, updated_at) SELECT 1, "
                            + "CONCAT('e', seq), 'VIGIL', 'Vigil', NOW() - INTERVAL 500 DAY + INTERVAL (seq * 3) DAY, "
                            + "NOW() - INTERVAL 500 DAY + INTERVAL (seq * 3) DAY + INTERVAL 2 HOUR, 'America/Chicago', "
                            + "'IN_PERSON', 'AFTER_RSVP', 'Chicago', 'US', 'PUBLISHED', NOW(), NOW() FROM numbers "
                            + "WHERE seq <= 200");
            fill.execute("INSERT INTO event_registration (event_id, first_name, email, email_canonical, language, "
                    + "state, created_at, confirmed_at) SELECT 1 + seq % 200, 'Ana', CONCAT('r', seq, '@example.org'), "
                    + "CONCAT('r', seq, '@example.org'), 'es', IF(seq % 10 = 0, 'WAITLISTED', 'CONFIRMED'), NOW(), NOW() "
                    + "FROM numbers");
            fill.execute("ANALYZE TABLE signature, supporter, supporter_event, alert, alert_delivery, petition, "
                    + "coalition_event, event_registration");
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (db != null) {
            db.close();
        }
        try (Connection admin = TestEnvironment.database();
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + schema);
        }
    }

    @Test
    @DisplayName("erasing a person from the preferences page finds their signatures and deliveries by index")
    void erasure() throws SQLException {
        String canonical = "s4242@example.org";
        assertIndexed(
                "erase pending signatures", SignatureStore.ERASE_SIGNER, canonical, SignatureState.PENDING.name());
        assertIndexed("anonymize signatures", SignatureStore.ANONYMIZE_SIGNER, canonical);
        assertIndexed("anonymize deliveries", AlertDeliveries.ERASE_RECIPIENT, 4242L);
    }

    @Test
    @DisplayName(
            "the hourly retention job reads only the signatures that still hold an address, and changes them by id")
    void retention() throws SQLException {
        assertIndexed("signatures with old addresses", SignatureStore.OLD_SOURCES, ago(Duration.ofDays(30)));
        assertIndexed("erase their addresses", SignatureStore.ERASE_SOURCES + "(11, 12, 13)");
    }

    @Test
    @DisplayName("signing, the source report and the supporter list")
    void petitionsAndSupporters() throws SQLException {
        assertIndexed(
                "signatures from an address",
                SignatureStore.SIGNED_FROM_ADDRESS,
                ago(Duration.ofMinutes(1)),
                3L,
                "203.0.113.7",
                ago(Duration.ofHours(1)));
        Timestamp twoDays = ago(Duration.ofHours(SignatureSources.HOURS));
        assertIndexed("signatures per hour", SignatureStore.HOURLY, 3L, twoDays);
        assertIndexed("busiest addresses", SignatureStore.topSql(SignatureStore.ADDRESS), 3L, twoDays);
        assertIndexed("busiest domains", SignatureStore.topSql(SignatureStore.DOMAIN), 3L, twoDays);
        assertIndexed(
                "import: consent events",
                SupporterStore.IMPORT_CONSENT_EVENT,
                SupporterEventKind.CONSENT.name(),
                "import",
                ago(Duration.ZERO),
                "s4242@example.org");
        assertIndexed(
                "import: new supporter",
                SupporterStore.IMPORT_SUPPORTER,
                "n@example.org",
                "n@example.org",
                "N",
                "N",
                null,
                "US",
                "en",
                SupporterStatus.SUBSCRIBED.name(),
                ago(Duration.ZERO),
                "import",
                ago(Duration.ZERO),
                ago(Duration.ZERO));
        assertIndexed("create a secret", SecretStore.CREATE, "form-timer", "secret", ago(Duration.ZERO));
        assertIndexed("read a secret", SecretStore.READ, "form-timer");
        assertIndexed("take the bootstrap lock", DatabaseLock.GET, "puente.bootstrap", 0);
        assertIndexed("release it", DatabaseLock.RELEASE, "puente.bootstrap");
        assertIndexed("messages due in the outbox", Outbox.DUE, "PENDING", ago(Duration.ZERO), ago(Duration.ZERO), 20);
        assertIndexed("claim one", Outbox.CLAIM_ONE, ago(Duration.ZERO), 1L, "PENDING", ago(Duration.ZERO));
        assertIndexed("the backlog", Outbox.BACKLOG, "PENDING");
        assertIndexed("purge settled messages", Outbox.PURGE, "REFUSED", "GAVE_UP", ago(Duration.ofDays(30)));
    }

    @Test
    @DisplayName("alerts: snapshots, claims, settling, progress and reports")
    void alerts() throws SQLException {
        assertIndexed("due alerts", AlertDeliveries.DUE_ALERTS, "SCHEDULED", ago(Duration.ZERO));
        assertIndexed(
                "snapshot", AlertDeliveries.SNAPSHOT, 99L, 4242L, "s@example.org", "es", "PENDING", ago(Duration.ZERO));
        assertIndexed(
                "snapshot a host's message",
                AlertDeliveries.SNAPSHOT_ATTENDEE,
                99L,
                4243L,
                "es",
                "PENDING",
                ago(Duration.ZERO));
        assertIndexed("report", AlertDeliveries.REPORT, 2L);
        assertIndexed("recipients by language", String.format(AlertDeliveries.RECIPIENTS_BY_LANGUAGE, "11,12,13"), 2L);
        assertIndexed(
                "unsubscribed through an alert's link", Subscribers.UNSUBSCRIBED_THROUGH, "UNSUBSCRIBE", "alert 2");
        assertIndexed("progress", String.format(AlertDeliveries.PROGRESS, "1,2,3"), ago(Duration.ofSeconds(10)));
        assertIndexed("sending alerts", AlertDeliveries.SENDING_ALERTS, "SENDING");
        assertIndexed("expired claims", AlertDeliveries.EXPIRED_CLAIMS, 2L, "CLAIMED", ago(Duration.ZERO), 20);
        assertIndexed("due deliveries", AlertDeliveries.DUE_DELIVERIES, 2L, "PENDING", ago(Duration.ZERO), 20);
        assertIndexed("mark claimed", AlertDeliveries.MARK_CLAIMED, "CLAIMED", "i/1", ago(Duration.ZERO), 77L);
        assertIndexed(
                "settle",
                AlertDeliveries.SETTLE,
                "SENT",
                null,
                null,
                ago(Duration.ZERO),
                "SENT",
                "PENDING",
                77L,
                "CLAIMED",
                "i/1");
        assertIndexed("release", AlertDeliveries.RELEASE, "PENDING", ago(Duration.ZERO), 77L, "CLAIMED", "i/1");
        assertIndexed("settled alerts", AlertDeliveries.SETTLED_ALERTS, "SENDING", "PENDING", "CLAIMED");
        assertIndexed("erase a recipient", AlertDeliveries.ERASE_RECIPIENT, 4242L);
        assertIndexed("a supporter's received alerts", AlertDeliveries.OF_RECIPIENT, 42L);
    }

    @Test
    @DisplayName("events: the reminders due and the erasure of past events' attendees")
    void events() throws SQLException {
        assertIndexed(
                "reminders due",
                EventChores.DUE_REMINDERS,
                "PUBLISHED",
                ago(Duration.ZERO),
                ago(Duration.ofHours(-24)),
                "CONFIRMED");
        assertIndexed(
                "second reminders due",
                EventChores.DUE_SECOND_REMINDERS,
                "PUBLISHED",
                ago(Duration.ZERO),
                ago(Duration.ofHours(-24)),
                ago(Duration.ZERO),
                "CONFIRMED");
        assertIndexed("erase past events' attendees", EventChores.ERASE, ago(Duration.ZERO), ago(Duration.ofDays(30)));
    }

    @Test
    @DisplayName("every statement the main code runs by hand is listed in this test")
    void everyStatementIsListed() throws IOException {
        Path main = Path.of("src/main/java/org/puente");
        Map<String, Integer> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher calls = CALL.matcher(Files.readString(file));
                int count = 0;
                while (calls.find()) {
                    count++;
                }
                if (count > 0) {
                    found.put(main.relativize(file).toString().replace('\\', '/'), count);
                }
            }
        }
        assertEquals(CALL_SITES, found, "a statement was added or removed: explain it here and update the list");
    }

    // ---------------------------------------------------------------------------------------------

    private static Timestamp ago(Duration duration) {
        return Timestamp.from(NOW.minus(duration));
    }

    private static void assertIndexed(String what, String sql, Object... parameters) throws SQLException {
        List<String[]> plan = explain(sql, parameters);
        assertTrue(!plan.isEmpty(), what + ": no plan");
        List<String> whole = wholeReads(sql, plan);
        assertTrue(whole.isEmpty(), what + " reads all of " + whole + ":\n" + sql + "\n" + describe(plan));
    }

    /**
     * The big tables a plan reads whole: a table scan ({@code ALL}) or a scan of a whole index
     * ({@code index}, which reads every row too). The target row of an INSERT is not a read.
     */
    private static List<String> wholeReads(String sql, List<String[]> plan) {
        Map<String, String> tables = tablesByAlias(sql);
        List<String> whole = new ArrayList<>();
        for (String[] row : plan) {
            String table = tables.getOrDefault(String.valueOf(row[1]), String.valueOf(row[1]));
            if (!"INSERT".equals(row[0])
                    && BIG.contains(table)
                    && Set.of("ALL", "index").contains(row[2])) {
                whole.add(table);
            }
        }
        return whole;
    }

    /** EXPLAIN names a table by its alias in the statement ({@code FROM supporter s}). */
    private static Map<String, String> tablesByAlias(String sql) {
        Map<String, String> tables = new TreeMap<>();
        Matcher named = Pattern.compile("(?i)\\b(?:FROM|JOIN|UPDATE|INTO)\\s+(\\w+)(?:\\s+(?:AS\\s+)?(\\w+))?")
                .matcher(sql);
        Set<String> keywords = Set.of(
                "WHERE", "SET", "JOIN", "ON", "GROUP", "ORDER", "LIMIT", "LEFT", "INNER", "SELECT", "VALUES", "FOR",
                "AS");
        while (named.find()) {
            String alias = named.group(2);
            if (alias != null && !keywords.contains(alias.toUpperCase(java.util.Locale.ROOT))) {
                tables.put(alias, named.group(1));
            }
        }
        return tables;
    }

    private static List<String[]> explain(String sql, Object... parameters) throws SQLException {
        List<String[]> plan = new ArrayList<>();
        try (PreparedStatement explain = db.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.add(new String[] {
                        rs.getString("select_type"),
                        rs.getString("table"),
                        rs.getString("type"),
                        rs.getString("key"),
                        rs.getString("rows"),
                        rs.getString("Extra")
                    });
                }
            }
        }
        return plan;
    }

    private static String describe(List<String[]> plan) {
        StringBuilder text = new StringBuilder("select_type | table | type | key | rows | Extra\n");
        for (String[] row : plan) {
            text.append(String.join(
                            " | ",
                            java.util.Arrays.stream(row).map(String::valueOf).toList()))
                    .append('\n');
        }
        return text.toString();
    }
}
