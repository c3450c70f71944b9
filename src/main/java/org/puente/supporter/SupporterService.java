package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.puente.platform.i18n.Language;

/** The supporter list, shared by petitions (which add people who consent) and alerts (which mail them). */
@ApplicationScoped
@Transactional
public class SupporterService {

    @PersistenceContext
    EntityManager em;

    /** Creates or updates the supporter behind an explicit consent, joining the caller's transaction. */
    public Supporter recordConsent(String email, String canonicalEmail, String firstName, String lastName,
            String postalCode, String country, Language language, String source) {
        Instant now = Instant.now();
        // A plain read: locking a row that may not exist takes a gap lock, and simultaneous first consents
        // deadlock on it. The unique key settles a race; the version column a simultaneous update (callers retry).
        Supporter supporter = em.createNamedQuery("Supporter.findByCanonicalEmail", Supporter.class)
                .setParameter("email", canonicalEmail).getResultList().stream().findFirst().orElse(null);
        if (supporter == null) {
            supporter = new Supporter(email, canonicalEmail, now);
            supporter.consent(firstName, lastName, postalCode, country, language, source, now);
            em.persist(supporter);
            em.flush();
        } else {
            supporter.consent(firstName, lastName, postalCode, country, language, source, now);
        }
        return supporter;
    }
}
