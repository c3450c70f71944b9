package org.puente.statement;

import java.util.List;
import java.util.Locale;
import org.puente.platform.i18n.Language;

/** The languages a printed statement is in: English, Spanish, or both side by side ({@code ?lang=en|es|both}). */
public enum StatementEdition {
    ENGLISH("en", List.of(Language.EN)),
    SPANISH("es", List.of(Language.ES)),
    BILINGUAL("both", List.of(Language.EN, Language.ES));

    private final String code;
    private final List<Language> languages;

    StatementEdition(String code, List<Language> languages) {
        this.code = code;
        this.languages = languages;
    }

    /** What {@code ?lang=} asks for; anything else is the reader's own language. */
    public static StatementEdition of(String asked, Language reader) {
        if (asked != null && asked.strip().toLowerCase(Locale.ROOT).equals(BILINGUAL.code)) {
            return BILINGUAL;
        }
        Language language = Language.parse(asked).orElse(reader);
        return language == Language.ES ? SPANISH : ENGLISH;
    }

    public String code() {
        return code;
    }

    /** Its languages, English first. */
    public List<Language> languages() {
        return languages;
    }

    /** The language its document is declared in and its shared labels come first in. */
    public Language primary() {
        return languages.get(0);
    }

    public boolean isBilingual() {
        return languages.size() > 1;
    }
}
