package org.puente.platform.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.i18n.Messages;
import org.puente.platform.persistence.DatabaseOutage;

/**
 * The API's one mapping of failures, so that a partner's tool always gets JSON in the request's language: a
 * database that does not answer → 503 with {@code Retry-After} (reported to {@link DatabaseOutage}, which logs the outage once); access denied and not found as
 * {@link ErrorStatus} says; anything else → 500 with a reference that is in the log with its stack trace.
 * Answers Jersey already built ({@link WebApplicationException}) pass through unchanged.
 */
@Provider
public class ApiFailures implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(ApiFailures.class.getName());

    @Context
    HttpServletRequest request;

    @Inject
    DatabaseOutage outage;

    @Override
    public Response toResponse(RuntimeException thrown) {
        if (thrown instanceof WebApplicationException web) {
            return web.getResponse();
        }
        int status = ErrorStatus.of(thrown).orElse(500);
        String key;
        Response.ResponseBuilder answer = Response.status(status);
        if (status == ErrorStatus.UNAVAILABLE) {
            // Counted by the breaker, which logs the outage once; nothing per request.
            outage.suspect(thrown);
            LOG.fine(() -> "503 " + request.getMethod() + " " + request.getRequestURI()
                    + ": the database is not answering (" + PuenteExceptionHandler.rootMessage(thrown) + ")");
            answer.header("Retry-After", ErrorStatus.RETRY_AFTER_SECONDS);
            key = "error.503.text";
        } else if (status == 500) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(
                    Level.SEVERE,
                    "500 reference " + reference + " on " + request.getMethod() + " " + request.getRequestURI(),
                    thrown);
            key = "error.500.text";
        } else {
            key = "error." + status + ".text";
        }
        return answer.type("application/hal+json")
                .entity(json(LanguageFilter.of(request), key))
                .build();
    }

    /** The API's error body: {@code {"error": "…"}} in the caller's language. */
    static String json(Language language, String key) {
        return Json.createObjectBuilder()
                .add("error", Messages.get(language, key))
                .build()
                .toString();
    }
}
