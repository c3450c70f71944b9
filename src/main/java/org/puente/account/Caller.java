package org.puente.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.security.AccessDeniedException;
import org.puente.platform.security.Role;
import org.puente.platform.web.ClientAddress;

/**
 * The person behind the current request ({@code #{caller}} in views), and the server-side checks
 * every service runs before it acts.
 */
@Named("caller")
@RequestScoped
public class Caller {

    @Inject
    SecurityContext securityContext;

    @PersistenceContext
    EntityManager em;

    @Inject
    HttpServletRequest request;

    @Inject
    PuenteConfig config;

    @Inject
    AccountService accounts;

    private Account account;
    private boolean loaded;

    public Optional<Account> account() {
        if (!loaded) {
            loaded = true;
            Principal principal = securityContext.getCallerPrincipal();
            if (principal != null) {
                try {
                    account = em.find(Account.class, Long.valueOf(principal.getName()));
                } catch (NumberFormatException e) {
                    account = null;
                }
            } else if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
                // An error page is rendered outside the security context of the request that failed; the
                // session still says who is signed in (checked against the account's credential version).
                account = SessionCheck.rememberedAccount(request.getSession(false), accounts)
                        .map(id -> em.find(Account.class, id))
                        .orElse(null);
            }
        }
        return Optional.ofNullable(account).filter(Account::isActive);
    }

    /** The address the request came from (through a trusted proxy), for the security log. */
    public String address() {
        return ClientAddress.of(request, config.trustedProxies());
    }

    public boolean isSignedIn() {
        return account().isPresent();
    }

    public String getName() {
        return account().map(Account::getDisplayName).orElse("");
    }

    public boolean is(Role role) {
        return account().map(a -> a.getRole() == role).orElse(false);
    }

    public boolean isAdmin() {
        return is(Role.ADMIN);
    }

    /** Coalition staff or admin: may invite editors (and later send alerts and moderate). */
    public boolean isCoalitionStaff() {
        return is(Role.ADMIN) || is(Role.STAFF);
    }

    public Account require(Role... roles) {
        Account current = account().orElseThrow(() -> new AccessDeniedException("not signed in"));
        for (Role role : roles) {
            if (current.getRole() == role) {
                return current;
            }
        }
        throw new AccessDeniedException("account " + current.getId() + " lacks role " + Arrays.toString(roles));
    }
}
