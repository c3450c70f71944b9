package org.puente.platform.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PreRenderViewEvent;
import jakarta.faces.view.ViewDeclarationLanguage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.csp.CspException;
import org.puente.platform.persistence.DatabaseOutage;
import org.puente.platform.security.AccessDeniedException;

/**
 * The one place where failures inside JSF become answers: access denied → 403, not found → 404 (the
 * mapping shared with the servlets, {@link ErrorStatus}), expired view → 400 with the "page expired"
 * explanation, anything else → 500 with a reference id that is logged with the stack trace and shown to
 * the person (never the trace itself).
 *
 * <p>A full-page request gets the status and the error page ({@code sendError}). An Ajax request
 * (a {@code p:poll}, a button with {@code ajax="true"}) cannot follow an error status or a redirect to the
 * error view, which is not a page of its own; as OmniFaces' {@code FullAjaxExceptionHandler} does, the
 * error view is rendered into the Ajax response itself (status 200, the whole view replaced), so the
 * person reads the same explanation in their language on the page they were on.
 *
 * <p>Only the first failure queued in a request is answered; any others are logged, never dropped.
 */
public class PuenteExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(PuenteExceptionHandler.class.getName());
    public static final String REFERENCE_ATTRIBUTE = "puente.error.reference";
    public static final String EXPIRED_ATTRIBUTE = "puente.error.expired";
    static final String ERROR_VIEW = "/error/page.xhtml";

    public PuenteExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events =
                getUnhandledExceptionQueuedEvents().iterator();
        Throwable answered = null;
        while (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            events.remove();
            if (answered == null) {
                answered = thrown;
            } else {
                LOG.log(
                        Level.WARNING,
                        "Another failure in the same request (the first one is answered) on " + describe(context),
                        thrown);
            }
        }
        if (answered != null) {
            answer(context, answered);
        }
        getWrapped().handle();
    }

    private void answer(FacesContext context, Throwable thrown) {
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        int status = ErrorStatus.of(thrown).orElse(0);
        if (status == ErrorStatus.UNAVAILABLE) {
            // Counted by the breaker, which logs the outage once: during an outage every request fails the same way.
            CDI.current().select(DatabaseOutage.class).get().suspect(thrown);
            LOG.fine(
                    () -> "503 " + describe(context) + ": the database is not answering (" + rootMessage(thrown) + ")");
        } else if (status == HttpServletResponse.SC_FORBIDDEN) {
            LOG.info(() -> "403 " + describe(context) + ": "
                    + ErrorStatus.find(thrown, AccessDeniedException.class)
                            .orElseThrow()
                            .getMessage());
        } else if (status == 0
                && (ErrorStatus.find(thrown, ViewExpiredException.class).isPresent()
                        || ErrorStatus.find(thrown, CspException.class).isPresent())) {
            // A form whose view is gone, or posted without the page's script nonce (stale or forged): ask
            // the person to load the page again; nothing was done.
            LOG.fine(() -> "page expired: " + describe(context));
            request.setAttribute(EXPIRED_ATTRIBUTE, Boolean.TRUE);
            status = HttpServletResponse.SC_BAD_REQUEST;
        } else if (status == 0) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            request.setAttribute(REFERENCE_ATTRIBUTE, reference);
            LOG.log(Level.SEVERE, "500 reference " + reference + " on " + describe(context), thrown);
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        if (external.isResponseCommitted()) {
            LOG.warning(
                    "The error page could not be sent: the response to " + describe(context) + " had already begun");
            context.responseComplete();
            return;
        }
        try {
            if (context.getPartialViewContext().isAjaxRequest()) {
                renderInAjaxResponse(context, request, status);
            } else {
                external.responseReset();
                HttpServletResponse response = (HttpServletResponse) external.getResponse();
                if (status == ErrorStatus.UNAVAILABLE) {
                    response.setHeader("Retry-After", ErrorStatus.RETRY_AFTER_SECONDS);
                }
                response.sendError(status);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send the error page for " + describe(context), e);
        }
        context.responseComplete();
    }

    /**
     * Renders the error view, whole, into this Ajax request's partial response: the request carries what
     * the error view reads ({@link ErrorPage}) as an error dispatch would. The buffer is emptied but the
     * headers set so far (security headers) are kept; the status stays 200, or the Ajax script would not
     * read the answer.
     */
    private static void renderInAjaxResponse(FacesContext context, HttpServletRequest request, int status)
            throws IOException {
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        HttpServletResponse response =
                (HttpServletResponse) context.getExternalContext().getResponse();
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_OK);
        ViewHandler views = context.getApplication().getViewHandler();
        UIViewRoot errorView = views.createView(context, ERROR_VIEW);
        context.setViewRoot(errorView);
        context.getPartialViewContext().setRenderAll(true);
        ViewDeclarationLanguage vdl = views.getViewDeclarationLanguage(context, ERROR_VIEW);
        vdl.buildView(context, errorView);
        context.getApplication().publishEvent(context, PreRenderViewEvent.class, errorView);
        vdl.renderView(context, errorView);
    }

    static String rootMessage(Throwable thrown) {
        return DatabaseOutage.rootMessage(thrown);
    }

    private static String describe(FacesContext context) {
        HttpServletRequest request =
                (HttpServletRequest) context.getExternalContext().getRequest();
        return request.getMethod() + " " + request.getRequestURI()
                + (context.getPartialViewContext().isAjaxRequest() ? " (Ajax)" : "");
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
