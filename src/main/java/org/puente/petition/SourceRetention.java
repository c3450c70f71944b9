package org.puente.petition;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Signers' client addresses are kept only as long as abuse needs them: every hour, addresses older than
 * {@code PUENTE_SOURCE_RETENTION_DAYS} are erased from their signatures.
 */
@Singleton
public class SourceRetention {

    private static final Logger LOG = Logger.getLogger(SourceRetention.class.getName());

    @Inject
    SignatureSources sources;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void eraseOldSources() {
        int erased = sources.eraseOldSources();
        if (erased > 0) {
            LOG.info(() -> "Erased the client address of " + erased + " signatures past their retention period");
        }
    }
}
