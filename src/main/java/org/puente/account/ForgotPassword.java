package org.puente.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.puente.platform.web.Pages;

/** Asking for a password reset link ({@code #{forgotPassword}}); the answer is the same for any address. */
@Named
@RequestScoped
public class ForgotPassword {

    @Inject
    PasswordResets resets;

    @Inject
    Caller caller;

    @NotBlank(message = "{email.required}")
    @Size(max = 254, message = "{field.tooLong}")
    @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "{email.invalid}")
    private String email;

    public String submit() {
        if (!resets.request(email, caller.address())) {
            Pages.error(null, "password.forgot.tooMany");
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "password.forgot.sent");
        return Pages.redirect("/login");
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
