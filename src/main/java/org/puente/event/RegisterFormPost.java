package org.puente.event;

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
 * The registration form's submission, taken straight from the request when it is valid (see {@link
 * PublicForms}): bean validation of {@link RegistrationForm}, the event's guest limit, the honeypot, the
 * timer, the event still taking registrations, then the redirect to "check your e-mail". Anything else goes
 * on to the page, which answers with its messages. {@link RegisterForEvent} applies the same rules.
 */
@ApplicationScoped
public class RegisterFormPost {

    private static final String FORM = "register";

    @Inject
    RegistrationIntake intake;

    @Inject
    EventReadCache events;

    @Inject
    PublicForms forms;

    @Inject
    Validator validator;

    /** Whether this request is the registration form of a stateless page being sent. */
    static boolean isSubmission(HttpServletRequest request) {
        return PublicForms.isSubmission(request, FORM);
    }

    /**
     * Takes a valid submission and answers it.
     *
     * @return false when the page must handle it (errors to show, the event closed, view state)
     */
    boolean accept(HttpServletRequest request, HttpServletResponse response, String slug, boolean embed)
            throws IOException {
        if (!PublicForms.isStateless(request)) {
            return false;
        }
        Optional<CoalitionEvent> event = events.visible(slug);
        Optional<RegistrationForm> form = read(request);
        if (event.isEmpty() || form.isEmpty()) {
            return false;
        }
        if (!PublicForms.trapped(request)) {
            if (!validator.validate(form.get()).isEmpty()
                    || form.get().getGuests() > event.get().getMaxGuests()) {
                return false;
            }
            try {
                intake.submit(slug, form.get(), origin(request, event.get()));
            } catch (EventClosedException e) {
                return false;
            }
        }
        response.sendRedirect(request.getContextPath() + checkEmail(request, slug, embed));
        return true;
    }

    /** The form's fields as JSF would set them, or nothing when one cannot be read. */
    private static Optional<RegistrationForm> read(HttpServletRequest request) {
        String guests = PublicForms.field(request, FORM, "guests");
        if (guests != null && !guests.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        return PublicForms.language(request, FORM).map(language -> {
            RegistrationForm form = new RegistrationForm();
            form.setFirstName(PublicForms.field(request, FORM, "firstName"));
            form.setLastName(PublicForms.field(request, FORM, "lastName"));
            form.setEmail(PublicForms.field(request, FORM, "email"));
            form.setPhone(PublicForms.field(request, FORM, "phone"));
            form.setLanguage(language);
            form.setNeeds(PublicForms.field(request, FORM, "needs"));
            form.setAlertsConsent(PublicForms.ticked(request, FORM, "consent"));
            form.setGuests(guests == null ? 0 : Integer.parseInt(guests));
            return form;
        });
    }

    /** The submission's address and how long its form took, if its timer was made for this event's form. */
    FormOrigin origin(HttpServletRequest request, CoalitionEvent event) {
        return forms.origin(request, RegisterForEvent.timerScope(event));
    }

    /**
     * Where every accepted submission, first or repeated, leads (no one can tell who registered before); from
     * the widget, the widgets' own compact answer, which other sites may frame.
     */
    static String checkEmail(HttpServletRequest request, String slug, boolean embed) {
        return (embed ? "/embed/check-email?for=registration&slug=" : "/event-check-email?slug=")
                + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "&lang="
                + LanguageFilter.of(request).code();
    }
}
