package org.puente.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.puente.supporter.SupporterForgotten;

/**
 * When a supporter is erased, past alerts keep their delivery counts but no longer the address: their
 * deliveries are anonymized in the erasure's own transaction.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ForgetRecipients {

    public static final String ANONYMIZE_DELIVERIES =
            "UPDATE alert_delivery SET email = 'erased@invalid', supporter_id = NULL WHERE supporter_id = ?";

    @PersistenceContext
    EntityManager em;

    void anonymize(@Observes SupporterForgotten forgotten) {
        em.createNativeQuery(ANONYMIZE_DELIVERIES).setParameter(1, forgotten.supporterId()).executeUpdate();
    }
}
