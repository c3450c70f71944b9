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
import org.puente.platform.web.NotFoundException;
import org.puente.platform.web.Pages;

/**
 * Who acts for an organization ({@code /admin/organization-editors?id=}): coalition staff, and the
 * organization's own editors, invite people by e-mail in the language the invitee reads, and resend or
 * revoke pending invitations; coalition staff remove editors; admins deactivate the account of an editor
 * who leaves (or reactivate it).
 */
@Named
@ViewScoped
public class OrganizationEditors implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganizationService organizations;

    @Inject
    InvitationService invitations;

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    private Long id;
    private Organization organization;

    private final InvitationForm form = new InvitationForm();

    public void load() {
        if (id == null) {
            throw new NotFoundException("no organization id");
        }
        organization = organizations.findForManagingEditors(id);
    }

    public String invite() {
        return form.send(
                (address, language) -> invitations.invite(id, address, language),
                "/admin/organization-editors?id=" + id);
    }

    public String resend(long invitationId) {
        InvitationForm.resend(invitations::resend, invitationId);
        return Pages.redirect("/admin/organization-editors?id=" + id);
    }

    public String revoke(long invitationId) {
        InvitationForm.revoke(invitations::revoke, invitationId);
        return Pages.redirect("/admin/organization-editors?id=" + id);
    }

    public String remove(long accountId) {
        organizations.removeEditor(id, accountId);
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.editors.removed");
        return Pages.redirect("/admin/organization-editors?id=" + id);
    }

    public String deactivate(long accountId) {
        accounts.deactivate(accountId);
        Pages.flash(FacesMessage.SEVERITY_INFO, "account.deactivated");
        return Pages.redirect("/admin/organization-editors?id=" + id);
    }

    public String reactivate(long accountId) {
        accounts.reactivate(accountId);
        Pages.flash(FacesMessage.SEVERITY_INFO, "account.reactivated");
        return Pages.redirect("/admin/organization-editors?id=" + id);
    }

    /** Whether the admin looking at the page may deactivate this editor's account. */
    public boolean mayDeactivate(Account editor) {
        return editor.isActive()
                && caller.isAdmin()
                && caller.account()
                        .map(me -> !me.getId().equals(editor.getId()))
                        .orElse(false);
    }

    public List<Account> getEditors() {
        return organizations.editorsOf(id);
    }

    public List<Invitation> getPending() {
        return invitations.pendingFor(id);
    }

    public Organization getOrganization() {
        return organization;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public InvitationForm getForm() {
        return form;
    }
}
