package org.puente.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.puente.embedded.EmbeddedDatabase;
import org.puente.embedded.EmbeddedPuente;
import org.puente.embedded.Ports;
import org.puente.testing.Await;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

/**
 * {@code bash bench/run alerts}: the alert benchmark. {@value #SUPPORTERS_DEFAULT} supporters, half English and
 * half Spanish, one alert written and sent by staff through the real pages, delivered to Postfix's
 * {@code smtp-sink} on this machine:
 * <ol>
 * <li>the ceiling: what {@code smtp-source} (same package) pushes into the same sink, with as many
 *     connections as the portal has senders and messages of about an alert's size;</li>
 * <li>the portal: from "send" to the last delivery, the rate, and the portal's live heap (after a full
 *     collection) sampled along the way, which must stay flat;</li>
 * <li>checks: every delivery sent, none failed, and the sink received exactly one message per supporter.</li>
 * </ol>
 */
final class AlertBenchmark {

    static final int SUPPORTERS_DEFAULT = 100_000;
    static final double RATE_TARGET = 500;
    /** Live heap may grow this much from the first sample to the last and still count as flat. */
    static final long FLAT_MARGIN_MB = 64;

    private final Path target;
    private final Path report;
    private final int supporters = Integer.getInteger("bench.supporters", SUPPORTERS_DEFAULT);
    private final int workers = Integer.getInteger("bench.alert.workers", 4);
    private final int rateCap = Integer.getInteger("bench.alert.rate", 5000);
    private EmbeddedPuente portal;
    private double ceiling;

    AlertBenchmark(Path target, Path report) {
        this.target = target;
        this.report = report;
    }

