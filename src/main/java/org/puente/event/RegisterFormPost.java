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
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.security.FormTimer;
import org.puente.platform.security.PublicFormLimits;
import org.puente.platform.web.ClientAddress;

/**
 * The registration form's submission, taken straight from the request when it is valid: the same checks
 * as the page's (bean validation of {@link RegistrationForm}, the event's guest limit, the honeypot, the
 * timer, the event still taking registrations), then the redirect to "check your e-mail", without JSF
 * rebuilding the stateless page only to redirect. Anything else (a field in error, a closed event) goes
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
    FormTimer timer;

    @Inject
    PuenteConfig config;

    @Inject
    Validator validator;

    @Inject
    PublicFormLimits limits;

    /** Whether this request is the registration form of a stateless page being sent. */
    static boolean isSubmission(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && FORM.equals(request.getParameter(FORM))
                && request.getParameter(FORM + ":submit") != null;
    }

    /**
     * Takes a valid submission and answers it.
     *
     * @return false when the page must handle it (errors to show, the event closed, view state)
     */
    boolean accept(HttpServletRequest request, HttpServletResponse response, String slug, boolean embed)
            throws IOException {
        if (!"stateless".equals(request.getParameter("jakarta.faces.ViewState"))) {
            return false;
        }
        Optional<CoalitionEvent> event = events.visible(slug);
        RegistrationForm form = read(request);
        if (event.isEmpty() || form == null) {
            return false;
        }
        if (!trapped(request)) {
            if (!validator.validate(form).isEmpty()
                    || form.getGuests() > event.get().getMaxGuests()) {
                return false;
            }
            try {
                intake.submit(slug, form, source(request, event.get()));
            } catch (EventClosedException e) {
                return false;
            }
        }
        response.sendRedirect(request.getContextPath() + checkEmail(request, slug, embed));
        return true;
    }

    /** The form's fields as JSF would set them (empty as null), or null when one cannot be read. */
    private static RegistrationForm read(HttpServletRequest request) {
        String language = request.getParameter(FORM + ":language");
        if (language == null || !(language.equals("EN") || language.equals("ES"))) {
            return null;
        }
        RegistrationForm form = new RegistrationForm();
        form.setFirstName(field(request, "firstName"));
        form.setLastName(field(request, "lastName"));
        form.setEmail(field(request, "email"));
        form.setPhone(field(request, "phone"));
        form.setLanguage(Language.valueOf(language));
        form.setNeeds(field(request, "needs"));
        form.setAlertsConsent(request.getParameter(FORM + ":consent") != null);
        String guests = field(request, "guests");
        if (guests != null && !guests.matches("\\d{1,2}")) {
            return null;
        }
        form.setGuests(guests == null ? 0 : Integer.parseInt(guests));
        return form;
    }

    private static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(FORM + ":" + name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Only software fills a field nobody can see: such a submission is answered as usual and dropped. */
    static boolean trapped(HttpServletRequest request) {
        String trap = request.getParameter(RegisterForEvent.HONEYPOT);
        return trap != null && !trap.isEmpty();
    }

    /** The submission's address and how long its form took, if its timer was made for this event's form. */
    RegistrationSource source(HttpServletRequest request, CoalitionEvent event) {
        return RegistrationSource.form(
                ClientAddress.of(request, config.trustedProxies()),
                timer.elapsed(
                        request.getParameter("started"), RegisterForEvent.timerScope(event), limits.maxFormAge()));
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
