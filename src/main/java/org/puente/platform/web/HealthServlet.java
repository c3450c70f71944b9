package org.puente.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.puente.platform.persistence.DatabaseOutage;
import org.puente.platform.persistence.DatabaseProbe;
import org.puente.platform.persistence.SchemaMigration;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: the schema is migrated and the
 * database answers within two seconds on a connection of its own ({@link DatabaseProbe}, not the pool's,
 * whose connections a frozen database holds), and the instance is not stopping ({@link Drain}); otherwise
 * 503, so a load balancer holds traffic back. A failed check also opens the {@link DatabaseOutage} breaker.
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

    @Inject
    private transient DatabaseOutage outage;

    @Inject
    private transient Drain drain;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        boolean ready = request.getServletPath().endsWith("/live")
                || (!drain.isDraining() && migration.migrated() && databaseAnswers());
        response.setStatus(ready ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.getWriter().write(ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }

    private boolean databaseAnswers() {
        if (database.answersWithin(DEADLINE)) {
            return true;
        }
        outage.checkedDown();
        return false;
    }
}
