package org.puente.supporter;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, row by row ({@code number} counts records as a spreadsheet does, the header being 1),
 * with totals. Reasons are bundle keys, shown in the reader's language.
 */
public record ImportReport(String fileName, List<Row> rows) implements Serializable {

    /** Imports of up to this many rows are reported in full; bigger ones list the rows that need a look. */
    static final int FULL_REPORT = 500;
    static final int MAX_SHOWN = 1000;

    public int total(ImportOutcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    public Map<ImportOutcome, Integer> getTotals() {
        Map<ImportOutcome, Integer> totals = new EnumMap<>(ImportOutcome.class);
        for (ImportOutcome outcome : ImportOutcome.values()) {
            totals.put(outcome, total(outcome));
        }
        return totals;
    }

    /** The rows the page lists: all of a small file; of a big one, those not simply created or updated. */
    public List<Row> getShown() {
        if (rows.size() <= FULL_REPORT) {
            return rows;
        }
        return rows.stream().filter(r -> r.outcome() != ImportOutcome.CREATED && r.outcome() != ImportOutcome.UPDATED)
                .limit(MAX_SHOWN).toList();
    }

    public boolean isAbridged() {
        return getShown().size() < rows.size();
    }

    public String getFileName() {
        return fileName;
    }

    public int getRowCount() {
        return rows.size();
    }

    /** One record of the file and what became of it; {@code reason} and {@code argument} explain a refusal. */
    public record Row(int number, String email, ImportOutcome outcome, String reason, String argument)
            implements Serializable {

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
