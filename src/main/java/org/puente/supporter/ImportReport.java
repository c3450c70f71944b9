package org.puente.supporter;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did: totals per outcome and the rows worth reading ({@code number} counts records as a
 * spreadsheet does, the header being 1). Reasons are bundle keys, shown in the reader's language.
 *
 * <p>The report travels to the page after the redirect in the session's flash, so it is a bounded summary,
 * never the file's rows: a small file is listed whole, a big one only by its first {@value #MAX_SHOWN}
 * rows that need a look (neither created nor updated). 100,000 rows cost the session a few kilobytes.
 */
public record ImportReport(String fileName, int rowCount, Map<ImportOutcome, Integer> totals, List<Row> shown)
        implements Serializable {

    /** Imports of up to this many rows are reported in full; bigger ones list the rows that need a look. */
    static final int FULL_REPORT = 500;

    static final int MAX_SHOWN = 1000;

    public ImportReport {
        totals = Collections.unmodifiableMap(new EnumMap<>(totals));
        shown = List.copyOf(shown);
    }

    /** The summary of every row of a file, in the file's order. */
    public static ImportReport of(String fileName, List<Row> rows) {
        Map<ImportOutcome, Integer> totals = new EnumMap<>(ImportOutcome.class);
        for (ImportOutcome outcome : ImportOutcome.values()) {
            totals.put(outcome, 0);
        }
        List<Row> shown = new ArrayList<>();
        boolean whole = rows.size() <= FULL_REPORT;
        for (Row row : rows) {
            totals.merge(row.outcome(), 1, Integer::sum);
            if (whole || (shown.size() < MAX_SHOWN && row.needsALook())) {
                shown.add(row);
            }
        }
        return new ImportReport(fileName, rows.size(), totals, shown);
    }

    public int total(ImportOutcome outcome) {
        return totals.getOrDefault(outcome, 0);
    }

    public Map<ImportOutcome, Integer> getTotals() {
        return totals;
    }

    /** The rows the page lists: all of a small file; of a big one, the first of those not simply created or updated. */
    public List<Row> getShown() {
        return shown;
    }

    public boolean isAbridged() {
        return shown.size() < rowCount;
    }

    public String getFileName() {
        return fileName;
    }

    public int getRowCount() {
        return rowCount;
    }

    /** One record of the file and what became of it; {@code reason} and {@code argument} explain a refusal. */
    public record Row(int number, String email, ImportOutcome outcome, String reason, String argument)
            implements Serializable {

        boolean needsALook() {
            return outcome != ImportOutcome.CREATED && outcome != ImportOutcome.UPDATED;
        }

        public int getNumber() {
            return number;
        }

        public String getEmail() {
            return email;
        }

        public ImportOutcome getOutcome() {
            return outcome;
        }

        public String getReason() {
            return reason;
        }

        public String getArgument() {
            return argument;
        }
    }
}
