package org.puente.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A form sent back with input the portal refused (a field in error, a box left unticked) is answered with the
 * page and its messages, as before, under the status 422 (Unprocessable Content) rather than 200: browsers show
 * it the same, and a script, a proxy or a partner tool can tell a refusal from a success. Ajax requests keep
 * 200, because PrimeFaces reads their errors from the partial response itself.
 */
public class RefusedInputStatus implements PhaseListener {

    private static final long serialVersionUID = 1L;

    /** The status of an answer that refuses what was sent. */
    static final int UNPROCESSABLE = 422;

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (context.isPostback()
                && context.isValidationFailed()
                && !context.getPartialViewContext().isAjaxRequest()
                && context.getExternalContext().getResponse() instanceof HttpServletResponse response
                && !response.isCommitted()
                && response.getStatus() == HttpServletResponse.SC_OK) {
            response.setStatus(UNPROCESSABLE);
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // nothing after rendering
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }
}
