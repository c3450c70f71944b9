package org.puente.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.ZoneId;
import org.puente.platform.time.StaffTimeZone;

/**
 * The coalition's time zone for every page and export that shows a time (every date on a page asks for it),
 * read at most every {@link CoalitionSignature#MAX_AGE}, and at once on this instance after an admin changes it.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class CoalitionTimeZone implements StaffTimeZone {

    @PersistenceContext
    EntityManager em;

    private record Read(ZoneId zone, long readAt) {}

    private volatile Read last;

    @Override
    public ZoneId zone() {
        Read current = last;
        long now = System.nanoTime();
        if (current == null || now - current.readAt() > CoalitionSignature.MAX_AGE.toNanos()) {
            Coalition coalition = em.find(Coalition.class, Coalition.ID);
            current = new Read(coalition == null ? Coalition.DEFAULT_TIME_ZONE : coalition.getTimeZone(), now);
            last = current;
        }
        return current.zone();
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) CoalitionChanged change) {
        last = null;
    }
}
