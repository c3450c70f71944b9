package org.puente.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Streamed rows: a long table is read a batch at a time while it renders")
class StreamedRowsTest {

    /** A table of {@code size} ids read in keyset batches; remembers what was asked for. */
    static final class Source implements Function<Long, List<Long>> {
        final long size;
        final int batch;
        final List<Long> askedAfter = new ArrayList<>();
        int largestAnswer;

        Source(long size, int batch) {
            this.size = size;
            this.batch = batch;
        }

        @Override
        public List<Long> apply(Long after) {
            askedAfter.add(after);
            long from = after == null ? 1 : after + 1;
            List<Long> rows = LongStream.rangeClosed(from, Math.min(size, from + batch - 1))
                    .boxed()
                    .toList();
            largestAnswer = Math.max(largestAnswer, rows.size());
            return rows;
        }
    }

    /** What a ui:repeat does while rendering: each index in turn, then the index reset. */
    static List<Long> render(StreamedRows<Long> rows) {
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < rows.getRowCount(); i++) {
            rows.setRowIndex(i);
            if (!rows.isRowAvailable()) {
                break;
            }
            seen.add(rows.getRowData());
        }
        rows.setRowIndex(-1);
        return seen;
    }

    @Test
    @DisplayName("2,501 signers render in order from three keyset batches of at most 1,000, none asked twice")
    void rendersEveryRowInBatches() {
        Source source = new Source(2_501, 1_000);
        StreamedRows<Long> rows = new StreamedRows<>(2_501, source);
        List<Long> seen = render(rows);
        assertEquals(LongStream.rangeClosed(1, 2_501).boxed().toList(), seen);
        assertEquals(
                java.util.Arrays.asList(null, 1_000L, 2_000L),
                source.askedAfter,
                "each batch asked for once, after the last row of the one before");
        assertEquals(1_000, source.largestAnswer);
        assertFalse(rows.isRowAvailable());
    }

    @Test
    @DisplayName("rendering again starts the reading over; rows past the count are not read")
    void rendersAgain() {
        Source source = new Source(5_000, 100);
        StreamedRows<Long> rows = new StreamedRows<>(250, source);
        assertEquals(250, render(rows).size());
        assertEquals(250, render(rows).size());
        assertEquals(6, source.askedAfter.size(), "three batches each time, none beyond the counted rows");
    }

    @Test
    @DisplayName("rows erased after counting end the table early instead of failing")
    void fewerRowsThanCounted() {
        StreamedRows<Long> rows = new StreamedRows<>(30, new Source(12, 5));
        assertEquals(12, render(rows).size());
        rows.setRowIndex(29);
        assertFalse(rows.isRowAvailable());
        rows.setRowIndex(11);
        assertTrue(rows.isRowAvailable());
    }
}
