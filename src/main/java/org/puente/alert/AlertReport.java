package org.puente.alert;

import java.util.List;
import org.puente.platform.i18n.Language;

/**
 * What became of one alert, per recipient language and in all: how many it was for, sent, failed (of
 * which bounced: refused for good), skipped (unsubscribed or erased before their turn), still to go,
 * and how many unsubscribed from its link.
 */
public record AlertReport(List<Figures> languages, Figures total) {

    public record Figures(
            Language language,
            long recipients,
            long sent,
            long failed,
            long bounced,
            long skipped,
            long remaining,
            long unsubscribes) {

        Figures plus(Figures other) {
            return new Figures(
                    null,
                    recipients + other.recipients,
                    sent + other.sent,
                    failed + other.failed,
                    bounced + other.bounced,
                    skipped + other.skipped,
                    remaining + other.remaining,
                    unsubscribes + other.unsubscribes);
        }
    }

    static AlertReport of(List<Figures> languages) {
        Figures total = new Figures(null, 0, 0, 0, 0, 0, 0, 0);
        for (Figures figures : languages) {
            total = total.plus(figures);
        }
        return new AlertReport(languages, total);
    }
}
