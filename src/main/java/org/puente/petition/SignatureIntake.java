package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import org.puente.platform.persistence.DatabaseErrors;

/**
 * The one way a signature comes in, from the form and from the API alike. Each attempt is its own
 * transaction: a deadlock between simultaneous signers is retried (the retry finds the other's row), and
 * the same person signing again (or twice at once) ends with one signature, a fresh link by mail (a few at
 * most), and the same answer as the first time.
 */
@ApplicationScoped
public class SignatureIntake {

    private static final int ATTEMPTS = 3;

    @Inject
    SignatureService signatures;

    /**
     * @throws PetitionClosedException when the petition does not take signatures now
     */
    public void submit(String slug, SignatureForm form, SigningSource source) {
        for (int attempt = 1; ; attempt++) {
            try {
                signatures.sign(slug, form, source);
                return;
            } catch (PersistenceException | TransactionalException e) {
                if (DatabaseErrors.isDuplicate(e) && signatures.signAgain(slug, form)) {
                    return; // signed before: a fresh link went out, nothing was added
                }
                if (attempt >= ATTEMPTS || !(DatabaseErrors.isDuplicate(e) || DatabaseErrors.isTransient(e))) {
                    throw e;
                }
            }
        }
    }
}
