package org.puente.account;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.web.ClientAddress;

/**
 * Ends a signed-in session once its account's password has changed or the account was deactivated, on
 * whichever instance the session lives. Each session keeps the credential version it signed in with
 * ({@link #remember}); every request of a signed-in session compares it with the account's own, and a
 * stale session is signed out and sent to the sign-in page (an Ajax request gets a Faces redirect).
 */
@WebFilter(urlPatterns = "/*")
public class SessionCheck extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String ATTRIBUTE = "puente.account.credentials";

    @Inject
    transient AccountService accounts;

    @Inject
    transient PuenteConfig config;

    /** Called at sign-in: the session speaks for this account at its current credential version. */
    static void remember(HttpServletRequest request, Account account) {
        request.getSession().setAttribute(ATTRIBUTE, account.getId() + ":" + account.getCredentialVersion());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        if (principal == null
                || request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")
                || isCurrent(principal, request.getSession(false))) {
            chain.doFilter(request, response);
            return;
        }
        SecurityLog.sessionEnded(
                accountId(principal),
                "password changed or account deactivated",
                ClientAddress.of(request, config.trustedProxies()));
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String login = request.getContextPath() + "/login";
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"" + login
                            + "\"/></partial-response>");
        } else {
            response.sendRedirect(login);
        }
    }

    private boolean isCurrent(Principal principal, HttpSession session) {
        return rememberedAccount(session, accounts)
                .filter(id -> id.toString().equals(principal.getName()))
                .isPresent();
    }

    /**
     * The account this session signed in as, while its credential version is still the account's own; empty
     * for a session that never signed in or whose password changed since.
     */
    static Optional<Long> rememberedAccount(HttpSession session, AccountService accounts) {
        Object stamp = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (!(stamp instanceof String remembered) || remembered.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(remembered.substring(0, remembered.indexOf(':')));
            int version = Integer.parseInt(remembered.substring(remembered.indexOf(':') + 1));
            return accounts.acceptsSession(id, version) ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long accountId(Principal principal) {
        try {
            return Long.parseLong(principal.getName());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
