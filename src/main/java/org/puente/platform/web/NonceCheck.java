package org.puente.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.Map;
import org.primefaces.csp.CspException;

/**
 * Checks a postback's script nonce before anything in the form runs. PrimeFaces checks it too, but only
 * when the answer is rendered, after the action: a form sent without it (no script ran, or it was forged)
 * would have been acted on and then answered with a 500. Here it is refused first, with the "page
 * expired" answer ({@link PuenteExceptionHandler}), and nothing is done.
 */
public class NonceCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final String NONCE = "primefaces.nonce";

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (!context.isPostback() || context.getViewRoot() == null) {
            return;
        }
        Map<String, Object> viewMap = context.getViewRoot().getViewMap(false);
        Object expected = viewMap == null ? null : viewMap.get(NONCE);
        if (expected != null
                && !expected.equals(
                        context.getExternalContext().getRequestParameterMap().get(NONCE))) {
            throw new CspException("the form came back without the page's script nonce");
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before the view is restored
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }
}
