package org.puente.event;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PublicForms;

/**
 * The registration form on an event's page ({@code #{registerForEvent}}): the same honeypot and signed
 * timer as the signing form. Every accepted submission, first or repeated, held or not, leads to the same
 * "check your e-mail" page.
 */
@Named
@RequestScoped
public class RegisterForEvent {

    @Inject
    RegistrationIntake intake;

    @Inject
    PublicEvents events;

    @Inject
    PublicForms forms;

    @Inject
    RegisterFormPost rules;

    @Inject
    HttpServletRequest request;

    private final RegistrationForm form = new RegistrationForm();

    public void prepare() {
        form.setLanguage(Pages.language());
    }

    public String register() {
        CoalitionEvent event = events.getCurrent();
        if (form.getGuests() > event.getMaxGuests()) {
            Pages.error("register:guests", "registration.guests.invalid");
            return null;
        }
        if (!PublicForms.trapped(request)) {
            try {
                intake.submit(event.getSlug(), form, rules.origin(request, event));
            } catch (EventClosedException e) {
                Pages.error(null, "event.closed");
                return null;
            }
        }
        return Pages.redirectToPath(RegisterFormPost.checkEmail(
                request, event.getSlug(), request.getServletPath().startsWith("/embed/")));
    }

    /** A stamp made for one event's form is no good on another's. */
    static String timerScope(CoalitionEvent event) {
        return "event:" + event.getSlug();
    }

    public String getTimer() {
        return forms.startTimer(timerScope(events.getCurrent()));
    }

    public RegistrationForm getForm() {
        return form;
    }
}
