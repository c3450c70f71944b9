package org.puente.statement;

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
import org.puente.platform.web.FieldRefusedException;
import org.puente.platform.web.PublicForms;

/**
 * The public sign-on forms' submissions (an organization's, {@code signon}; a person's, {@code signonperson}),
 * taken straight from the request when they are valid (see {@link PublicForms}), then the redirect to "check
 * your e-mail". Anything else goes on to the statement page, which answers with its messages; {@link
 * SignOnStatement} applies the same rules.
 */
@ApplicationScoped
public class SignOnFormPost {

    static final String ORGANIZATION_FORM = "signon";
    static final String PERSON_FORM = "signonperson";

    @Inject
    SignOnService signOn;

    @Inject
    PublicForms forms;

    @Inject
    Validator validator;

    /** Which sign-on form this request sends, if it is one of them. */
    static Optional<String> submitted(HttpServletRequest request) {
        if (PublicForms.isSubmission(request, ORGANIZATION_FORM)) {
            return Optional.of(ORGANIZATION_FORM);
        }
        return PublicForms.isSubmission(request, PERSON_FORM) ? Optional.of(PERSON_FORM) : Optional.empty();
    }

    /**
     * Takes a valid submission and answers it.
     *
     * @return false when the page must handle it (errors to show, sign-on closed, view state)
     */
    boolean accept(HttpServletRequest request, HttpServletResponse response, String slug) throws IOException {
        Optional<String> name = submitted(request);
        if (name.isEmpty() || !PublicForms.isStateless(request)) {
            return false;
        }
        boolean individual = name.get().equals(PERSON_FORM);
        Optional<SignOnForm> form = read(request, name.get());
        if (form.isEmpty()) {
            return false;
        }
        if (!PublicForms.trapped(request)) {
            if (!validator.validate(form.get()).isEmpty()) {
                return false;
            }
            try {
                signOn.submit(slug, form.get(), individual, origin(request, slug));
            } catch (StatementClosedException | FieldRefusedException e) {
                return false;
            }
        }
        response.sendRedirect(request.getContextPath() + checkEmail(request, slug));
        return true;
    }

    /** The form's fields as JSF would set them, or nothing when one cannot be read. */
    private static Optional<SignOnForm> read(HttpServletRequest request, String name) {
        return PublicForms.language(request, name).map(language -> {
            SignOnForm form = new SignOnForm();
            form.setOrganizationName(PublicForms.field(request, name, "organizationName"));
            form.setWebsite(PublicForms.field(request, name, "site"));
            form.setCity(PublicForms.field(request, name, "city"));
            form.setRegion(PublicForms.field(request, name, "region"));
            form.setCountry(PublicForms.field(request, name, "country"));
            form.setSignerName(PublicForms.field(request, name, "signerName"));
            form.setSignerTitle(PublicForms.field(request, name, "signerTitle"));
            form.setEmail(PublicForms.field(request, name, "email"));
            form.setLanguage(language);
            form.setAuthority(PublicForms.ticked(request, name, "authority"));
            form.setNamePublic(PublicForms.ticked(request, name, "namePublic"));
            return form;
        });
    }

    /** The submission's address and how long its form took, if its timer was made for this statement's forms. */
    FormOrigin origin(HttpServletRequest request, String slug) {
        return forms.origin(request, timerScope(slug));
    }

    /** A stamp made for one statement's forms is no good on another's. */
    static String timerScope(String slug) {
        return "statement:" + slug;
    }

    /**
     * Where every accepted submission, first or repeated, leads: nobody can tell who signed before. (The
     * statement's widget carries a button to the page, not the form.)
     */
    static String checkEmail(HttpServletRequest request, String slug) {
        return "/statement-check-email?slug="
                + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "&lang="
                + LanguageFilter.of(request).code();
    }
}
