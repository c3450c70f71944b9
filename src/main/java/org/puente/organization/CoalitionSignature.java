package org.puente.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import org.puente.platform.mail.MailSignature;

/**
 * The coalition signs the portal's mail: its name (in both languages) and postal address, read at most every
 * {@link #MAX_AGE} (a send of 100,000 alerts reads it a handful of times, not once per message).
 */
// Read from any thread, the alert senders' included, for every message: a cached answer must cost no
// transaction, so it reads without one (SUPPORTS) when its copy is too old.
@Transactional(Transactional.TxType.SUPPORTS)
@ApplicationScoped
public class CoalitionSignature implements MailSignature {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    @PersistenceContext
    EntityManager em;

    private record Read(Sender sender, long readAt) {}

    private volatile Read last;

    @Transactional(TxType.SUPPORTS)
    @Override
    public Sender sender() {
        Read current = last;
        long now = System.nanoTime();
        if (current == null || now - current.readAt() > MAX_AGE.toNanos()) {
            Coalition coalition = em.find(Coalition.class, Coalition.ID);
            current = new Read(
                    new Sender(
                            coalition == null ? CoalitionService.DEFAULT_NAME : coalition.getName(),
                            coalition == null ? "" : coalition.getPostalAddress()),
                    now);
            last = current;
        }
        return current.sender();
    }

    /** This instance's next mail shows the new name and address; other instances' within {@link #MAX_AGE}. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) CoalitionChanged change) {
        last = null;
    }
}
