package org.puente.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Time: \"now\" comes from the injected Clock, never from the system clock directly")
class SystemClockCallsTest {

    /** Reads of the system's wall clock; System.nanoTime (elapsed time) is allowed. */
    static final Pattern SYSTEM_NOW = Pattern.compile("\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime"
            + "|OffsetDateTime|OffsetTime|Year|YearMonth|MonthDay)\\s*\\.\\s*now\\s*\\(\\s*\\)"
            + "|\\bClock\\s*\\.\\s*system(UTC|DefaultZone)?\\s*\\(|\\bSystem\\s*\\.\\s*currentTimeMillis\\s*\\("
            + "|\\bnew\\s+(java\\.util\\.)?Date\\s*\\(\\s*\\)|\\bnew\\s+(java\\.util\\.)?GregorianCalendar\\s*\\(\\s*\\)"
            + "|\\bCalendar\\s*\\.\\s*getInstance\\s*\\(");

    /** The one place allowed to read the system clock: the producer of the injected one. */
    static final Path PRODUCER = Path.of("src/main/java/org/puente/platform/time/Clocks.java");

    @Test
    @DisplayName("no class under src/main/java but the Clock producer reads the system clock")
    void onlyTheProducerReadsTheSystemClock() throws IOException {
        Path sources = Path.of("src/main/java");
        assertTrue(Files.isDirectory(sources), "run from the project directory: " + sources.toAbsolutePath());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (file.equals(PRODUCER)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (SYSTEM_NOW.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "inject java.time.Clock and ask clock.instant() instead");
    }

    @Test
    @DisplayName("the check catches the calls it is meant to catch, and lets elapsed-time measurement pass")
    void patternCatchesSystemClockReads() {
        for (String call : List.of(
                "Instant now = Instant.now();",
                "java.time.Instant.now()",
                "LocalDate.now()",
                "Clock.systemUTC()",
                "Clock.systemDefaultZone()",
                "System.currentTimeMillis()",
                "new Date()",
                "new java.util.Date()",
                "ZonedDateTime.now()")) {
            assertTrue(SYSTEM_NOW.matcher(call).find(), call);
        }
        for (String fine : List.of(
                "clock.instant()",
                "System.nanoTime()",
                "Instant.now(clock)",
                "LocalDate.now(clock)",
                "Date.from(clock.instant())",
                "new Date(millis)")) {
            assertTrue(!SYSTEM_NOW.matcher(fine).find(), fine);
        }
    }
}
