package org.puente.account;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import java.io.Serializable;
import org.puente.platform.web.Pages;

/**
 * Choosing a new password from an e-mailed link ({@code /password-reset?token=}). View-scoped so the
 * token from the link is still known when the form is posted back.
 */
@Named
@ViewScoped
public class ResetPassword implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PasswordResets resets;

    @Inject
    Caller caller;

    private String token;

    @NotBlank(message = "{password.required}")
    private transient String password;

    private transient String confirmation;

    private Boolean usable;

    public boolean isUsable() {
        if (usable == null) {
            usable = resets.isUsable(token);
        }
        return usable;
    }

    public String submit() {
        if (!NewPassword.accept("reset", password, confirmation)) {
            return null;
        }
        if (!resets.reset(token, password, caller.address())) {
            usable = false;
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "password.reset.done");
        return Pages.redirect("/login");
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
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
