package org.puente.supporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An import's report is a bounded summary, small enough for the session's flash")
class ImportReportTest {

    static List<ImportReport.Row> rows(int count) {
        List<ImportReport.Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int number = i + 2;
            String email = "person-" + i + "@example.org";
            rows.add(
                    i % 10 == 9
                            ? new ImportReport.Row(
                                    number, email, ImportOutcome.REFUSED, "supporters.import.reason.email", null)
                            : new ImportReport.Row(
                                    number,
                                    email,
                                    i % 2 == 0 ? ImportOutcome.CREATED : ImportOutcome.UPDATED,
                                    null,
                                    null));
        }
        return rows;
    }

    static int serializedSize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.size();
    }

    @Test
    @DisplayName("staff import 100,000 rows: the totals count every row, the first 1,000 refused rows are kept, "
            + "and the report weighs kilobytes, not megabytes")
    void hundredThousandRows() throws IOException {
        ImportReport report = ImportReport.of("big.csv", rows(100_000));

        assertEquals(100_000, report.getRowCount());
        assertEquals(10_000, report.total(ImportOutcome.REFUSED));
        assertEquals(50_000, report.total(ImportOutcome.CREATED));
        assertEquals(40_000, report.total(ImportOutcome.UPDATED));
        assertEquals(0, report.total(ImportOutcome.MERGED), "every outcome is listed, with zero");
        assertEquals(ImportOutcome.values().length, report.getTotals().size());
        assertEquals(ImportReport.MAX_SHOWN, report.getShown().size());
        assertTrue(report.getShown().stream().allMatch(r -> r.outcome() == ImportOutcome.REFUSED));
        assertEquals(11, report.getShown().get(0).number(), "the first problem rows, in the file's order");
        assertTrue(report.isAbridged());
        int size = serializedSize(report);
        assertTrue(size < 150_000, "the flash holds a bounded summary, not every row: " + size + " bytes");
    }

    @Test
    @DisplayName("a small file is listed whole, every row with its outcome")
    void smallFileWhole() throws IOException {
        ImportReport report = ImportReport.of("small.csv", rows(ImportReport.FULL_REPORT));
        assertEquals(ImportReport.FULL_REPORT, report.getShown().size());
        assertFalse(report.isAbridged());
        assertEquals(ImportReport.FULL_REPORT / 10, report.total(ImportOutcome.REFUSED));
        assertTrue(serializedSize(report) > 0);
    }
}
