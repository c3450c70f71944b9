package org.puente.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LocalizedText: what a reader sees in each language")
class LocalizedTextTest {

    @Test
    @DisplayName("each reader gets their own language when it exists")
    void ownLanguage() {
        LocalizedText text = new LocalizedText("Vigil tonight", "Vigilia esta noche");
        assertEquals("Vigil tonight", text.in(Language.EN));
        assertEquals("Vigilia esta noche", text.in(Language.ES));
        assertFalse(text.isFallback(Language.ES));
        assertTrue(text.isComplete());
    }

    @Test
    @DisplayName("a missing language falls back to the other one, and says so")
    void fallback() {
        LocalizedText onlyEnglish = new LocalizedText("Only English", "   ");
        assertEquals("Only English", onlyEnglish.in(Language.ES));
        assertTrue(onlyEnglish.isFallback(Language.ES));
        assertEquals(Language.EN, onlyEnglish.languageShownFor(Language.ES));
        assertNull(onlyEnglish.es(), "blank is stored as missing");
        assertFalse(onlyEnglish.isComplete());
    }

    @Test
    @DisplayName("empty content reads as empty in both languages, without a fallback flag")
    void empty() {
        LocalizedText empty = LocalizedText.empty();
        assertEquals("", empty.in(Language.EN));
        assertEquals("", empty.in(Language.ES));
        assertFalse(empty.isFallback(Language.EN));
        assertTrue(empty.isEmpty());
    }

    @Test
    @DisplayName("text is trimmed and compared by value")
    void valueSemantics() {
        assertEquals(new LocalizedText(" a ", "b"), new LocalizedText("a", "b "));
    }

    @Test
    @DisplayName("language codes parse from tags and anything unknown is refused")
    void parseLanguage() {
        assertEquals(Language.ES, Language.parse("es-MX").orElseThrow());
        assertEquals(Language.EN, Language.parse("EN").orElseThrow());
        assertTrue(Language.parse("fr").isEmpty());
        assertTrue(Language.parse("").isEmpty());
        assertTrue(Language.parse(null).isEmpty());
        assertEquals(Language.EN, Language.of(java.util.Locale.GERMAN));
    }
}
