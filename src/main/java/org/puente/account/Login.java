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
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.security.LoginThrottle;
import org.puente.platform.web.ClientAddress;
import org.puente.platform.web.Pages;

/**
 * The sign-in form ({@code #{login}}). Wrong password and unknown address get the same answer;
 * repeated failures are throttled per address and per IP. The session id changes at sign-in.
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

    @Inject
    PuenteConfig config;

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
        String ip = ClientAddress.of(request, config.trustedProxies());
        if (throttle.isBlocked(email, ip)) {
            Pages.error(null, "login.throttled");
            return null;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(email.strip(), password))
                        .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE:
                request.changeSessionId();
                throttle.recordSuccess(email);
                context.responseComplete();
                return null;
            case SUCCESS:
                request.changeSessionId();
                throttle.recordSuccess(email);
                caller.account().ifPresent(a -> accounts.recordLogin(a.getId()));
                return Pages.redirect("/admin/index");
            default:
                throttle.recordFailure(email, ip);
                Pages.error(null, "login.failed");
                return null;
        }
    }

    public String logout() throws Exception {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return Pages.redirect("/index");
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
