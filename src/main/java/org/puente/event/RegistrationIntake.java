package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import org.puente.platform.persistence.DatabaseErrors;
import org.puente.platform.security.FormOrigin;

/**
 * The one way a registration comes in, from the form and the API alike. Each attempt is its own
 * transaction: the same person registering again (or twice at once) ends with one registration, their
 * link mailed again (a few times at most), and the same answer as the first time.
 */
@ApplicationScoped
public class RegistrationIntake {

    private static final int ATTEMPTS = 3;

    @Inject
    RegistrationService registrations;

    /**
     * @throws EventClosedException when the event takes no registrations now
     */
    public void submit(String slug, RegistrationForm form, FormOrigin source) {
        for (int attempt = 1; ; attempt++) {
            try {
                registrations.register(slug, form, source);
                return;
            } catch (PersistenceException | TransactionalException e) {
                if (DatabaseErrors.isDuplicate(e) && registrations.registerAgain(slug, form)) {
                    return;
                }
                if (attempt >= ATTEMPTS || !(DatabaseErrors.isDuplicate(e) || DatabaseErrors.isTransient(e))) {
                    throw e;
                }
            }
        }
    }
}
