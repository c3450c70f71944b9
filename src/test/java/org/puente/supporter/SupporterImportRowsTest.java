package org.puente.supporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.i18n.Countries;
import org.puente.platform.i18n.Language;

@DisplayName("The supporter import's check of the header and of each row")
class SupporterImportRowsTest {

    static final List<String> HEADER =
            List.of("Correo electrónico", "Nombre", "Apellido", "Código postal", "País", "Idioma", "Consentimiento");
    static final Map<String, Integer> COLUMNS = SupporterImport.columns(HEADER);

    static final Countries COUNTRIES = new Countries();

    /** The people the good rows add, by canonical address, and the first row of each. */
    final Map<String, SupporterImport.Candidate> people = new LinkedHashMap<>();

    final Map<String, Integer> firstRow = new HashMap<>();

    ImportReport.Row check(int number, String... cells) {
        return SupporterImport.check(number, List.of(cells), COLUMNS, people, firstRow, COUNTRIES);
    }

    ImportReport.Row good(int number, String email) {
        return check(number, email, "Rosa", "Mamani", "79901", "us", "es", "Sí");
    }

    @Test
    @DisplayName("column names are found in either language, whatever their case, accents and spaces")
    void columnsInEitherLanguage() {
        assertEquals(
                Map.of(
                        "email",
                        0,
                        "first_name",
                        1,
                        "last_name",
                        2,
                        "postal_code",
                        3,
                        "country",
                        4,
                        "language",
                        5,
                        "consent",
                        6),
                COLUMNS);
        assertEquals(
                Map.of("email", 1, "consent", 0, "postal_code", 2),
                SupporterImport.columns(List.of(" CONSENT ", "E-mail", "Zip code", "notes")),
                "unknown columns are ignored");
        assertEquals(
                Map.of("email", 0, "consent", 2),
                SupporterImport.columns(List.of("email", "correo", "consent")),
                "the first of two columns with one meaning counts");
    }

    @Test
    @DisplayName("a file without an e-mail or a consent column is refused as a whole, naming what is missing")
    void requiredColumns() {
        ImportRefusedException refused =
                assertThrows(ImportRefusedException.class, () -> SupporterImport.columns(List.of("nombre", "pais")));
        assertEquals("supporters.import.missingColumns", refused.key());
        assertEquals("email, consent", refused.arguments()[0]);
        assertEquals(
                "consent",
                assertThrows(ImportRefusedException.class, () -> SupporterImport.columns(List.of("email")))
                        .arguments()[0]);
        assertEquals(
                "supporters.import.notCsv",
                assertThrows(ImportRefusedException.class, () -> SupporterImport.columns(null))
                        .key(),
                "an empty file");
    }

    @Test
    @DisplayName("a good row is kept for writing, country in capitals, and left for the write to decide")
    void goodRow() {
        ImportReport.Row row = good(2, " Rosa.Mamani@Example.org ");
        assertNull(row.outcome(), "created, updated or kept: the database decides");
        assertEquals("rosa.mamani@example.org", row.reason(), "its canonical address stands in meanwhile");
        SupporterImport.Candidate rosa = people.get("rosa.mamani@example.org");
        assertEquals("Rosa.Mamani@Example.org", rosa.email());
        assertEquals("US", rosa.country());
        assertEquals(Language.ES, rosa.language());
        assertEquals("79901", rosa.postalCode());
    }

    @Test
    @DisplayName("every way of saying yes is a consent; anything else refuses the row")
    void consent() {
        int number = 2;
        for (String yes : List.of("yes", "Y", "TRUE", "1", "si", "Sí", " sí ")) {
            assertNull(
                    check(number, "yes" + number + "@example.org", "A", "B", "", "US", "en", yes)
                            .outcome(),
                    yes);
            number++;
        }
        for (String no : List.of("", "no", "0", "false", "maybe", "sí, pero")) {
            ImportReport.Row row = check(number++, "no@example.org", "A", "B", "", "US", "en", no);
            assertEquals(ImportOutcome.REFUSED, row.outcome(), no);
            assertEquals("supporters.import.reason.noConsent", row.reason(), no);
        }
        assertTrue(people.keySet().stream().noneMatch(k -> k.startsWith("no@")), "a refused row is never written");
    }

