package org.puente.statement;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import org.puente.platform.persistence.DatabaseErrors;

/**
 * The page a sign-on link opens ({@code /statement-signature?token=}). It tells the truth about the signature
 * the link names: to confirm, to re-confirm for the current text, waiting for staff, listed, or a link that
 * expired (the form can be sent again) — never a vague "expired or used".
 */
@Named
@RequestScoped
public class ConfirmSignOn {

    /** What the page shows. */
    public enum Outcome {
        CONFIRM,
        RECONFIRM,
        WAITING,
        COUNTED,
        EXPIRED,
        CLOSED,
        INVALID
    }

    @Inject
    SignOnService signOn;

    @Inject
    HttpServletRequest request;

    @Inject
    Clock clock;

    private String token;
    private Outcome outcome;
    private Signatory signatory;

    public Outcome getOutcome() {
        if (outcome == null) {
            if (token == null) {
                token = request.getParameter("confirm:token");
            }
            Optional<Signatory> linked = signOn.findLinked(token);
            signatory = linked.orElse(null);
            outcome = linked.map(this::outcomeOf).orElse(Outcome.INVALID);
        }
        return outcome;
    }

    private Outcome outcomeOf(Signatory linked) {
        return switch (linked.getState()) {
            case UNCONFIRMED -> pending(linked, Outcome.CONFIRM, Outcome.EXPIRED);
            case SIGNED ->
                linked.endorsesCurrentText() ? Outcome.COUNTED : pending(linked, Outcome.RECONFIRM, Outcome.INVALID);
            case UNVERIFIED -> Outcome.WAITING;
            case WITHDRAWN, REJECTED -> Outcome.INVALID;
        };
    }

    /** A link still to be used: good while it lasts and sign-on is open. */
    private Outcome pending(Signatory linked, Outcome usable, Outcome expired) {
        if (!linked.linkUsable(clock.instant())) {
            return expired;
        }
        return linked.getStatement().takesSignatures(clock.instant()) ? usable : Outcome.CLOSED;
    }

    /** Confirms by POST, then says where the signature stands. */
    public String confirm() {
        try {
            Optional<Signatory> confirmed = DatabaseErrors.retryingRaces(3, () -> signOn.confirm(token));
            outcome = confirmed
                    .map(s -> s.isSigned() ? Outcome.COUNTED : Outcome.WAITING)
                    .orElse(null);
            signatory = confirmed.orElse(signatory);
        } catch (StatementClosedException e) {
            outcome = Outcome.CLOSED;
        }
        if (outcome == null) {
            getOutcome();
        }
        return null;
    }

    /** Whether the signature is confirmed (waiting for staff or listed): the page says so in its heading. */
    public boolean isDone() {
        return getOutcome() == Outcome.WAITING || getOutcome() == Outcome.COUNTED;
    }

    public Statement getStatement() {
        getOutcome();
        return signatory == null ? null : signatory.getStatement();
    }

    public Signatory getSignatory() {
        getOutcome();
        return signatory;
    }

    public boolean isIndividual() {
        return getSignatory() != null && signatory.getKind() == SignatoryKind.INDIVIDUAL;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
