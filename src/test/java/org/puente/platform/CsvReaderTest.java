package org.puente.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.web.CsvReader;
import org.puente.platform.web.CsvReader.MalformedCsvException;

@DisplayName("Uploaded CSV is read strictly, the way spreadsheets write it")
class CsvReaderTest {

    static List<List<String>> all(String text) {
        CsvReader reader = new CsvReader(text);
        List<List<String>> records = new ArrayList<>();
        for (List<String> record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }

    @Test
    @DisplayName("plain cells, CRLF and LF line ends, a last line without a line end")
    void plain() {
        assertEquals(
                List.of(List.of("email", "name"), List.of("a@x.org", "Ana"), List.of("b@x.org", "")),
                all("email,name\r\na@x.org,Ana\nb@x.org,"));
    }

    @Test
    @DisplayName("quoted cells keep separators, doubled quotes and line breaks")
    void quoted() {
        assertEquals(
                List.of(List.of("a", "b"), List.of("Pérez, \"la de Tijuana\"", "line one\r\nline two")),
                all("a,b\r\n\"Pérez, \"\"la de Tijuana\"\"\",\"line one\r\nline two\"\r\n"));
    }

    @Test
    @DisplayName("a byte-order mark is dropped; a header with semicolons makes semicolons the separator")
    void bomAndSemicolons() {
        CsvReader reader = new CsvReader("\uFEFFcorreo;nombre\r\nana@x.org;\"Ana; María\"\r\n");
        assertEquals(';', reader.separator());
        assertEquals(List.of("correo", "nombre"), reader.next());
        assertEquals(List.of("ana@x.org", "Ana; María"), reader.next());
        assertEquals(2, reader.recordNumber());
        assertNull(reader.next());
    }

    @Test
    @DisplayName("commas stay the separator when the header has no semicolons outside quotes")
    void commaWins() {
        assertEquals(',', new CsvReader("\"a;b\",c\n").separator());
    }

    @Test
    @DisplayName("blank lines are skipped and do not count as records")
    void blankLines() {
        CsvReader reader = new CsvReader("a\n\n\r\nb\n\n");
        assertEquals(List.of("a"), reader.next());
        assertEquals(List.of("b"), reader.next());
        assertEquals(2, reader.recordNumber());
        assertNull(reader.next());
    }

    @Test
    @DisplayName("a stray quote, text after a closing quote or an unterminated quote is refused")
    void strict() {
        assertThrows(MalformedCsvException.class, () -> all("a,b\nx\"y,z\n"));
        assertThrows(MalformedCsvException.class, () -> all("a,b\n\"x\"y,z\n"));
        assertThrows(MalformedCsvException.class, () -> all("a,b\n\"x,z\n"));
    }
}
