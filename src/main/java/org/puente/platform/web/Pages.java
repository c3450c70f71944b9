package org.puente.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.i18n.Messages;

/** Messages for the person, from the bundle in the page's language, kept across a Post-Redirect-Get. */
public final class Pages {

    private Pages() {}

    /** The language this request was settled on by {@link org.puente.platform.i18n.LanguageFilter}. */
    public static Language language() {
        return LanguageFilter.of((HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    public static String text(String key, Object... arguments) {
        return Messages.get(language(), key, arguments);
    }

    /** A global message that survives the redirect that follows. */
    public static void flash(FacesMessage.Severity severity, String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().getFlash().setKeepMessages(true);
        context.addMessage(null, new FacesMessage(severity, text(key, arguments), null));
    }

    /** A confirmation on the current page (no redirect). */
    public static void info(String key, Object... arguments) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
    }

    /**
     * A message on the current page (no redirect), optionally for one field's client id. What was sent is
     * refused: the answer carries a 4xx ({@link RefusedInputStatus}).
     */
    public static void error(String clientId, String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, arguments), null));
        context.validationFailed();
    }

    /**
     * The server refused a field the form's own checks passed (a name that reduces to nothing, a box left
     * unticked): its message goes beside it, the field is marked invalid (red border, {@code aria-invalid}) as a
     * failed conversion or validation would be, and the page is answered with what was typed.
     */
    public static void refuse(String clientId, String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        error(clientId, key, arguments);
        if (clientId != null && context.getViewRoot().findComponent(clientId) instanceof EditableValueHolder field) {
            field.setValid(false);
        }
        context.validationFailed();
    }

    /** Redirects to a path of the portal that is not a view id (a readable address such as /petitions/x). */
    public static String redirectToPath(String path) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
        return null;
    }

    /** The outcome that redirects to a view. */
    public static String redirect(String viewId) {
        return viewId + (viewId.contains("?") ? "&" : "?") + "faces-redirect=true";
    }
}
