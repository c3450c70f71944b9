package org.puente.bench;

import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.puente.embedded.EmbeddedPuente;
import org.puente.embedded.Ports;
import org.puente.testing.Await;
import org.puente.testing.Mailbox;

/**
 * {@code bash bench/run}: the petition and event benchmarks (one {@link Scenario} each). Starts the portal as the embedded run does (embedded
 * MariaDB, mail catcher, demo data), drives it over HTTP with {@code wrk} from the same machine, and
 * writes the figures with a description of the machine to {@code BENCHMARKS.md}:
 * <ol>
 * <li>page reads (anonymous, sessionless): a petition, an event;</li>
 * <li>submissions through the real form, each a new person: signatures, registrations;</li>
 * <li>confirmations of those, many at once, then a check that the count the portal shows (through its
 *     API) equals the confirmed rows in the database.</li>
 * </ol>
 * The load comes from this machine, so its address is on the signing allow-list, as a community
 * centre's would be; the form's timer and every other rule apply as in production.
 */
public final class Benchmark {

    static final double READS_TARGET = 1000;
    static final double SIGNS_TARGET = 300;
    static final double P99_TARGET_MS = 500;

    /**
     * What one run measures: a public page with a form people submit and confirm by mail; the count the
     * API shows ({@code apiCount} of the item in {@code apiItems}) must equal the confirmed rows.
     */
    record Scenario(
            String section,
            String title,
            String slug,
            String pagePath,
            String form,
            Map<String, String> person,
            String confirmPath,
            String rowsSql,
            String confirmedSql,
            String apiPath,
            String apiItems,
            String apiCount,
            String readsLabel,
            String submitsLabel) {}

    static Scenario petitions() {
        String slug = "reunite-families-now";
        return new Scenario(
                "petitions",
                "Petitions",
                slug,
                "petitions/" + slug,
                "sign",
                Map.of(
                        "sign:firstName", "Bench",
                        "sign:lastName", "Firmante",
                        "sign:country", "MX",
                        "sign:language", "ES",
                        "sign:postalCode", "06700",
                        "sign:consent", "on"),
                "/signature-confirm?token=",
                "SELECT COUNT(*) FROM signature s JOIN petition p ON p.id = s.petition_id WHERE p.slug = ?",
                "SELECT COUNT(*) FROM signature s JOIN petition p ON p.id = s.petition_id "
                        + "WHERE p.slug = ? AND s.state = 'CONFIRMED' AND s.hold_reason IS NULL",
                "api/v1/petitions?per_page=100",
                "osdi:petitions",
                "total_signatures",
                "petition page reads (`GET /petitions/" + slug + "`)",
                "signature submissions (the form, a new person each)");
    }

    static Scenario events() {
        // The demo's online training: no capacity, so every confirmation is a place and the count is exact.
        String slug = "know-your-rights-training-online";
        return new Scenario(
                "events",
                "Events",
                slug,
                "events/" + slug,
                "register",
                Map.of("register:firstName", "Bench", "register:lastName", "Asistente", "register:language", "ES"),
                "/registration?token=",
                "SELECT COUNT(*) FROM event_registration r JOIN coalition_event e ON e.id = r.event_id WHERE e.slug = ?",
                "SELECT COUNT(*) FROM event_registration r JOIN coalition_event e ON e.id = r.event_id "
                        + "WHERE e.slug = ? AND r.state = 'CONFIRMED' AND r.hold_reason IS NULL",
                "api/v1/events?per_page=100",
                "osdi:events",
                "total_accepted",
                "event page reads (`GET /events/" + slug + "`)",
                "registrations (the form, a new person each)");
    }

    private final Scenario scenario;

    private final Path target;
    private final Path report;
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final int connections = Integer.getInteger("bench.connections", 32);
    private final List<String> findings = new ArrayList<>();
    private EmbeddedPuente portal;
    private URI base;

