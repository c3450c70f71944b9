package org.puente.platform.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH},
 * and not on the list of very common passwords that meet that length (shipped as {@code common-passwords.txt},
 * whose header names its source and licence; ASVS asks for at least the 3,000 most common).
 * Answers with a message key, so the page explains the refusal in the person's language.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Empty when acceptable, else the message key of the reason. */
    public static Optional<String> check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))
                || password.chars().distinct().count() < 4) {
            return Optional.of("password.tooCommon");
        }
        return Optional.empty();
    }

    /** How many common passwords are refused. */
    static int commonCount() {
        return COMMON.size();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty() && !s.startsWith("#"))
                        .map(s -> s.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
