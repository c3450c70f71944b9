package org.puente.platform.i18n;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Language} as its two-letter code. */
@Converter(autoApply = true)
public class LanguageConverter implements AttributeConverter<Language, String> {

    @Override
    public String convertToDatabaseColumn(Language language) {
        return language == null ? null : language.code();
    }

    @Override
    public Language convertToEntityAttribute(String code) {
        return code == null
                ? null
                : Language.parse(code)
                        .orElseThrow(() -> new IllegalStateException("Unknown language code in database: " + code));
    }
}
