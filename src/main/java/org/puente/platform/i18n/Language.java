package org.puente.platform.i18n;

import java.util.Locale;
import java.util.Optional;

/** The portal's two languages. Every person who receives mail has one stored. */
public enum Language {
    EN(Locale.ENGLISH),
    ES(Locale.forLanguageTag("es"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For EL: {@code #{language.other.code}}. */
    public String getCode() {
        return code();
    }

    public Language other() {
        return this == EN ? ES : EN;
    }

    /** Parses "en", "es", "es-MX", "EN"...; anything else is empty. */
    public static Optional<Language> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String primary = value.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code().equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public static Language of(Locale locale) {
        return locale == null ? EN : parse(locale.getLanguage()).orElse(EN);
    }
}
