package org.puente.platform.web;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.puente.platform.persistence.PuenteDataSource;
import org.puente.platform.persistence.SchemaMigration;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: the schema is migrated and the
 * database answers within two seconds; otherwise 503, so a load balancer holds traffic back.
 */
@WebServlet(urlPatterns = {"/health/live", "/health/ready"})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = PuenteDataSource.JNDI_NAME)
    private transient DataSource dataSource;

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
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
