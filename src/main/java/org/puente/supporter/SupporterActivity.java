package org.puente.supporter;

import java.time.Instant;
import java.util.List;
import org.puente.platform.i18n.LocalizedText;

/**
 * What a supporter did in a feature that owns its own records: the petitions they signed (petition), the
 * alerts they received (alert). Those features build on supporter, so supporter cannot ask them; each
 * implements this and the supporter page gathers them all ({@code Instance<SupporterActivity>}).
 */
public interface SupporterActivity {

    /** What this feature holds of one supporter, newest first; {@code supporter} is read, never changed. */
    List<Entry> of(Supporter supporter);

    enum Kind {
        SIGNED,
        RECEIVED
    }

    /** One line of the history: what (in both languages), its state as a message key, and when. */
    record Entry(Kind kind, LocalizedText what, String stateKey, Instant at) {}
}
