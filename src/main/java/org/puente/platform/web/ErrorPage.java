package org.puente.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Backs the error views ({@code #{errorPage}}): which explanation to show, and for a 500 the
 * reference id that the log line carries too. Errors raised outside JSF are logged here.
 */
@Named
@RequestScoped
public class ErrorPage {

    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    @Inject
    HttpServletRequest request;

    private String reference;

    public int getStatus() {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code ? code : 500;
    }

    public boolean isExpired() {
        return Boolean.TRUE.equals(request.getAttribute(PuenteExceptionHandler.EXPIRED_ATTRIBUTE));
    }

    /** The message key for this error's explanation. */
    public String getKey() {
        if (isExpired()) {
            return "error.expired";
        }
        return switch (getStatus()) {
            case 400, 405, 411 -> "error.400";
            case 403 -> "error.403";
            case 404 -> "error.404";
            case 413 -> "error.413";
            case 503 -> "error.503";
            default -> "error.500";
        };
    }

    public String getReference() {
        if (reference == null) {
            Object known = request.getAttribute(PuenteExceptionHandler.REFERENCE_ATTRIBUTE);
            if (known != null) {
                reference = known.toString();
            } else {
                reference = UUID.randomUUID().toString().substring(0, 8);
                Throwable thrown = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
                LOG.log(
                        Level.SEVERE,
                        "500 reference " + reference + " on "
                                + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                        thrown);
            }
        }
        return reference;
    }

    public boolean isServerError() {
        return getKey().equals("error.500");
    }
}
