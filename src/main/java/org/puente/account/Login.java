package org.puente.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.Optional;
import org.puente.platform.security.LoginThrottle;
import org.puente.platform.web.Pages;

/**
 * The sign-in form ({@code #{login}}). Wrong password and unknown address get the same answer; an
 * attempt is reserved with the {@link LoginThrottle} before the password is checked, and every outcome
 * goes to the {@link SecurityLog}. The session id changes at sign-in, and the session remembers the
 * account's credential version so that a later password change or deactivation ends it.
 *
 * <p>The form continues the dialog that a protected page began ({@code newAuthentication(false)}): when a
 * signed-out person asked for {@code /admin/supporters?q=ana}, Jakarta Security saved that request and answers
 * the successful sign-in with a redirect back to it ({@code SEND_CONTINUE}); a new authentication would
 * discard it and land everyone on the dashboard. The saved request is the server's own, so the return is
 * always same-site.
 */
@Named
@RequestScoped
public class Login {

    @Inject
    SecurityContext securityContext;

    @Inject
    LoginThrottle throttle;

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    @NotBlank(message = "{email.required}")
    @Size(max = 254, message = "{field.tooLong}")
    private String email;

    @NotBlank(message = "{password.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String password;

    public String submit() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        String from = caller.address();
        Optional<LoginThrottle.Attempt> attempt = throttle.reserve(email, from);
        if (attempt.isEmpty()) {
            SecurityLog.signInHeldBack(email, from);
            Pages.error(null, "login.throttled");
            return null;
        }
        AuthenticationStatus status = securityContext.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(email.strip(), password))
                        .newAuthentication(false));
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE) {
            SecurityLog.signInFailed(email, from);
            Pages.error(null, "login.failed");
            return null;
        }
        attempt.get().succeeded();
        request.changeSessionId();
        accounts.recordSignIn(email, from).ifPresent(account -> SessionCheck.remember(request, account));
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            context.responseComplete();
            return null;
        }
        return Pages.redirect("/admin/index");
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
