package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.security.FormTimer;
import org.puente.platform.security.PublicFormLimits;
import org.puente.platform.web.ClientAddress;

/**
 * The signing form's submission, the busiest write in the portal. A valid submission is taken straight
 * from the request: the same checks as the form's (bean validation of {@link SignatureForm}, the
 * honeypot, the timer, the petition still taking signatures), then the redirect to "check your e-mail",
 * without building the page's component tree (measured: half the CPU of a signature went to JSF
 * rebuilding and validating the stateless page only to redirect). Anything else (a field in error, a
 * closed petition, a page with server-side state) goes on to the page, which answers as before, with
 * the messages in place. {@link SignPetition} uses the same rules.
 */
@ApplicationScoped
public class SignFormPost {

    /** A field hidden from people (and from screen readers) that form-filling robots fill in. */
    static final String HONEYPOT = "website";
    /** The hidden field carrying the form's signed timer. */
    static final String TIMER = "started";

    private static final String FORM = "sign";

    @Inject
    SignatureIntake intake;

    @Inject
    FormTimer timer;

    @Inject
    PuenteConfig config;

    @Inject
    Validator validator;

    @Inject
    PublicFormLimits limits;

    /** Whether this request is the signing form of a stateless page being sent. */
    static boolean isSubmission(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && FORM.equals(request.getParameter(FORM))
                && request.getParameter(FORM + ":submit") != null;
    }

    /**
     * Takes a valid submission and answers it.
     *
     * @return false when the page must handle it (errors to show, the petition closed, view state)
     */
    boolean accept(HttpServletRequest request, HttpServletResponse response, String slug, boolean embed)
            throws IOException {
        if (!"stateless".equals(request.getParameter("jakarta.faces.ViewState"))) {
            return false;
        }
        SignatureForm form = read(request);
        if (form == null) {
            return false;
        }
        if (!trapped(request)) {
            if (!validator.validate(form).isEmpty()) {
                return false;
            }
            try {
                intake.submit(slug, form, source(request, slug));
            } catch (PetitionClosedException e) {
                return false;
            }
        }
        response.sendRedirect(request.getContextPath() + checkEmail(request, slug, embed));
        return true;
    }

    /** The form's fields as JSF would set them (empty as null), or null when one cannot be read. */
    private static SignatureForm read(HttpServletRequest request) {
        String language = request.getParameter(FORM + ":language");
        if (language == null || !(language.equals("EN") || language.equals("ES"))) {
            return null;
        }
        SignatureForm form = new SignatureForm();
        form.setFirstName(field(request, "firstName"));
        form.setLastName(field(request, "lastName"));
        form.setEmail(field(request, "email"));
        form.setPostalCode(field(request, "postalCode"));
        form.setCountry(field(request, "country"));
        form.setLanguage(Language.valueOf(language));
        form.setComment(field(request, "comment"));
        form.setAlertsConsent(request.getParameter(FORM + ":consent") != null);
        return form;
    }

    private static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(FORM + ":" + name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Only software fills a field nobody can see: such a submission is answered as usual and dropped. */
    static boolean trapped(HttpServletRequest request) {
        String trap = request.getParameter(HONEYPOT);
        return trap != null && !trap.isEmpty();
    }

    /** The submission's address and how long its form took, if its timer was made for this petition's form. */
    SigningSource source(HttpServletRequest request, String slug) {
        return SigningSource.form(
                ClientAddress.of(request, config.trustedProxies()),
                timer.elapsed(request.getParameter(TIMER), timerScope(slug), limits.maxFormAge()));
    }

    /** What a petition's form timer is bound to: a stamp made for one petition's form is no good on another's. */
    static String timerScope(String slug) {
        return "petition:" + slug;
    }

    /** Where every accepted submission, first or repeated, leads (no one can tell who signed before). */
    static String checkEmail(HttpServletRequest request, String slug, boolean embed) {
        return (embed ? "/embed/check-email" : "/petition-check-email") + "?slug="
                + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "&lang="
                + LanguageFilter.of(request).code();
    }
}
