package org.puente.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.Map;
import org.primefaces.csp.CspException;

/**
 * Checks a staff page's postback for its script nonce before anything in the form runs. PrimeFaces checks it
 * too, but only when the answer is rendered, after the action: a form sent without it (no script ran, or it
 * was forged) would have been acted on and then answered with a 500. Here it is refused first, with the
 * "page expired" answer ({@link PuenteExceptionHandler}), and nothing is done.
 *
 * <p>Public pages carry no PrimeFaces script ({@link PublicHeadRenderer}), so nothing would add the nonce to
 * their forms, and they must work with scripts off. Their forms are not asked for it: the nonce PrimeFaces
 * remembered for such a view is dropped before its check. A public form that keeps state still carries its
 * view state, which only the page served to this session holds; the stateless ones (signing) act only on
 * what they are sent, behind their own timer and limits.
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
        if (PublicHeadRenderer.isPublic(context)) {
            if (viewMap != null) {
                viewMap.remove(NONCE);
            }
            return;
        }
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
