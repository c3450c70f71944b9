package org.puente.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalInt;
import java.util.logging.Logger;
import org.puente.platform.persistence.DatabaseOutage;

/**
 * Answers an expected failure from a plain servlet (the CSV exports, the alert preview) with its status
 * ({@link ErrorStatus}) and the error page, as JSF does for pages; anything else goes on to the container,
 * whose error page logs it as a 500.
 */
public class ErrorStatusFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorStatusFilter.class.getName());

    @Inject
    transient DatabaseOutage outage;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            OptionalInt status = ErrorStatus.of(e);
            if (status.isEmpty() || response.isCommitted()) {
                throw e;
            }
            if (status.getAsInt() == ErrorStatus.UNAVAILABLE) {
                // Counted by the breaker, which logs the outage once; nothing per request.
                outage.suspect(e);
                LOG.fine(() -> "503 " + request.getMethod() + " " + request.getRequestURI() + ": "
                        + PuenteExceptionHandler.rootMessage(e));
                OutageFilter.unavailable(request, response, ErrorStatus.RETRY_AFTER_SECONDS);
                return;
            }
            LOG.info(() -> status.getAsInt() + " " + request.getMethod() + " " + request.getRequestURI() + ": " + e);
            response.sendError(status.getAsInt());
        }
    }
}
