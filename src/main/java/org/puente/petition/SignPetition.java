package org.puente.petition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.puente.platform.web.ClientAddress;
import org.puente.platform.web.Pages;

/**
 * The signing form on a petition's page ({@code #{signPetition}}). Every accepted submission, first or
 * repeated, leads to the same "check your e-mail" page.
 */
@Named
@RequestScoped
public class SignPetition {

    @Inject
    SignatureIntake intake;

    @Inject
    org.puente.platform.security.FormTimer timer;

    @Inject
    org.puente.platform.config.PuenteConfig config;

    @Inject
    PublicPetitions petitions;

    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    /** A field hidden from people (and from screen readers) that form-filling robots fill in. */
    static final String HONEYPOT = "website";

    /** The hidden field carrying the form's signed timer. */
    static final String TIMER = "started";

    private final SignatureForm form = new SignatureForm();

    public void prepare() {
        form.setLanguage(Pages.language());
    }

    public String sign() {
        String slug = petitions.getCurrent().getSlug();
        String trap = request.getParameter(HONEYPOT);
        if (trap != null && !trap.isEmpty()) {
            // Only software fills a field nobody can see: answer as for a person, keep nothing.
            return checkEmail(slug);
        }
        SigningSource source = SigningSource.form(ClientAddress.of(request, config.trustedProxies()),
                timer.elapsed(request.getParameter(TIMER)));
        try {
            intake.submit(slug, form, source);
        } catch (PetitionClosedException e) {
            Pages.error(null, "petition.closed");
            return null;
        }
        return checkEmail(slug);
    }

    private String checkEmail(String slug) {
        String query = "?slug=" + slug + "&lang=" + Pages.language().code();
        if (request.getServletPath().startsWith("/embed/")) {
            return Pages.redirectToPath("/embed/check-email" + query);
        }
        return Pages.redirect("/petition-check-email" + query);
    }

    /** A fresh timer for the form's hidden field. */
    public String getTimer() {
        return timer.start();
    }

    public SignatureForm getForm() {
        return form;
    }
}
