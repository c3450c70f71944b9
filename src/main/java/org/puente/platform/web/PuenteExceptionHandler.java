package org.puente.platform.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.puente.platform.security.AccessDeniedException;

/**
 * The one place where failures inside JSF become answers: access denied → 403, not found → 404,
 * expired view → 400 with the "page expired" explanation, anything else → 500 with a reference id
 * that is logged with the stack trace and shown to the person (never the trace itself).
 */
public class PuenteExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(PuenteExceptionHandler.class.getName());
    public static final String REFERENCE_ATTRIBUTE = "puente.error.reference";
    public static final String EXPIRED_ATTRIBUTE = "puente.error.expired";

    public PuenteExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        if (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            events.remove();
            while (events.hasNext()) {
                events.next();
                events.remove();
            }
            answer(context, thrown);
        }
        getWrapped().handle();
    }

    private void answer(FacesContext context, Throwable thrown) {
        Throwable cause = rootOf(thrown);
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        int status;
        if (cause instanceof AccessDeniedException) {
            LOG.info(() -> "403 " + request.getRequestURI() + ": " + cause.getMessage());
            status = HttpServletResponse.SC_FORBIDDEN;
        } else if (cause instanceof NotFoundException) {
            status = HttpServletResponse.SC_NOT_FOUND;
        } else if (cause instanceof ViewExpiredException || cause instanceof org.primefaces.csp.CspException) {
            // A form whose view is gone, or posted without the page's script nonce (stale or forged): ask
            // the person to load the page again; nothing was done.
            request.setAttribute(EXPIRED_ATTRIBUTE, Boolean.TRUE);
            status = HttpServletResponse.SC_BAD_REQUEST;
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            request.setAttribute(REFERENCE_ATTRIBUTE, reference);
            LOG.log(Level.SEVERE, "500 reference " + reference + " on " + request.getMethod() + " "
                    + request.getRequestURI(), thrown);
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        if (external.isResponseCommitted()) {
            context.responseComplete();
            return;
        }
        try {
            external.responseReset();
            HttpServletResponse response = (HttpServletResponse) external.getResponse();
            if (context.getPartialViewContext().isAjaxRequest()) {
                String page = status == 400 ? "/error/expired" : "/error/" + status;
                external.redirect(external.getRequestContextPath() + page);
            } else {
                response.sendError(status);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not send the error page", e);
        }
        context.responseComplete();
    }

    private static Throwable rootOf(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof FacesException || current instanceof jakarta.el.ELException
                || current instanceof jakarta.transaction.RollbackException
                || current instanceof jakarta.ejb.EJBException
                || current.getClass().getName().startsWith("jakarta.transaction.TransactionalException"))
                && current.getCause() != null && !(current instanceof ViewExpiredException)) {
            current = current.getCause();
        }
        return current;
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new PuenteExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
