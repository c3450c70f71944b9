package org.puente.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import org.puente.platform.config.PuenteConfig;

/** Session cookies: HttpOnly, SameSite=Lax, Secure when the portal is served over https; never in URLs. */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Inject
    PuenteConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(config.secureCookies());
        cookie.setAttribute("SameSite", "Lax");
        event.getServletContext().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    }
}
