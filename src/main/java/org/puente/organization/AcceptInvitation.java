package org.puente.organization;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Clock;
import java.util.Optional;
import org.puente.account.NewPassword;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PlainText;

/**
 * The page an invitation link opens ({@code /invitation?token=}): a new editor sets their name and
 * password; an existing one just confirms. Expired and used links get an explanation, not an error.
 * View-scoped so the token from the link is still known when the form is posted back.
 */
@Named
@ViewScoped
public class AcceptInvitation implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Clock clock;

    @Inject
    InvitationService invitations;

    private String token;

    @Size(max = 120, message = "{field.tooLong}")
    @PlainText
    private String displayName;

    private transient String password;
    private transient String confirmation;

    private transient Optional<Invitation> invitation;
    private Invitation.Problem problem;

    private void resolve() {
        if (invitation == null) {
            invitation = invitations.find(token);
            problem = invitation.isEmpty()
                    ? Invitation.Problem.UNKNOWN
                    : invitation.get().problemAt(clock.instant()).orElse(null);
            if (problem == null && !invitations.isAcceptableBy(invitation.get())) {
                problem = Invitation.Problem.USED;
            }
        }
    }

    public boolean isUsable() {
        resolve();
        return problem == null;
    }

    /** The message key explaining why the link does not work. */
    public String getProblemKey() {
        resolve();
        return problem == null ? "" : "invitation.problem." + problem.name().toLowerCase();
    }

    public boolean isNeedsPassword() {
        resolve();
        return invitation.isPresent() && !invitations.inviteeHasAccount(invitation.get());
    }

    public Invitation getInvitation() {
        resolve();
        return invitation.orElse(null);
    }

    public String submit() {
        if (!isUsable()) {
            return null;
        }
        if (isNeedsPassword()) {
            if (displayName == null || displayName.isBlank()) {
                Pages.error("accept:name", "invitation.name.required");
                return null;
            }
            if (!NewPassword.accept("accept", password, confirmation)) {
                return null;
            }
        }
        Optional<Invitation.Problem> result = invitations.accept(token, displayName, password);
        if (result.isPresent()) {
            problem = result.get();
            return null;
        }
        if (getInvitation().isForStaff()) {
            Pages.flash(FacesMessage.SEVERITY_INFO, "invitation.accepted.staff");
        } else {
            Pages.flash(
                    FacesMessage.SEVERITY_INFO,
                    "invitation.accepted",
                    getInvitation().getOrganization().getName());
        }
        return Pages.redirect("/login");
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
