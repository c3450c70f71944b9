package org.puente.petition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import org.puente.platform.persistence.DatabaseErrors;
import org.puente.platform.web.Pages;

/**
 * The page a confirmation link opens ({@code /signature-confirm?token=}): a GET only shows a button;
 * the button's POST confirms. Link scanners in mail systems therefore confirm nothing. The page tells the
 * truth about the signature the link names: still to confirm, already counted, or waiting for a new link
 * (which it offers to send) — never a vague "expired or used".
 */
@Named
@RequestScoped
public class ConfirmSignature {

    /** What the page shows. */
    public enum Outcome {
        CONFIRM,
        COUNTED,
        EXPIRED,
        RENEWED,
        NO_MORE_LINKS,
        CLOSED,
        INVALID
    }

    @Inject
    SignatureService signatures;

    @Inject
    SignatureCounts counts;

    @Inject
    HttpServletRequest request;

    @Inject
    Clock clock;

    private String token;
    private Outcome outcome;
    private Petition petition;

    public Outcome getOutcome() {
        if (outcome == null) {
            if (token == null) {
                token = Optional.ofNullable(request.getParameter("confirm:token"))
                        .orElse(request.getParameter("renew:token"));
            }
            Optional<Signature> signature = signatures.findLinked(token);
            petition = signature.map(Signature::getPetition).orElse(null);
            outcome = signature.map(this::outcomeOf).orElse(Outcome.INVALID);
        }
        return outcome;
    }

    private Outcome outcomeOf(Signature signature) {
        return switch (signature.linkState(clock.instant())) {
            case CONFIRMED -> Outcome.COUNTED;
            case HELD -> Outcome.INVALID;
            case EXPIRED -> signatures.isSignable(signature.getPetition()) ? Outcome.EXPIRED : Outcome.CLOSED;
            case USABLE -> signatures.isSignable(signature.getPetition()) ? Outcome.CONFIRM : Outcome.CLOSED;
        };
    }

    public Petition getPetition() {
        getOutcome();
        return petition;
    }

    public String confirm() {
        // Hundreds may confirm in the same second; one that loses a race with another is tried again.
        Optional<Petition> confirmed = DatabaseErrors.retryingRaces(3, () -> signatures.confirm(token));
        if (confirmed.isEmpty()) {
            outcome = null;
            getOutcome();
            return null;
        }
        counts.forget(confirmed.get().getId());
        return Pages.redirectToPath("/petitions/" + confirmed.get().getSlug() + "?thanks=1&lang="
                + Pages.language().code());
    }

    /** Sends a new link for an expired one. */
    public String renew() {
        getOutcome();
        if (outcome == Outcome.EXPIRED) {
            outcome = signatures.renewLink(token) ? Outcome.RENEWED : Outcome.NO_MORE_LINKS;
        }
        return null;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
