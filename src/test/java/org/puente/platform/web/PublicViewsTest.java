package org.puente.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public pages are plain HTML: no view or template outside {@code admin/} uses a PrimeFaces component, whose
 * scripts and theme would weigh on every visitor's phone. (The layout is shared: PrimeFaces' head is given only
 * to staff pages by {@link PublicHeadRenderer}.)
 */
@DisplayName("Public views use no PrimeFaces component")
class PublicViewsTest {

    @Test
    @DisplayName("no view outside admin/ declares PrimeFaces' namespace")
    void noPrimeFacesOutsideStaffPages() throws IOException {
        Path webapp = Path.of("webapp");
        try (Stream<Path> files = Files.walk(webapp)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".xhtml"))
                    .filter(f -> !webapp.relativize(f).startsWith("admin"))
                    .filter(f -> read(f).contains("xmlns:p=\"primefaces\""))
                    .map(f -> webapp.relativize(f).toString())
                    .sorted()
                    .toList();
            assertEquals(List.of(), offenders, "public views with PrimeFaces components");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
