package org.puente.bench;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.puente.embedded.EmbeddedPuente;
import org.puente.embedded.Ports;

/**
 * Lighthouse's mobile performance audit (simulated slow 4G) of the public pages in both languages, run by
 * {@code bench/lighthouse/run.mjs} with Debian's Chromium against the portal started as {@code mvn -Prun} starts
 * it. Targets (issue "Public pages for cheap phones"): score at least 95, first contentful paint under 2 s, at
 * most 50 KB in at most 6 requests. Writes the "Public pages" section of BENCHMARKS.md.
 */
final class PageWeightBenchmark {

    private final Path target;
    private final Path report;

    PageWeightBenchmark(Path target, Path report) {
        this.target = target;
        this.report = report;
    }

    boolean run(File war) throws Exception {
        Path data = target.resolve("bench-pages-data");
        Benchmark.deleteRecursively(data);
        EmbeddedPuente portal = new EmbeddedPuente(Map.of(
                "PUENTE_DATA_DIR", data.toString(),
                "PUENTE_HTTP_PORT", String.valueOf(Ports.free()),
                "PUENTE_MAILBOX_PORT", String.valueOf(Ports.free()),
                "PUENTE_EMBEDDED_SMTP_PORT", String.valueOf(Ports.free()),
                "PUENTE_DEMO_DATA", "true"));
        try {
            portal.start(
                    war,
                    ProcessBuilder.Redirect.to(
                            target.resolve("bench-pages-payara.log").toFile()));
            URI base = portal.localUri();
            String organization =
                    Jsoup.connect(base.resolve("organizations").toString()).get().select(".card__title a").stream()
                            .findFirst()
                            .map(link -> link.attr("href"))
                            .orElse("/organizations");
            return measure(base, organization);
        } finally {
            portal.stop();
        }
    }

    private boolean measure(URI base, String organization) throws Exception {
        List<String> pages = List.of(
                "/",
                "/petitions",
                "/petitions/" + Benchmark.petitions().slug(),
                "/events",
                "/" + Benchmark.events().pagePath(),
                "/organizations",
                organization,
                "/embed/petitions/" + Benchmark.petitions().slug());
        Path rows = target.resolve("bench-pages.md");
        ProcessBuilder node = new ProcessBuilder(
                        "node", "bench/lighthouse/run.mjs", base.toString().replaceAll("/$", ""), rows.toString())
                .inheritIO();
        node.environment().put("PUENTE_PAGES", String.join(" ", pages));
        int exit = node.start().waitFor();
        if (!Files.exists(rows)) {
            throw new IllegalStateException("Lighthouse wrote no figures (exit " + exit + ")");
        }
        StringBuilder md = new StringBuilder("## Public pages\n\n").append(BenchReport.runLine());
        md.append("Lighthouse 12 (`bench/lighthouse/run.mjs`, `bash bench/run pages`), mobile profile with simulated "
                + "slow 4G (1.6 Mbit/s, 150 ms round trips, CPU slowed 4×), Debian's Chromium headless, first visit "
                + "with an empty cache; transfer sizes as compressed on the wire. Targets: score ≥ 95, first "
                + "contentful paint < 2 s, ≤ 50 KB in ≤ 6 requests.\n\n");
        md.append(
                "| page | score | first contentful paint | largest contentful paint | transferred | requests | met |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        md.append(Files.readString(rows));
        md.append("\nA cheaper check of the same budget runs in `mvn verify` (`LightPagesIT`).\n");
        BenchReport.update(report, "pages", md.toString());
        return exit == 0;
    }
}
