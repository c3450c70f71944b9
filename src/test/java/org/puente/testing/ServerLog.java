package org.puente.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

/** The deployed portal's log (target/payara-it.log), for what only the log shows: the security log's lines. */
public final class ServerLog {

    private ServerLog() {}

    public static String read() {
        Path log = Path.of(System.getProperty("puente.test.payara.log"));
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many lines contain every one of the parts. */
    public static long count(String log, String... parts) {
        return log.lines()
                .filter(line -> Arrays.stream(parts).allMatch(line::contains))
                .count();
    }

    /** Waits (up to 15 s) until the log satisfies the condition, and returns it as it then is. */
    public static String waitFor(Predicate<String> condition) throws Exception {
        Await.holds(Duration.ofSeconds(15), Duration.ofMillis(100), () -> condition.test(read()));
        return read();
    }
}