    @Test
    @DisplayName("each bad cell refuses its row with its own reason")
    void refusals() {
        assertRefused("supporters.import.reason.noEmail", check(2, "", "A", "B", "", "US", "en", "yes"));
        assertRefused("supporters.import.reason.badEmail", check(3, "no-at-sign", "A", "B", "", "US", "en", "yes"));
        assertRefused("supporters.import.reason.badEmail", check(4, "a@b", "A", "B", "", "US", "en", "yes"));
        assertRefused(
                "supporters.import.reason.badEmail",
                check(5, "two words@example.org", "A", "B", "", "US", "en", "yes"));
        assertRefused(
                "supporters.import.reason.badCountry", check(6, "c@example.org", "A", "B", "", "USA", "en", "yes"));
        assertRefused("supporters.import.reason.badCountry", check(7, "c@example.org", "A", "B", "", "", "en", "yes"));
        ImportReport.Row french = check(8, "f@example.org", "A", "B", "", "FR", "français", "yes");
        assertRefused("supporters.import.reason.badLanguage", french);
        assertEquals("français", french.argument(), "the report shows what was written");
        assertRefused(
                "supporters.import.reason.badName",
                check(9, "n@example.org", "x".repeat(101), "B", "", "US", "en", "yes"));
        assertRefused(
                "supporters.import.reason.badName", check(10, "n@example.org", "A", "B\u0007", "", "US", "en", "yes"));
        assertRefused(
                "supporters.import.reason.badPostalCode",
                check(11, "p@example.org", "A", "B", "<b>1</b>", "US", "en", "yes"));
        assertRefused(
                "supporters.import.reason.badPostalCode",
                check(12, "p@example.org", "A", "B", "1".repeat(21), "US", "en", "yes"));
        assertEquals(Map.of(), people, "nothing to write");
        assertEquals(8, french.number(), "a row keeps its spreadsheet number");
    }

    @Test
    @DisplayName("an overlong address is refused and reported cut to 254 characters")
    void overlongAddress() {
        String huge = "x".repeat(300) + "@example.org";
        ImportReport.Row row = check(2, huge, "A", "B", "", "US", "en", "yes");
        assertRefused("supporters.import.reason.badEmail", row);
        assertEquals(254, row.email().length());
    }

    @Test
    @DisplayName("no language means English; a language is read from its first part (es-MX)")
    void language() {
        check(2, "en@example.org", "A", "B", "", "US", "", "yes");
        check(3, "mx@example.org", "A", "B", "", "MX", "es-MX", "yes");
        assertEquals(Language.EN, people.get("en@example.org").language());
        assertEquals(Language.ES, people.get("mx@example.org").language());
    }

    @Test
    @DisplayName("a short row reads its missing cells as empty; an empty postal code is none")
    void shortRow() {
        ImportReport.Row row = SupporterImport.check(
                2,
                List.of("corto@example.org", "yes"),
                SupporterImport.columns(List.of("email", "consent", "country")),
                people,
                firstRow,
                COUNTRIES);
        assertRefused("supporters.import.reason.badCountry", row);
        assertNull(
                check(3, "sin-cp@example.org", "A", "B", "", "US", "en", "yes").outcome());
        assertNull(people.get("sin-cp@example.org").postalCode());
    }

    @Test
    @DisplayName("the same person twice (same canonical address) is one supporter with the later row's details")
    void sameAddressTwice() {
        good(2, "rosa.mamani@gmail.com");
        ImportReport.Row again = check(5, "RosaMamani+news@gmail.com", "Rosa María", "Mamani", "", "MX", "en", "yes");
        assertEquals(ImportOutcome.MERGED, again.outcome());
        assertEquals("supporters.import.reason.sameAs", again.reason());
        assertEquals("2", again.argument(), "names the first row");
        assertEquals(1, people.size());
        SupporterImport.Candidate rosa = people.get("rosamamani@gmail.com");
        assertEquals("Rosa María", rosa.firstName());
        assertEquals(Language.EN, rosa.language());
        assertEquals(
                "2",
                check(9, "rosa.mamani@gmail.com", "R", "M", "", "US", "es", "yes")
                        .argument(),
                "a third row names the first, too");
    }

    static void assertRefused(String reason, ImportReport.Row row) {
        assertEquals(ImportOutcome.REFUSED, row.outcome(), row.toString());
        assertEquals(reason, row.reason(), row.toString());
    }

    @Test
    @DisplayName("a country is read from its name in English or Spanish as well as from its code")
    void countryByName() {
        check(2, "mx@example.org", "A", "B", "", "México", "es", "yes");
        check(3, "us@example.org", "A", "B", "", "estados unidos", "es", "yes");
        check(4, "gt@example.org", "A", "B", "", "Guatemala", "en", "yes");
        assertEquals("MX", people.get("mx@example.org").country());
        assertEquals("US", people.get("us@example.org").country());
        assertEquals("GT", people.get("gt@example.org").country());
        assertRefused(
                "supporters.import.reason.badCountry", check(5, "x@example.org", "A", "B", "", "Narnia", "en", "yes"));
    }
}
