package org.puente.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.puente.supporter.SupporterForgotten;

/**
 * When a supporter is erased, past alerts keep their delivery counts but no longer the address: their
 * deliveries are anonymized in the erasure's own transaction ({@link AlertDeliveries#eraseRecipient}).
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ForgetRecipients {

    @Inject
    AlertDeliveries deliveries;

    void anonymize(@Observes SupporterForgotten forgotten) {
        deliveries.eraseRecipient(forgotten.supporterId());
    }
}
