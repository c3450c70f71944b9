package org.puente.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.util.Set;

/**
 * Marks the public reading pages transient from the moment their view is created, so reading them
 * creates no HTTP session and no server-side view state (a spike of readers costs no memory).
 * It must happen here: PrimeFaces asks for the view map, which lives in the session, before the
 * page's own {@code f:view} is built.
 */
public class StatelessViews extends ViewHandlerWrapper {

    static final Set<String> VIEWS = Set.of("/index.xhtml", "/organizations.xhtml", "/organization.xhtml",
            "/error/page.xhtml");

    public StatelessViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (root != null && VIEWS.contains(root.getViewId())) {
            root.setTransient(true);
        }
        return root;
    }
}
