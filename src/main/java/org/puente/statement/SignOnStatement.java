package org.puente.statement;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.puente.platform.web.FieldRefusedException;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PublicForms;

/**
 * The sign-on forms on a statement's page ({@code #{signOnStatement}}): the same honeypot, signed timer and
 * limits as the other public forms. Every accepted submission, first or repeated, leads to the same "check
 * your e-mail" page; valid ones usually never get here ({@link SignOnFormPost}).
 */
@Named
@RequestScoped
public class SignOnStatement {

    @Inject
    SignOnService signOn;

    @Inject
    PublicStatements statements;

    @Inject
    PublicForms forms;

    @Inject
    SignOnFormPost rules;

    @Inject
    HttpServletRequest request;

    private final SignOnForm form = new SignOnForm();

    public void prepare() {
        form.setLanguage(Pages.language());
    }

    /** An organization signs on. */
    public String signOn() {
        return submit(SignOnFormPost.ORGANIZATION_FORM, false);
    }

    /** A person signs for themselves. */
    public String signOnAsPerson() {
        return submit(SignOnFormPost.PERSON_FORM, true);
    }

    private String submit(String formId, boolean individual) {
        String slug = statements.getCurrent().getSlug();
        if (!PublicForms.trapped(request)) {
            try {
                signOn.submit(slug, form, individual, rules.origin(request, slug));
            } catch (FieldRefusedException e) {
                Pages.refuse(formId + ":" + e.field(), e.key(), e.arguments());
                return null;
            } catch (StatementClosedException e) {
                Pages.error(null, "statement.sign.closed");
                return null;
            }
        }
        return Pages.redirectToPath(SignOnFormPost.checkEmail(request, slug));
    }

    /** A fresh timer for the forms' hidden field, good for this statement's forms only. */
    public String getTimer() {
        return forms.startTimer(
                SignOnFormPost.timerScope(statements.getCurrent().getSlug()));
    }

    public SignOnForm getForm() {
        return form;
    }
}
