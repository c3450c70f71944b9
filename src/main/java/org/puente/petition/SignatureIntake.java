package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import org.puente.platform.persistence.DatabaseErrors;

/**
 * The one way a signature comes in, from the form and from the API alike. Each attempt is its own
 * transaction: a deadlock between simultaneous signers is retried (the retry finds the other's row), and
 * the same person submitting twice at once ends with one signature and the same answer for both.
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
                if (DatabaseErrors.isDuplicate(e)) {
                    return; // the simultaneous twin request holds the signature
                }
                if (attempt >= ATTEMPTS || !DatabaseErrors.isTransient(e)) {
                    throw e;
                }
            }
        }
    }
}