    private Benchmark(Scenario scenario, Path target, Path report) {
        this.scenario = scenario;
        this.target = target;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !new File(args[0]).isFile()) {
            System.err.println(
                    "Usage: Benchmark path/to/puente.war path/to/BENCHMARKS.md  (run it with: bash bench/run)");
            System.exit(2);
        }
        Path target = Path.of(args[0]).toAbsolutePath().getParent();
        Path report = Path.of(args[1]);
        String which = System.getProperty("bench.run", "all");
        boolean passed = true;
        if (which.equals("all") || which.equals("petitions")) {
            passed &= new Benchmark(petitions(), target, report).run(new File(args[0]));
        }
        if (which.equals("all") || which.equals("events")) {
            passed &= new Benchmark(events(), target, report).run(new File(args[0]));
        }
        if (which.equals("all") || which.equals("alerts")) {
            passed &= new AlertBenchmark(target, report).run(new File(args[0]));
        }
        if (which.equals("all") || which.equals("pages")) {
            passed &= new PageWeightBenchmark(target, report).run(new File(args[0]));
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean run(File war) throws Exception {
        requireWrk();
        Path data = target.resolve("bench-data");
        deleteRecursively(data);
        portal = new EmbeddedPuente(Map.of(
                "PUENTE_DATA_DIR", data.toString(),
                "PUENTE_HTTP_PORT", String.valueOf(Ports.free()),
                "PUENTE_MAILBOX_PORT", String.valueOf(Ports.free()),
                "PUENTE_EMBEDDED_SMTP_PORT", String.valueOf(Ports.free()),
                "PUENTE_SIGNING_ALLOW_LIST", "127.0.0.1,::1",
                // wrk sends each script's form at once; its stamp is still checked (signed, bound to the
                // petition, at most two hours old), only its least age is zero, so the run need not wait it out.
                "PUENTE_SIGNING_MIN_SECONDS", "0",
                "PUENTE_DEMO_DATA", "true"));
        Path payaraLog = target.resolve("bench-payara.log");
        say("Starting the portal (log: " + payaraLog + ") ...");
        try {
            portal.start(war, ProcessBuilder.Redirect.to(payaraLog.toFile()));
            base = portal.localUri();
            return measure();
        } finally {
            portal.stop();
        }
    }

    private boolean measure() throws Exception {
        String page = base.resolve(scenario.pagePath()).toString();
        say("Warming up (the JIT compiles the busy paths) ...");
        wrk(page, 15, null);
        Path signScript = signScript("warmup");
        wrk(page, 60, signScript);

        say("Reading " + scenario.pagePath() + " for " + seconds + " s ...");
        Wrk reads = wrk(page, seconds, null);
        long rowsBefore = rows(scenario.rowsSql());
        signScript = signScript("bench");
        say("Submitting the form for " + seconds + " s ...");
        profile("JFR.start", "name=signing", "settings=default", "filename=" + target.resolve("bench-signing.jfr"));
        Process top = Boolean.getBoolean("bench.profile")
                ? new ProcessBuilder("top", "-b", "-d", "5", "-n", "5")
                        .redirectErrorStream(true)
                        .redirectOutput(target.resolve("bench-signing-top.txt").toFile())
                        .start()
                : null;
        Wrk signs = wrk(page, seconds, signScript);
        profile("JFR.stop", "name=signing");
        if (top != null) {
            top.waitFor();
        }
        long rowsAfter = rows(scenario.rowsSql());

        long mailed = rows(scenario.rowsSql() + " AND (email LIKE 'bench-%' OR email LIKE 'warmup-%')");
        say("Waiting for the " + mailed + " confirmation mails to reach the mail catcher ...");
        double drainSeconds = awaitMails(mailed);
        findings.add(String.format(
                Locale.ROOT,
                "Confirmation mails: %d, one per new person, all delivered %.0f s after "
                        + "the last submission (they leave after commit, from a queue, over pooled SMTP connections).",
                mailed,
                drainSeconds));

        say("Confirming, " + connections + " at a time ...");
        Confirmations confirmations = confirmAll();
        long confirmedRows = rows(scenario.confirmedSql());
        // The count shown is at most a few seconds stale: it must reach the rows within ten.
        Await.holds(Duration.ofSeconds(10), Duration.ofMillis(250), () -> shownCount() == confirmedRows);
        long shown = shownCount();

        boolean readsOk = reads.perSecond() >= READS_TARGET && reads.p99Ms() < P99_TARGET_MS && reads.errors() == 0;
        boolean signsOk = signs.perSecond() >= SIGNS_TARGET && signs.p99Ms() < P99_TARGET_MS && signs.errors() == 0;
        long accepted = signs.requests() - signs.errors();
        long added = rowsAfter - rowsBefore;
        // wrk stops counting at the deadline while up to one request per connection is still being served
        boolean rowsOk = added >= accepted && added <= accepted + connections;
        boolean countOk = shown == confirmedRows && confirmations.failures() == 0;
        findings.add(String.format(
                Locale.ROOT,
                "Rows added: %d for %d answered submissions, plus at most %d " + "in flight when wrk stopped (%s).",
                added,
                accepted,
                connections,
                rowsOk ? "one row per submission" : "MISMATCH"));
        findings.add(String.format(
                Locale.ROOT,
                "Count shown after the confirmations: %d; confirmed rows in the database: %d (%s).",
                shown,
                confirmedRows,
                countOk ? "equal" : "NOT EQUAL"));
        writeReport(reads, signs, confirmations, readsOk, signsOk, rowsOk && countOk);
        say("Figures written to " + report);
        return readsOk && signsOk && rowsOk && countOk;
    }

    /** A wrk script that sends the page's real form, with a new person's address on every request. */
    private Path signScript(String prefix) throws Exception {
        HttpResponse<String> response = http().send(
                        HttpRequest.newBuilder(base.resolve(scenario.pagePath() + "?lang=es"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Document document = Jsoup.parse(response.body(), base.toString());
        String formId = scenario.form();
        Element form = document.getElementById(formId);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String type = input.attr("type");
            if (type.equals("checkbox")
                    || type.equals("submit")
                    || input.attr("name").equals(formId + ":email")) {
                continue;
            }
            fields.put(input.attr("name"), input.val());
        }
        fields.putAll(scenario.person());
        fields.put(formId + ":submit", formId + ":submit");
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String action = URI.create(form.absUrl("action")).getRawPath();
        String lua = """
                local threads = {}
                local counter = 0
                setup = function(thread)
                  thread:set("id", #threads + 1)
                  table.insert(threads, thread)
                end
                init = function(args)
                  bad = 0
                end
                request = function()
                  counter = counter + 1
                  local email = "%s-" .. id .. "-" .. counter .. "-" .. os.time() .. "%%40example.org"
                  return wrk.format("POST", "%s", {["Content-Type"] = "application/x-www-form-urlencoded"},
                    "%s&%s%%3Aemail=" .. email)
                end
                response = function(status, headers, body)
                  if status ~= 302 then bad = bad + 1 end
                end
                done = function(summary, latency, requests)
                  local total = 0
                  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
                  io.write("unexpected_status " .. total .. "\\n")
                end
                """.formatted(prefix, action, body, formId);
        Path script = target.resolve("bench-sign-" + prefix + ".lua");
        Files.writeString(script, lua);
        return script;
    }

    /** Confirms every one whose mail the catcher holds, POSTing the confirmation form as a browser would. */
    private Confirmations confirmAll() throws Exception {
        Set<String> tokens = new LinkedHashSet<>();
        Pattern link = Pattern.compile(Pattern.quote(scenario.confirmPath()) + "([A-Za-z0-9_-]{43})");
        for (MimeMessage message : portal.mail().getReceivedMessages()) {
            Matcher matcher = link.matcher(Mailbox.part(message, "text/plain"));
            if (matcher.find()) {
                tokens.add(matcher.group(1));
            }
        }
        if (tokens.isEmpty()) {
            throw new IllegalStateException("no confirmation mail among the "
                    + portal.mail().getReceivedMessages().length + " the catcher received");
        }
        String first = tokens.iterator().next();
        Document page = Jsoup.parse(
                http().send(
                                HttpRequest.newBuilder(base.resolve(
                                                scenario.confirmPath().substring(1) + first))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body(),
                base.toString());
        Element form = page.getElementById("confirm");
        String action = URI.create(form.absUrl("action")).getRawPath();
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
        form.select("button[name]").forEach(button -> fields.put(button.attr("name"), button.attr("name")));
        HttpClient client = http();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String token : tokens) {
                done.add(pool.submit(() -> {
                    Map<String, String> mine = new LinkedHashMap<>(fields);
                    mine.put("confirm:token", token);
                    String body = mine.entrySet().stream()
                            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                            .collect(Collectors.joining("&"));
                    HttpResponse<Void> answer = client.send(
                            HttpRequest.newBuilder(base.resolve(action.substring(1)))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (answer.statusCode() != 302) {
                        failures.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double secondsTaken = (System.nanoTime() - started) / 1e9;
        return new Confirmations(tokens.size(), failures.get(), tokens.size() / secondsTaken);
    }

    /** Waits until the catcher holds the expected number of mails; how long after now that took. */
    private double awaitMails(long expected) throws Exception {
        long started = System.nanoTime();
        if (!Await.holds(
                Duration.ofMinutes(5),
                Duration.ofMillis(250),
                () -> portal.mail().getReceivedMessages().length >= expected)) {
            throw new IllegalStateException("only " + portal.mail().getReceivedMessages().length + " of " + expected
                    + " confirmation mails arrived within 5 minutes");
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private long shownCount() throws Exception {
        String json = http().send(
                        HttpRequest.newBuilder(base.resolve(scenario.apiPath())).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            for (var value : reader.readObject().getJsonObject("_embedded").getJsonArray(scenario.apiItems())) {
                var item = value.asJsonObject();
                if (item.getString("browser_url").endsWith("/" + scenario.slug())) {
                    return item.getJsonNumber(scenario.apiCount()).longValue();
                }
            }
        }
        throw new IllegalStateException("the API does not list " + scenario.slug());
    }

    private long rows(String sql) throws Exception {
        var db = portal.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, scenario.slug());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    record Wrk(double perSecond, double p50Ms, double p99Ms, long requests, long errors, String raw) {}

    record Confirmations(int count, int failures, double perSecond) {}

    private Wrk wrk(String url, int duration, Path script) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("wrk", "-t2", "-c" + connections, "-d" + duration + "s", "--timeout", "10s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        double perSecond = number(output, "Requests/sec:\\s+([\\d.]+)");
        long requests = (long) number(output, "(\\d+) requests in");
        // Reads must answer 2xx/3xx; a signature must answer with the redirect to "check your e-mail"
        // (the script counts every other status). Socket errors and timeouts count against both.
        double wrong = script == null
                ? optional(output, "Non-2xx or 3xx responses:\\s+(\\d+)")
                : optional(output, "unexpected_status (\\d+)");
        long errors = (long) (wrong + socketErrors(output));
        Wrk result = new Wrk(perSecond, latencyMs(output, "50%"), latencyMs(output, "99%"), requests, errors, output);
        say(String.format(
                Locale.ROOT,
                "  %.0f requests/s, p50 %.1f ms, p99 %.1f ms, %d requests, %d errors",
                perSecond,
                result.p50Ms(),
                result.p99Ms(),
                requests,
                errors));
        return result;
    }

    private static double socketErrors(String output) {
        Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(output);
        return m.find()
                ? Long.parseLong(m.group(1))
                        + Long.parseLong(m.group(2))
                        + Long.parseLong(m.group(3))
                        + Long.parseLong(m.group(4))
                : 0;
    }

    private static double latencyMs(String output, String percentile) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)")
                .matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in:\n" + output);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in:\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double optional(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private void writeReport(
            Wrk reads, Wrk signs, Confirmations confirmations, boolean readsOk, boolean signsOk, boolean countOk)
            throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(scenario.title()).append("\n\n").append(BenchReport.runLine());
        md.append(String.format(
                Locale.ROOT,
                "`wrk -t2 -c%d -d%ds --latency`, after a warm-up of each scenario (15 s of reads, 60 s of submissions).%n%n",
                connections,
                seconds));
        md.append("| scenario | requests/s | p50 | p99 | requests | errors | target | met |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        row(md, scenario.readsLabel(), reads, READS_TARGET, readsOk);
        row(md, scenario.submitsLabel(), signs, SIGNS_TARGET, signsOk);
        md.append(String.format(
                Locale.ROOT,
                "%nConfirmations (%d at a time, plain Java HTTP client): %d confirmed at %.0f/s, %d failed.%n%n",
                connections,
                confirmations.count(),
                confirmations.perSecond(),
                confirmations.failures()));
        for (String finding : findings) {
            md.append("- ").append(finding).append('\n');
        }
        md.append("\nCount check: ")
                .append(countOk ? "**passed**" : "**FAILED**")
                .append(".\n");
        BenchReport.update(report, scenario.section(), md.toString());
    }

    private static void row(StringBuilder md, String name, Wrk wrk, double target, boolean met) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %.0f | %.1f ms | %.1f ms | %d | %d | ≥ %.0f/s, p99 < %.0f ms | %s |%n",
                name,
                wrk.perSecond(),
                wrk.p50Ms(),
                wrk.p99Ms(),
                wrk.requests(),
                wrk.errors(),
                target,
                P99_TARGET_MS,
                met ? "yes" : "**no**"));
    }

    private static void requireWrk() throws Exception {
        try {
            new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            System.err.println("The benchmark needs wrk: apt-get install wrk");
            System.exit(2);
        }
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** With {@code -Dbench.profile=true}, a flight recording of the portal (open it with {@code jfr} or JMC). */
    private void profile(String... jcmd) throws Exception {
        if (Boolean.getBoolean("bench.profile")) {
            List<String> command = new ArrayList<>(List.of("jcmd", String.valueOf(portal.pid())));
            command.addAll(List.of(jcmd));
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
