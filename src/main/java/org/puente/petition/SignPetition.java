package org.puente.petition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import org.puente.platform.mail.MailException;
import org.puente.platform.persistence.DatabaseErrors;
import org.puente.platform.web.Pages;

/**
 * The signing form on a petition's page ({@code #{signPetition}}). Every accepted submission, first or
 * repeated, leads to the same "check your e-mail" page.
 */
@Named
@RequestScoped
public class SignPetition {

    @Inject
    SignatureService signatures;

    @Inject
    PublicPetitions petitions;

    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    /** A field hidden from people (and from screen readers) that form-filling robots fill in. */
    static final String HONEYPOT = "website";

    private final SignatureForm form = new SignatureForm();

    public void prepare() {
        form.setLanguage(Pages.language());
    }

    public String sign() {
        String slug = petitions.getCurrent().getSlug();
        String trap = request.getParameter(HONEYPOT);
        if (trap != null && !trap.isEmpty()) {
            // Only software fills a field nobody can see: answer as for a person, keep nothing.
            return checkEmail(slug);
        }
        try {
            signWithRetry(slug);
        } catch (PetitionClosedException e) {
            Pages.error(null, "petition.closed");
            return null;
        } catch (MailException e) {
            Pages.error(null, "signature.error.mail");
            return null;
        } catch (PersistenceException | TransactionalException e) {
            if (!DatabaseErrors.isDuplicate(e)) {
                throw e;
            }
            // The same person submitted twice at once: the other request holds the signature.
        }
        return checkEmail(slug);
    }

    private String checkEmail(String slug) {
        String query = "?slug=" + slug + "&lang=" + Pages.language().code();
        if (request.getServletPath().startsWith("/embed/")) {
            return Pages.redirectToPath("/embed/check-email" + query);
        }
        return Pages.redirect("/petition-check-email" + query);
    }

    /** A deadlock between simultaneous signatures is transient: try again (the retry finds the other's row). */
    private void signWithRetry(String slug) {
        for (int attempt = 1; ; attempt++) {
            try {
                signatures.sign(slug, form);
                return;
            } catch (PersistenceException | TransactionalException e) {
                if (attempt >= 3 || !DatabaseErrors.isTransient(e)) {
                    throw e;
                }
            }
        }
    }


    public SignatureForm getForm() {
        return form;
    }
}