    boolean run(File war) throws Exception {
        require("smtp-sink");
        require("smtp-source");
        Path sinkLog = target.resolve("bench-smtp-sink.log");
        ceiling = ceiling(sinkLog);

        Path data = target.resolve("bench-alerts-data");
        Benchmark.deleteRecursively(data);
        int sinkPort = Ports.free();
        Process sink = startSink(sinkPort, sinkLog);
        String password = "Bench-" + UUID.randomUUID();
        portal = new EmbeddedPuente(Map.ofEntries(
                Map.entry("PUENTE_DATA_DIR", data.toString()),
                Map.entry("PUENTE_HTTP_PORT", String.valueOf(Ports.free())),
                Map.entry("PUENTE_SMTP_HOST", "127.0.0.1"),
                Map.entry("PUENTE_SMTP_PORT", String.valueOf(sinkPort)),
                Map.entry("PUENTE_SMTP_STARTTLS", "false"),
                Map.entry("PUENTE_MAIL_FROM", "Puente <alerts@puente.localhost>"),
                Map.entry("PUENTE_ADMIN_EMAIL", "bench@puente.localhost"),
                Map.entry("PUENTE_ADMIN_PASSWORD", password),
                Map.entry("PUENTE_DEMO_DATA", "false"),
                Map.entry("PUENTE_ALERT_WORKERS", String.valueOf(workers)),
                Map.entry("PUENTE_ALERT_RATE", String.valueOf(rateCap))));
        Path payaraLog = target.resolve("bench-alerts-payara.log");
        say("Starting the portal against smtp-sink on port " + sinkPort + " (log: " + payaraLog + ") ...");
        try {
            portal.start(war, ProcessBuilder.Redirect.to(payaraLog.toFile()));
            return measure(password, sinkLog);
        } finally {
            portal.stop();
            sink.destroy();
            sink.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** smtp-source into a fresh sink: as many connections as senders, each carrying many messages. */
    private double ceiling(Path sinkLog) throws Exception {
        int port = Ports.free();
        Process sink = startSink(port, sinkLog);
        try {
            int messages = Math.min(supporters, 50_000);
            say("Ceiling: smtp-source sends " + messages + " messages of 4 KB over " + workers + " connections ...");
            long start = System.nanoTime();
            Process source = new ProcessBuilder(
                            "smtp-source",
                            "-d",
                            "-s",
                            String.valueOf(workers),
                            "-m",
                            String.valueOf(messages),
                            "-l",
                            "4096",
                            "-f",
                            "bench@puente.localhost",
                            "-t",
                            "sink@example.org",
                            "127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(source.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (source.waitFor() != 0) {
                throw new IllegalStateException("smtp-source failed:\n" + output);
            }
            double rate = messages / ((System.nanoTime() - start) / 1e9);
            say(String.format(Locale.ROOT, "  %.0f messages/s", rate));
            return rate;
        } finally {
            sink.destroy();
            sink.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process startSink(int port, Path log) throws Exception {
        // -c keeps a running count of messages; -u drops root privileges when run as root.
        Process sink = new ProcessBuilder("smtp-sink", "-c", "-u", "postfix", "127.0.0.1:" + port, "1024")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!Await.holds(Duration.ofSeconds(10), Duration.ofMillis(50), () -> !Ports.isFree(port) || !sink.isAlive())
                || !sink.isAlive()) {
            throw new IllegalStateException("smtp-sink did not start; see " + log);
        }
        return sink;
    }

    private boolean measure(String password, Path sinkLog) throws Exception {
        EmbeddedDatabase db = portal.database();
        say("Adding " + supporters + " supporters, half English and half Spanish ...");
        addSupporters(db);

        WebSession staff = new WebSession(portal.localUri());
        Page dashboard = staff.submit(
                staff.get("/login?lang=en"),
                "login",
                Map.of("email", "bench@puente.localhost", "password", password),
                "submit");
        if (!dashboard.uri().getPath().startsWith("/admin")) {
            throw new IllegalStateException("could not sign in: " + dashboard.text());
        }
        Page form = staff.get("/admin/alert?lang=en");
        Page counted = staff.submit(
                form,
                "form",
                Map.of(
                        "subjectEn",
                        "Call your representative today: children are waiting",
                        "subjectEs",
                        "Llama hoy a tu representante: los niños esperan",
                        "preheaderEn",
                        "Two minutes, one call.",
                        "preheaderEs",
                        "Dos minutos, una llamada.",
                        "bodyEn",
                        "<p>Hundreds of children are held at the border <strong>tonight</strong>.</p>"
                                + "<ul><li>Call your representative.</li><li>Ask them to demand their release to family.</li></ul>",
                        "bodyEs",
                        "<p>Cientos de niños están detenidos en la frontera <strong>esta noche</strong>.</p>"
                                + "<ul><li>Llama a tu representante.</li><li>Pídele que exija su entrega a sus familias.</li></ul>",
                        "actionLabelEn",
                        "Call now",
                        "actionLabelEs",
                        "Llama ya",
                        "actionUrlEn",
                        "https://example.org/call",
                        "actionUrlEs",
                        "https://example.org/llamar"),
                "count");
        String audience = String.format(Locale.ENGLISH, "%,d", supporters);
        if (!counted.text().contains("The audience holds " + audience)) {
            throw new IllegalStateException("unexpected audience: " + counted.text());
        }

        say("Sending the alert ...");
        Instant clicked = Instant.now();
        Page sent = staff.submit(staff.submit(counted, "form", Map.of(), "send"), "form", Map.of(), "confirmSend");
        if (!sent.messages().contains("going out to " + audience)) {
            throw new IllegalStateException("the alert did not start: " + sent.messages());
        }
        long alertId = number(db, "SELECT MAX(id) FROM alert");
        List<String> heap = new ArrayList<>();
        List<Long> liveMb = new ArrayList<>();
        int[] nextSample = {1};
        // Until the alert is sent, the live heap is sampled at each fifth of the way.
        boolean allSent = Await.holds(Duration.ofMinutes(30), Duration.ofMillis(250), () -> {
            long done = number(
                    db,
                    "SELECT COUNT(*) FROM alert_delivery WHERE alert_id = " + alertId + " AND state <> 'PENDING' "
                            + "AND state <> 'CLAIMED'");
            if (done >= (long) supporters * nextSample[0] / 5 && nextSample[0] <= 4) {
                long live = liveHeapMb();
                liveMb.add(live);
                heap.add(String.format(Locale.ROOT, "%d%%: %d MB", nextSample[0] * 20, live));
                say("  " + done + " sent; live heap " + live + " MB");
                nextSample[0]++;
            }
            return "SENT".equals(text(db, "SELECT state FROM alert WHERE id = " + alertId));
        });
        if (!allSent) {
            throw new IllegalStateException("the alert was not sent within 30 minutes");
        }
        long live = liveHeapMb();
        liveMb.add(live);
        heap.add("done: " + live + " MB");

        Timestamp started = timestamp(db, "SELECT started_at FROM alert WHERE id = " + alertId);
        Timestamp finished = timestamp(db, "SELECT finished_at FROM alert WHERE id = " + alertId);
        double seconds = (finished.getTime() - started.getTime()) / 1000.0;
        long sentCount =
                number(db, "SELECT COUNT(*) FROM alert_delivery WHERE alert_id = " + alertId + " AND state = 'SENT'");
        long failed =
                number(db, "SELECT COUNT(*) FROM alert_delivery WHERE alert_id = " + alertId + " AND state <> 'SENT'");
        double rate = sentCount / seconds;
        double snapshot = (started.getTime() - clicked.toEpochMilli()) / 1000.0;
        // The sink logs what it took a moment after it answered.
        Await.holds(Duration.ofSeconds(10), Duration.ofMillis(100), () -> sinkCount(sinkLog) >= sentCount);
        long received = sinkCount(sinkLog);
        say(String.format(
                Locale.ROOT,
                "  %d sent in %.1f s: %.0f messages/s; the sink received %d",
                sentCount,
                seconds,
                rate,
                received));

        boolean rateOk = rate >= RATE_TARGET;
        boolean flat = liveMb.size() >= 2 && liveMb.get(liveMb.size() - 1) - liveMb.get(0) <= FLAT_MARGIN_MB;
        boolean exact = sentCount == supporters && failed == 0 && received == supporters;
        StringBuilder md = new StringBuilder();
        md.append("## Action alerts\n\n").append(BenchReport.runLine());
        md.append(String.format(
                Locale.ROOT,
                "%,d supporters (half English, half Spanish), one alert written and sent by "
                        + "staff through the portal's pages, delivered to Postfix's `smtp-sink` on this machine; %d sender "
                        + "workers (`PUENTE_ALERT_WORKERS`), rate cap `PUENTE_ALERT_RATE=%d`.%n%n",
                supporters,
                workers,
                rateCap));
        md.append("| measure | result | target | met |\n|---|---|---|---|\n");
        md.append(String.format(
                Locale.ROOT,
                "| alert delivery rate (first to last delivery) | %.0f messages/s (%,d in %.1f s) "
                        + "| ≥ %.0f/s | %s |%n",
                rate,
                sentCount,
                seconds,
                RATE_TARGET,
                rateOk ? "yes" : "**no**"));
        md.append(String.format(
                Locale.ROOT,
                "| ceiling: `smtp-source -d -s %d -l 4096` into the same sink | %.0f messages/s "
                        + "| (reference) | |%n",
                workers,
                ceiling));
        md.append(String.format(
                Locale.ROOT,
                "| portal live heap after a full GC, along the send | %s | flat (± %d MB) | %s |%n",
                String.join(", ", heap),
                FLAT_MARGIN_MB,
                flat ? "yes" : "**no**"));
        md.append(String.format(
                Locale.ROOT,
                "| every supporter exactly once | %,d sent, %,d not sent, %,d received by the sink "
                        + "| all, once | %s |%n",
                sentCount,
                failed,
                received,
                exact ? "yes" : "**no**"));
        md.append(String.format(
                Locale.ROOT,
                "%nFrom pressing \"send\" to sending: %.1f s (the audience snapshot, one " + "`INSERT … SELECT`).%n",
                snapshot));
        BenchReport.update(report, "alerts", md.toString());
        say("Figures written to " + report);
        return rateOk && flat && exact;
    }

    private void addSupporters(EmbeddedDatabase db) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        db.jdbcUrl() + "&rewriteBatchedStatements=true", db.user(), db.password());
                PreparedStatement insert = connection.prepareStatement("INSERT INTO supporter "
                        + "(email, email_canonical, first_name, last_name, postal_code, country, language, status, consent_at, "
                        + "consent_source, created_at, updated_at) VALUES (?, ?, 'Ana', 'Prueba', ?, 'US', ?, 'SUBSCRIBED', NOW(6), "
                        + "'benchmark', NOW(6), NOW(6))")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < supporters; i++) {
                String email = "supporter-" + i + "@example.org";
                insert.setString(1, email);
                insert.setString(2, email);
                insert.setString(3, String.valueOf(10000 + i % 90000));
                insert.setString(4, i % 2 == 0 ? "en" : "es");
                insert.addBatch();
                if (i % 5000 == 4999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** The portal's heap in use right after a full collection: what it really holds on to. */
    private long liveHeapMb() throws Exception {
        String pid = String.valueOf(portal.pid());
        run("jcmd", pid, "GC.run");
        String info = run("jcmd", pid, "GC.heap_info");
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        long kb = 0;
        while (used.find()) {
            kb += Long.parseLong(used.group(1));
        }
        return kb / 1024;
    }

    /** The number of messages smtp-sink counted (its {@code -c} output ends with the latest count). */
    private static long sinkCount(Path log) throws IOException {
        Matcher m = Pattern.compile("mesg=(\\d+)").matcher(Files.readString(log));
        long last = 0;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static long number(EmbeddedDatabase db, String sql) throws Exception {
        String value = text(db, sql);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String text(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Timestamp timestamp(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private static void require(String tool) {
        if (!new File("/usr/sbin/" + tool).canExecute() && !new File("/usr/bin/" + tool).canExecute()) {
            throw new IllegalStateException(
                    "The alert benchmark needs " + tool + " (Debian package postfix); " + "bash bench/run installs it");
        }
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
