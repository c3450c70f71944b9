package org.puente.platform.web;

import jakarta.faces.model.DataModel;
import java.util.List;
import java.util.function.Function;

/**
 * Rows for a page's table ({@code ui:repeat}, {@code h:dataTable}) that are read from the database a batch
 * at a time as the table renders, so a list of 100,000 (a petition's signers on its printable delivery)
 * never sits in memory whole: only the batch being rendered is held. Each batch is asked for with the last
 * row of the one before ({@code null} for the first), for keyset paging. The number of rows is counted
 * beforehand; rows added meanwhile are left for the next reading.
 */
public final class StreamedRows<T> extends DataModel<T> {

    private final long rowCount;
    private final Function<T, List<T>> nextAfter;
    private List<T> batch = List.of();
    private long batchStart;
    private boolean started;
    private int index = -1;

    public StreamedRows(long rowCount, Function<T, List<T>> nextAfter) {
        this.rowCount = rowCount;
        this.nextAfter = nextAfter;
    }

    @Override
    public int getRowCount() {
        return (int) Math.min(rowCount, Integer.MAX_VALUE);
    }

    @Override
    public boolean isRowAvailable() {
        return row(index) != null;
    }

    @Override
    public T getRowData() {
        T row = row(index);
        if (row == null) {
            throw new IllegalArgumentException("no row " + index);
        }
        return row;
    }

    @Override
    public int getRowIndex() {
        return index;
    }

    @Override
    public void setRowIndex(int rowIndex) {
        if (rowIndex < -1) {
            throw new IllegalArgumentException("row index " + rowIndex);
        }
        index = rowIndex;
    }

    @Override
    public Object getWrappedData() {
        return null;
    }

    @Override
    public void setWrappedData(Object data) {
        throw new UnsupportedOperationException("rows are read from their source");
    }

    /** The row at the index, reading forward batch by batch; going back starts the reading over. */
    private T row(long at) {
        if (at < 0 || at >= rowCount) {
            return null;
        }
        if (!started || at < batchStart) {
            batch = nextAfter.apply(null);
            batchStart = 0;
            started = true;
        }
        while (at >= batchStart + batch.size()) {
            if (batch.isEmpty()) {
                return null;
            }
            List<T> next = nextAfter.apply(batch.get(batch.size() - 1));
            batchStart += batch.size();
            batch = next;
        }
        return batch.get((int) (at - batchStart));
    }
}
