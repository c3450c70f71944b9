package org.puente.petition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.puente.platform.mail.MailException;
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

    private final SignatureForm form = new SignatureForm();

    public void prepare() {
        form.setLanguage(Pages.language());
    }

    public String sign() {
        String slug = petitions.getCurrent().getSlug();
        try {
            signatures.sign(slug, form);
        } catch (PetitionClosedException e) {
            Pages.error(null, "petition.closed");
            return null;
        } catch (MailException e) {
            Pages.error(null, "signature.error.mail");
            return null;
        } catch (PersistenceException | TransactionalException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            // The same person submitted twice at once: the other request holds the signature.
        }
        return Pages.redirect("/petition-check-email?slug=" + slug + "&lang=" + Pages.language().code());
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    public SignatureForm getForm() {
        return form;
    }
}
