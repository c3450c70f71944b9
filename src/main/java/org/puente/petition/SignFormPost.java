package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.security.FormOrigin;
import org.puente.platform.web.PublicForms;

/**
 * The signing form's submission, the busiest write in the portal, taken straight from the request when it is
 * valid (see {@link PublicForms}): bean validation of {@link SignatureForm}, the honeypot, the timer, the
 * petition still taking signatures, then the redirect to "check your e-mail". Anything else goes on to the
 * page, which answers with its messages. {@link SignPetition} uses the same rules.
 */
@ApplicationScoped
public class SignFormPost {

    private static final String FORM = "sign";

    @Inject
    SignatureIntake intake;

    @Inject
    PublicForms forms;

    @Inject
    Validator validator;

    /** Whether this request is the signing form of a stateless page being sent. */
    static boolean isSubmission(HttpServletRequest request) {
        return PublicForms.isSubmission(request, FORM);
    }

    /**
     * Takes a valid submission and answers it.
     *
     * @return false when the page must handle it (errors to show, the petition closed, view state)
     */
    boolean accept(HttpServletRequest request, HttpServletResponse response, String slug, boolean embed)
            throws IOException {
        Optional<SignatureForm> form = read(request);
        if (!PublicForms.isStateless(request) || form.isEmpty()) {
            return false;
        }
        if (!PublicForms.trapped(request)) {
            if (!validator.validate(form.get()).isEmpty()) {
                return false;
            }
            try {
                intake.submit(slug, form.get(), source(request, slug));
            } catch (PetitionClosedException e) {
                return false;
            }
        }
        response.sendRedirect(request.getContextPath() + checkEmail(request, slug, embed));
        return true;
    }

    /** The form's fields as JSF would set them, or nothing when one cannot be read. */
    private static Optional<SignatureForm> read(HttpServletRequest request) {
        return PublicForms.language(request, FORM).map(language -> {
            SignatureForm form = new SignatureForm();
            form.setFirstName(PublicForms.field(request, FORM, "firstName"));
            form.setLastName(PublicForms.field(request, FORM, "lastName"));
            form.setEmail(PublicForms.field(request, FORM, "email"));
            form.setPostalCode(PublicForms.field(request, FORM, "postalCode"));
            form.setCountry(PublicForms.field(request, FORM, "country"));
            form.setLanguage(language);
            form.setComment(PublicForms.field(request, FORM, "comment"));
            form.setAlertsConsent(PublicForms.ticked(request, FORM, "consent"));
            return form;
        });
    }

    /** The submission's address and how long its form took, if its timer was made for this petition's form. */
    SigningSource source(HttpServletRequest request, String slug) {
        FormOrigin origin = forms.origin(request, timerScope(slug));
        return SigningSource.form(origin.address(), origin.timeToSubmit());
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
