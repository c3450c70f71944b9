package org.puente.organization;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.puente.account.Account;
import org.puente.account.AccountService;
import org.puente.account.Caller;
import org.puente.platform.security.Role;
import org.puente.platform.web.Pages;

/**
 * The coalition's own people ({@code /admin/team}, admins only): who is admin or staff, inviting staff
 * (and resending or revoking a pending invitation),
 * and deactivating the account of someone who leaves (or reactivating it).
 */
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

    private final InvitationForm form = new InvitationForm();

    public void load() {
        caller.require(Role.ADMIN);
    }

    public String invite() {
        return form.send(invitations::inviteStaff, "/admin/team");
    }

    public String resend(long invitationId) {
        InvitationForm.resend(invitations::resend, invitationId);
        return Pages.redirect("/admin/team");
    }

    public String revoke(long invitationId) {
        InvitationForm.revoke(invitations::revoke, invitationId);
        return Pages.redirect("/admin/team");
    }

    public String deactivate(long accountId) {
        accounts.deactivate(accountId);
        Pages.flash(FacesMessage.SEVERITY_INFO, "account.deactivated");
        return Pages.redirect("/admin/team");
    }

    public String reactivate(long accountId) {
        accounts.reactivate(accountId);
        Pages.flash(FacesMessage.SEVERITY_INFO, "account.reactivated");
        return Pages.redirect("/admin/team");
    }

    /** Whether the admin looking at the page may deactivate this person (anyone active but themselves). */
    public boolean mayDeactivate(Account person) {
        return person.isActive()
                && caller.isAdmin()
                && caller.account()
                        .map(me -> !me.getId().equals(person.getId()))
                        .orElse(false);
    }

    public List<Account> getMembers() {
        caller.require(Role.ADMIN);
        return accounts.coalitionTeam();
    }

    public List<Invitation> getPending() {
        return invitations.pendingStaff();
    }

    public InvitationForm getForm() {
        return form;
    }
}
