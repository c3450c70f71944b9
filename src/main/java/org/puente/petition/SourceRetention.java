package org.puente.petition;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    /** One transaction per batch ({@link SignatureSources#eraseOldSources()}), none around them all. */
    @Schedule(hour = "*", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void eraseOldSources() {
        int erased = 0;
        int batch;
        do {
            batch = sources.eraseOldSources();
            erased += batch;
        } while (batch == SignatureStore.ERASE_BATCH);
        if (erased > 0) {
            int total = erased;
            LOG.info(() -> "Erased the client address of " + total + " signatures past their retention period");
        }
    }
}
