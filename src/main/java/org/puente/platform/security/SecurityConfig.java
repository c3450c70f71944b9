package org.puente.platform.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login on the portal's own page; the accounts' identity store is
 * {@code org.puente.account.AccountIdentityStore}. Which paths need which role is in web.xml;
 * services check again, so a guessed URL or a forged post meets the same rule.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Role.ADMIN_NAME, Role.STAFF_NAME, Role.ORG_EDITOR_NAME})
@ApplicationScoped
public class SecurityConfig {}
