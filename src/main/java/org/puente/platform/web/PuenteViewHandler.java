package org.puente.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.puente.platform.i18n.LanguageFilter;

/**
 * The portal's view policies. Every view's locale is the request's settled language. And it marks the
 * public reading pages transient from the moment their view is created, so reading them
 * creates no HTTP session and no server-side view state (a spike of readers costs no memory).
 * It must happen here: PrimeFaces asks for the view map, which lives in the session, before the
 * page's own {@code f:view} is built. The layout's {@code f:view} asks {@link Policy} too, so a form
 * posted from such a page is rebuilt as the same stateless view. Which views those are, each feature
 * says for its own ({@link FeaturePages}); the platform names only its error page.
 */
public class PuenteViewHandler extends ViewHandlerWrapper {

    /** The platform's own stateless view. */
    static final String ERROR_VIEW = "/error/page.xhtml";

    private static volatile Set<String> views;

    public PuenteViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    /** For the layout: {@code <f:view transient="#{statelessViews.isStateless(view.viewId)}">}. */
    @Named("statelessViews")
    @ApplicationScoped
    public static class Policy {
        public boolean isStateless(String viewId) {
            return statelessViews().contains(viewId);
        }
    }

    /** Every view's locale is the request's settled language, also for views rebuilt on a stateless post. */
    @Override
    public Locale calculateLocale(FacesContext context) {
        return LanguageFilter.of(
                        (HttpServletRequest) context.getExternalContext().getRequest())
                .locale();
    }

    /**
     * A form on a page served under its readable address ({@code /petitions/{slug}}, forwarded to
     * {@code /petition.xhtml}) posts back to that address, so that after a form error the browser still shows
     * the petition's address (which can be shared and reloaded) and not the view's file name.
     */
    @Override
    public String getActionURL(FacesContext context, String viewId) {
        Object request = context.getExternalContext().getRequest();
        if (request instanceof HttpServletRequest http
                && http.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null
                && http.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) != null
                && context.getViewRoot() != null
                && viewId.equals(context.getViewRoot().getViewId())) {
            Optional<String> address = RequestPath.acceptedUri(http);
            if (address.isPresent()) {
                // The page's language goes along: a framed widget may not keep the language cookie.
                return address.get() + "?lang=" + LanguageFilter.of(http).code();
            }
        }
        return super.getActionURL(context, viewId);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (root != null && statelessViews().contains(root.getViewId())) {
            root.setTransient(true);
        }
        return root;
    }

    /** Every feature's stateless views, gathered once (the set of beans is fixed at deployment). */
    static Set<String> statelessViews() {
        Set<String> known = views;
        if (known == null) {
            Set<String> all = new HashSet<>(Set.of(ERROR_VIEW));
            CDI.current().select(FeaturePages.class).forEach(pages -> all.addAll(pages.statelessViews()));
            known = Set.copyOf(all);
            views = known;
        }
        return known;
    }
}
