package org.puente.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Countries: ISO codes shown by name in the reader's language, the coalition's first")
class CountriesTest {

    private final Countries countries = new Countries();

    @Test
    @DisplayName("the coalition's five countries come first, then all others in the language's alphabetical order")
    void order() {
        for (Language language : Language.values()) {
            List<Countries.Country> list = countries.getOptions(language);
            assertEquals(
                    Countries.COALITION,
                    list.subList(0, 5).stream().map(Countries.Country::code).toList());
            List<Countries.Country> rest = list.subList(5, list.size());
            assertTrue(rest.size() > 200, "every country");
            assertTrue(rest.stream().map(Countries.Country::code).noneMatch(Countries.COALITION::contains));
            java.text.Collator collator = java.text.Collator.getInstance(language.locale());
            for (int i = 1; i < rest.size(); i++) {
                assertTrue(
                        collator.compare(rest.get(i - 1).name(), rest.get(i).name()) <= 0,
                        rest.get(i - 1) + " before " + rest.get(i));
            }
        }
        assertEquals("Estados Unidos", countries.getOptions(Language.ES).get(0).name());
        assertEquals("United States", countries.getOptions(Language.EN).get(0).name());
    }

    @Test
    @DisplayName("what people write becomes a code: codes in any case, names in either language without accents")
    void parse() {
        assertEquals(Optional.of("MX"), countries.parse("mx"));
        assertEquals(Optional.of("MX"), countries.parse(" México "));
        assertEquals(Optional.of("MX"), countries.parse("mexico"));
        assertEquals(Optional.of("US"), countries.parse("Estados Unidos"));
        assertEquals(Optional.of("SV"), countries.parse("El Salvador"));
        assertEquals(Optional.empty(), countries.parse("USA"), "not a code, not a name the list shows");
        assertEquals(Optional.empty(), countries.parse("Atlantis"));
        assertEquals(Optional.empty(), countries.parse(" "));
        assertFalse(Countries.isKnown("XX"));
        assertTrue(Countries.isKnown("GT"));
    }
}
