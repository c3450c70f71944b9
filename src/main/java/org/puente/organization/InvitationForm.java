package org.puente.organization;

import jakarta.faces.application.FacesMessage;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import org.puente.platform.i18n.Language;
import org.puente.platform.web.Pages;

/** "Invite someone by e-mail, in the language they read": the form the editors and team pages share. */
public class InvitationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "{email.required}")
    @Size(max = 254, message = "{field.tooLong}")
    @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "{email.invalid}")
    private String email;

    private Language language = Language.EN;

    /**
     * Sends the invitation through {@code sender} (its mail is recorded with it in the outbox and leaves after
     * commit); a refusal becomes a message on the page (and nothing is saved), success a flash message and a
     * redirect to {@code next}.
     */
    String send(BiConsumer<String, Language> sender, String next) {
        try {
            sender.accept(email, language);
        } catch (InvitationRefusedException e) {
            Pages.error("invite:email", e.messageKey());
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "invitation.sent", email.strip());
        return Pages.redirect(next);
    }

    /** Sends a pending invitation again; the outcome (or why not) becomes a flash message. */
    static void resend(LongFunction<Invitation> resender, long invitationId) {
        try {
            Pages.flash(
                    FacesMessage.SEVERITY_INFO,
                    "invitation.resent",
                    resender.apply(invitationId).getEmail());
        } catch (InvitationRefusedException e) {
            Pages.flash(FacesMessage.SEVERITY_WARN, e.messageKey());
        }
    }

    /** Revokes a pending invitation; the outcome (or why not) becomes a flash message. */
    static void revoke(LongFunction<Invitation> revoker, long invitationId) {
        try {
            Pages.flash(
                    FacesMessage.SEVERITY_INFO,
                    "invitation.revoked",
                    revoker.apply(invitationId).getEmail());
        } catch (InvitationRefusedException e) {
            Pages.flash(FacesMessage.SEVERITY_WARN, e.messageKey());
        }
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
