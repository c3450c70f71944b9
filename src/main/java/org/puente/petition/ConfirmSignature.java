package org.puente.petition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.puente.platform.persistence.DatabaseErrors;
import org.puente.platform.web.Pages;

/**
 * The page a confirmation link opens ({@code /signature-confirm?token=}): a GET only shows a button;
 * the button's POST confirms. Link scanners in mail systems therefore confirm nothing.
 */
@Named
@RequestScoped
public class ConfirmSignature {

    @Inject
    SignatureService signatures;

    @Inject
    SignatureCounts counts;

    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    private String token;
    private Optional<Signature> signature;

    public boolean isUsable() {
        if (signature == null) {
            if (token == null) {
                token = request.getParameter("confirm:token");
            }
            signature = signatures.findByLink(token);
        }
        return signature.isPresent();
    }

    public Petition getPetition() {
        return isUsable() ? signature.get().getPetition() : null;
    }

    public String confirm() {
        // Hundreds may confirm in the same second; one that loses a race with another is tried again.
        Optional<Petition> confirmed = DatabaseErrors.retryingRaces(3, () -> signatures.confirm(token));
        if (confirmed.isEmpty()) {
            signature = Optional.empty();
            return null;
        }
        counts.forget(confirmed.get().getId());
        return Pages.redirectToPath("/petitions/" + confirmed.get().getSlug() + "?thanks=1&lang=" + Pages.language().code());
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
