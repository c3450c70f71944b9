package org.puente.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import org.puente.platform.config.PuenteConfig;

/**
 * Session cookies: HttpOnly, Secure when the portal is served over https, never in URLs. SameSite=Lax is
 * set in {@code WEB-INF/payara-web.xml}: Payara ignores the attribute when it is set here.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Inject
    PuenteConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(config.secureCookies());
        event.getServletContext().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    }
}
