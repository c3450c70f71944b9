package org.puente.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.security.FormOrigin;
import org.puente.platform.security.FormTimer;
import org.puente.platform.security.PublicFormLimits;

/**
 * What the public forms (signing a petition, registering for an event, signing on to a statement) share when
 * their submission is read straight from the request instead of through JSF: which request is a stateless
 * form being sent, its fields as JSF would set them (empty as null), the honeypot, and the origin the abuse
 * limits judge (the client's address and the signed timer made for that one form). A feature keeps only what
 * is its own: its form's fields, its checks and where it leads.
 *
 * <p>Measured on the signing form: half the CPU of a submission went to JSF rebuilding and validating the
 * stateless page only to redirect. Anything a feature cannot accept this way (a field in error, a closed
 * petition, a page with server-side state) goes on to the page, which answers with its messages.
 */
@ApplicationScoped
public class PublicForms {

    /** A field hidden from people (and from screen readers) that form-filling robots fill in. */
    public static final String HONEYPOT = "website";

    /** The hidden field carrying the form's signed timer. */
    public static final String TIMER = "started";

    @Inject
    FormTimer timer;

    @Inject
    PuenteConfig config;

    @Inject
    PublicFormLimits limits;

    /** Whether this request is the form {@code form} of a stateless page being sent with its button. */
    public static boolean isSubmission(HttpServletRequest request, String form) {
        return "POST".equals(request.getMethod())
                && form.equals(request.getParameter(form))
                && request.getParameter(form + ":submit") != null;
    }

    /** Whether the page the form came from keeps no server-side state (only then may it be read directly). */
    public static boolean isStateless(HttpServletRequest request) {
        return "stateless".equals(request.getParameter("jakarta.faces.ViewState"));
    }

    /** A field of the form as JSF would set it: an empty one as null. */
    public static String field(HttpServletRequest request, String form, String name) {
        String value = request.getParameter(form + ":" + name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Whether a checkbox of the form was ticked. */
    public static boolean ticked(HttpServletRequest request, String form, String name) {
        return request.getParameter(form + ":" + name) != null;
    }

    /** The language the form's chooser sent, if it is one of the portal's. */
    public static Optional<Language> language(HttpServletRequest request, String form) {
        String code = request.getParameter(form + ":language");
        return "EN".equals(code) || "ES".equals(code) ? Optional.of(Language.valueOf(code)) : Optional.empty();
    }

    /** Only software fills a field nobody can see: such a submission is answered as usual and dropped. */
    public static boolean trapped(HttpServletRequest request) {
        String trap = request.getParameter(HONEYPOT);
        return trap != null && !trap.isEmpty();
    }

    /** A new signed timer for the form named {@code scope} (e.g. "petition:slug"), for its hidden field. */
    public String startTimer(String scope) {
        return timer.start(scope);
    }

    /** The submission's address and how long its form took, if its timer was made for the form {@code scope}. */
    public FormOrigin origin(HttpServletRequest request, String scope) {
        return FormOrigin.form(
                ClientAddress.of(request, config.trustedProxies()),
                timer.elapsed(request.getParameter(TIMER), scope, limits.maxFormAge()));
    }
}
