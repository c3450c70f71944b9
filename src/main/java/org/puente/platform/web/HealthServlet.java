package org.puente.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.puente.platform.persistence.DatabaseProbe;
import org.puente.platform.persistence.SchemaMigration;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: the schema is migrated and the
 * database answers within two seconds on a connection of its own ({@link DatabaseProbe}, not the pool's,
 * whose connections a frozen database holds); otherwise 503, so a load balancer holds traffic back.
 */
@WebServlet(urlPatterns = {"/health/live", "/health/ready"})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** How long readiness waits for the database: a load balancer's check must not hang with it. */
    static final Duration DEADLINE = Duration.ofSeconds(2);

    @Inject
    private transient DatabaseProbe database;

    @Inject
    private transient SchemaMigration migration;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        boolean ready = request.getServletPath().endsWith("/live") || (migration.migrated() && databaseAnswers());
        response.setStatus(ready ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.getWriter().write(ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }

    private boolean databaseAnswers() {
        return database.answersWithin(DEADLINE);
    }
}
