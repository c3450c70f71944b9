package org.puente.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.CurrentLanguage;
import org.puente.platform.i18n.Language;

/**
 * A page's addresses for search engines and link previews ({@code #{pageAddresses}}): its canonical address in
 * the language shown, and one alternate per language plus {@code x-default} (the address without a language,
 * which follows the reader's browser), all absolute from {@code PUENTE_BASE_URL}. Only public pages that answered
 * normally are indexable: staff pages and error pages carry none of this.
 */
@Named
@RequestScoped
public class PageAddresses {

    /** One {@code <link rel="alternate" hreflang>}. */
    public record Alternate(String hreflang, String href) {}

    @Inject
    HttpServletRequest request;

    @Inject
    CurrentLanguage language;

    @Inject
    PuenteConfig config;

    public boolean isIndexable() {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
            return false;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        if (context == null || context.getViewRoot() == null) {
            return false;
        }
        String viewId = context.getViewRoot().getViewId();
        return !viewId.startsWith(PublicHeadRenderer.STAFF_VIEWS)
                && !viewId.startsWith("/embed/")
                && !viewId.equals(PuenteViewHandler.ERROR_VIEW);
    }

    public String getCanonical() {
        return absolute(language.urlIn(language.get()));
    }

    public List<Alternate> getAlternates() {
        return List.of(
                new Alternate(Language.EN.code(), absolute(language.urlIn(Language.EN))),
                new Alternate(Language.ES.code(), absolute(language.urlIn(Language.ES))),
                new Alternate("x-default", absolute(language.urlWithoutLanguage())));
    }

    private String absolute(String pathInPortal) {
        String context = request.getContextPath();
        String path = pathInPortal.startsWith(context) ? pathInPortal.substring(context.length()) : pathInPortal;
        return config.baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }
}
