package org.puente.organization;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.puente.account.Account;
import org.puente.account.AccountService;
import org.puente.account.Caller;
import org.puente.platform.i18n.Language;
import org.puente.platform.mail.MailException;
import org.puente.platform.security.Role;
import org.puente.platform.web.Pages;

/** The coalition's own people ({@code /admin/team}, admins only): who is admin or staff, and inviting staff. */
@Named
@ViewScoped
public class CoalitionTeam implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    InvitationService invitations;

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    @NotBlank(message = "{email.required}")
    @Size(max = 254, message = "{field.tooLong}")
    @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "{email.invalid}")
    private String email;

    private Language language = Language.EN;

    public void load() {
        caller.require(Role.ADMIN);
    }

    public String invite() {
        try {
            invitations.inviteStaff(email, language);
        } catch (InvitationRefusedException e) {
            Pages.error("invite:email", e.messageKey());
            return null;
        } catch (MailException e) {
            Pages.error(null, "invitation.error.mail");
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "invitation.sent", email.strip());
        return Pages.redirect("/admin/team");
    }

    public List<Account> getMembers() {
        caller.require(Role.ADMIN);
        return accounts.coalitionTeam();
    }

    public List<Invitation> getPending() {
        return invitations.pendingStaff();
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }
}
