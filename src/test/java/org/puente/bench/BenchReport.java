package org.puente.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code BENCHMARKS.md}: a short header about the machine, then one section per benchmark. A run
 * rewrites its own section and keeps the others, so running one benchmark does not erase another's figures.
 */
final class BenchReport {

    private static final Pattern SECTION =
            Pattern.compile("<!-- bench:(\\w+) -->\\n(.*?)<!-- /bench:\\1 -->\\n", Pattern.DOTALL);
    /** The order sections appear in, whichever ran last. */
    private static final String[] ORDER = {"petitions", "events", "alerts", "pages"};

    private BenchReport() {}

    static void update(Path file, String name, String markdown) throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Matcher m = SECTION.matcher(Files.readString(file));
            while (m.find()) {
                sections.put(m.group(1), m.group(2));
            }
        }
        sections.put(name, markdown.endsWith("\n") ? markdown : markdown + "\n");
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append(
                "Written by `bash bench/run` (see `bench/README.md`); numbers from the last run of each, not edited by hand.\n\n");
        md.append("## Machine\n\n");
        md.append("- CPU: ")
                .append(cpu())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores\n");
        md.append("- Memory: ").append(memory()).append('\n');
        md.append("- OS: ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.version"))
                .append('\n');
        md.append("- Java: ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.version"))
                .append('\n');
        md.append(
                "- Everything on this one machine: Payara Micro (`-Xmx768m`), the embedded MariaDB, and the load or mail tools.\n\n");
        for (String known : ORDER) {
            if (sections.containsKey(known)) {
                md.append("<!-- bench:")
                        .append(known)
                        .append(" -->\n")
                        .append(sections.remove(known))
                        .append("<!-- /bench:")
                        .append(known)
                        .append(" -->\n\n");
            }
        }
        sections.forEach((other, text) -> md.append("<!-- bench:")
                .append(other)
                .append(" -->\n")
                .append(text)
                .append("<!-- /bench:")
                .append(other)
                .append(" -->\n\n"));
        Files.writeString(file, md.toString().stripTrailing() + "\n");
    }

    static String runLine() {
        return "Run: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n\n";
    }

    private static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.replaceAll("^[^:]*:\\s*", ""))
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal"))
                    .findFirst()
                    .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GB")
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
