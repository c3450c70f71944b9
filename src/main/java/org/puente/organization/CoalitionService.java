package org.puente.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import org.puente.account.Caller;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.security.Role;

/** The coalition row: read by everyone, changed by admins. */
@ApplicationScoped
@Transactional
public class CoalitionService {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    jakarta.enterprise.event.Event<CoalitionChanged> changed;

    @Transactional(TxType.SUPPORTS)
    public Coalition forEditing() {
        caller.require(Role.ADMIN);
        return em.find(Coalition.class, Coalition.ID);
    }

    public void update(String name, LocalizedText mission, String postalAddress) {
        caller.require(Role.ADMIN);
        em.find(Coalition.class, Coalition.ID).update(name, mission, postalAddress, clock.instant());
        changed.fire(new CoalitionChanged());
    }
}
