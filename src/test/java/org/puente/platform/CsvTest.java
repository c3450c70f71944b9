package org.puente.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.web.Csv;

@DisplayName("CSV cells are quoted and never run as spreadsheet formulas")
class CsvTest {

    @Test
    @DisplayName("cells starting with = + - @ tab or CR get a leading apostrophe")
    void neutralisesFormulas() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", Csv.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'+1\"", Csv.cell("+1"));
        assertEquals("\"'-2+3\"", Csv.cell("-2+3"));
        assertEquals("\"'@SUM(A1)\"", Csv.cell("@SUM(A1)"));
        assertEquals("\"'\tx\"", Csv.cell("\tx"));
        assertEquals("\"María, \"\"la de Tijuana\"\"\"", Csv.cell("María, \"la de Tijuana\""));
        assertEquals("\"\"", Csv.cell(null));
    }

    @Test
    @DisplayName("rows join quoted cells with commas and end with CRLF")
    void rows() {
        assertEquals("\"a\",\"'=b\",\"\"\r\n", Csv.row(java.util.Arrays.asList("a", "=b", null)));
        assertEquals("\"一\",\"🌎\"\r\n", Csv.row(List.of("一", "🌎")));
    }
}
