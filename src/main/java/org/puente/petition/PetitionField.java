package org.puente.petition;

import org.puente.platform.i18n.Language;

/** The texts of a petition that its authors may still correct once it is open, each in one language. */
public enum PetitionField {
    TITLE_EN,
    TITLE_ES,
    SUMMARY_EN,
    SUMMARY_ES,
    TEXT_EN,
    TEXT_ES;

    static PetitionField title(Language language) {
        return language == Language.EN ? TITLE_EN : TITLE_ES;
    }

    static PetitionField summary(Language language) {
        return language == Language.EN ? SUMMARY_EN : SUMMARY_ES;
    }

    static PetitionField text(Language language) {
        return language == Language.EN ? TEXT_EN : TEXT_ES;
    }
}
