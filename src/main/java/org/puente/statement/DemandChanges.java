package org.puente.statement;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed in a statement's demands between two versions, demand by demand, for the mail that asks a
 * signatory to re-confirm: added, removed, or changed (before and after side by side).
 */
public final class DemandChanges {

    /** How a demand changed. */
    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    /**
     * One change: the demand's number (from 1) and its text before and after (null where there is none).
     */
    public record Change(Kind kind, int number, Demand before, Demand after) {}

    private DemandChanges() {}

    /**
     * The changes from {@code before} to {@code after}: a demand still in the new list (the same text) is
     * unchanged wherever it moved; the others are paired by position where both lists have one there.
     */
    public static List<Change> between(List<Demand> before, List<Demand> after) {
        List<Demand> gone = new ArrayList<>(before);
        gone.removeAll(after);
        List<Demand> come = new ArrayList<>(after);
        come.removeAll(before);
        List<Change> changes = new ArrayList<>();
        int paired = Math.min(gone.size(), come.size());
        for (int i = 0; i < paired; i++) {
            changes.add(new Change(Kind.CHANGED, after.indexOf(come.get(i)) + 1, gone.get(i), come.get(i)));
        }
        for (int i = paired; i < come.size(); i++) {
            changes.add(new Change(Kind.ADDED, after.indexOf(come.get(i)) + 1, null, come.get(i)));
        }
        for (int i = paired; i < gone.size(); i++) {
            changes.add(new Change(Kind.REMOVED, before.indexOf(gone.get(i)) + 1, gone.get(i), null));
        }
        return changes;
    }
}
