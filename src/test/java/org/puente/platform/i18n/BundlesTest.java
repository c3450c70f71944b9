package org.puente.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Message bundles: every key in both languages, every key the views use exists")
class BundlesTest {

    static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " is missing");
            }
            try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/org/puente/i18n/messages", "/ValidationMessages"})
    @DisplayName("English and Spanish have exactly the same keys, none empty")
    void sameKeys(String bundle) throws IOException {
        Properties en = load(bundle + "_en.properties");
        Properties es = load(bundle + "_es.properties");
        Set<String> onlyEnglish = new TreeSet<>(en.stringPropertyNames());
        onlyEnglish.removeAll(es.stringPropertyNames());
        Set<String> onlySpanish = new TreeSet<>(es.stringPropertyNames());
        onlySpanish.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), onlyEnglish, "keys missing in Spanish");
        assertEquals(Set.of(), onlySpanish, "keys missing in English");
        for (String key : en.stringPropertyNames()) {
            assertTrue(!en.getProperty(key).isBlank() && !es.getProperty(key).isBlank(), key + " is empty");
        }
    }

    @Test
    @DisplayName("validation messages say the same as the main bundle")
    void validationMessagesAgree() throws IOException {
        for (String language : new String[] {"en", "es"}) {
            Properties validation = load("/ValidationMessages_" + language + ".properties");
            Properties messages = load("/org/puente/i18n/messages_" + language + ".properties");
            for (String key : validation.stringPropertyNames()) {
                assertEquals(messages.getProperty(key), validation.getProperty(key), language + " " + key);
            }
        }
    }

    @Test
    @DisplayName("every msg['key'] in the views and every {key} in the code exists in the bundle")
    void referencedKeysExist() throws IOException {
        Properties en = load("/org/puente/i18n/messages_en.properties");
        Properties validation = load("/ValidationMessages_en.properties");
        Set<String> missing = new TreeSet<>();
        Pattern viewKey = Pattern.compile("msg\\['([a-zA-Z0-9.]+)'\\]");
        Pattern codeKey = Pattern.compile("\"\\{([a-zA-Z0-9.]+)\\}\"");
        Pattern messagesGet = Pattern.compile(
                "(?:Messages\\.get\\([a-z]+, |Pages\\.(?:flash|error)\\([^\"]*)\"([a-z][a-zA-Z0-9.]+)\"");
        for (Path root : new Path[] {Path.of("webapp"), Path.of("src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> f.toString().matches(".*\\.(xhtml|java|js|css|xml|html)$"))
                        .toList()) {
                    String content = Files.readString(file, StandardCharsets.UTF_8);
                    collect(viewKey.matcher(content), en, missing, file);
                    collect(messagesGet.matcher(content), en, missing, file);
                    // Constraint messages ("{key}") live in Java annotations; a view's "{nombre}" is a merge field.
                    Matcher constraint = codeKey.matcher(file.toString().endsWith(".java") ? content : "");
                    while (constraint.find()) {
                        if (!validation.containsKey(constraint.group(1))) {
                            missing.add(constraint.group(1) + " (ValidationMessages, " + file + ")");
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    private static void collect(Matcher matcher, Properties bundle, Set<String> missing, Path file) {
        while (matcher.find()) {
            if (!bundle.containsKey(matcher.group(1))) {
                missing.add(matcher.group(1) + " (" + file + ")");
            }
        }
    }

    @Test
    @DisplayName("parameterised messages format in both languages")
    void formatting() {
        assertEquals("Welcome, Ana", Messages.get(Language.EN, "admin.welcome", "Ana"));
        assertEquals("Hola, Ana", Messages.get(Language.ES, "admin.welcome", "Ana"));
        assertTrue(Messages.get(Language.ES, "mail.invitation.expiry", 7).contains("7 días"));
    }
}
