package org.puente.petition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PublicForms;

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
    SignFormPost rules;

    @Inject
    PublicForms forms;

    @Inject
    PublicPetitions petitions;

    @Inject
    HttpServletRequest request;

    private final SignatureForm form = new SignatureForm();

    public void prepare() {
        form.setLanguage(Pages.language());
    }

    /** The form as JSF read it; valid submissions usually never get here ({@link SignFormPost}). */
    public String sign() {
        String slug = petitions.getCurrent().getSlug();
        if (!PublicForms.trapped(request)) {
            try {
                intake.submit(slug, form, rules.source(request, slug));
            } catch (PetitionClosedException e) {
                Pages.error(null, "petition.closed");
                return null;
            }
        }
        return Pages.redirectToPath(
                SignFormPost.checkEmail(request, slug, request.getServletPath().startsWith("/embed/")));
    }

    /** A fresh timer for the form's hidden field, good for this petition's form only. */
    public String getTimer() {
        return forms.startTimer(SignFormPost.timerScope(petitions.getCurrent().getSlug()));
    }

    public SignatureForm getForm() {
        return form;
    }
}
