package org.puente.organization;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.puente.account.Account;
import org.puente.account.AccountService;
import org.puente.account.Caller;
import org.puente.platform.security.Role;

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

    private final InvitationForm form = new InvitationForm();

    public void load() {
        caller.require(Role.ADMIN);
    }

    public String invite() {
        return form.send(invitations::inviteStaff, "/admin/team");
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
