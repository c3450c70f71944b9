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
import org.puente.platform.i18n.Language;
import org.puente.platform.mail.MailException;
import org.puente.platform.web.Pages;

/**
 * Who acts for an organization ({@code /admin/organization-editors?id=}): coalition staff invite
 * people by e-mail, in the language the invitee reads; admins remove editors.
 */
@Named
@ViewScoped
public class OrganizationEditors implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganizationService organizations;

    @Inject
    InvitationService invitations;

    private Long id;
    private Organization organization;

    @NotBlank(message = "{email.required}")
    @Size(max = 254, message = "{field.tooLong}")
    @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "{email.invalid}")
    private String email;

    private Language language = Language.EN;

    public void load() {
        if (id == null) {
            throw new org.puente.platform.web.NotFoundException("no organization id");
        }
        organization = organizations.findForStaff(id);
    }

    public String invite() {
        try {
            invitations.invite(id, email, language);
        } catch (InvitationRefusedException e) {
            Pages.error("invite:email", e.messageKey());
            return null;
        } catch (MailException e) {
            Pages.error(null, "invitation.error.mail");
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "invitation.sent", email.strip());
        return Pages.redirect("/admin/organization-editors?id=" + id);
    }

    public String remove(long accountId) {
        organizations.removeEditor(id, accountId);
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.editors.removed");
        return Pages.redirect("/admin/organization-editors?id=" + id);
    }

    public List<Account> getEditors() {
        return organizations.editorsOf(id);
    }

    public List<Invitation> getPending() {
        return invitations.pendingFor(id);
    }

    public Language[] getLanguages() {
        return Language.values();
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
