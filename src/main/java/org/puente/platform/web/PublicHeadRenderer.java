package org.puente.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import org.primefaces.renderkit.HeadRenderer;

/**
 * The {@code <h:head>} of every page. Staff pages ({@code /admin/…}) get PrimeFaces' head: its theme, icons,
 * settings and start-up scripts, which its components need. Every other page is read by the public, often on
 * an inexpensive phone on a slow network, and uses no PrimeFaces component: its head holds only the page's
 * own elements and the stylesheets and scripts the page itself asks for. PrimeFaces' head adds its theme
 * (about 200 KB), its icon font and inline start-up scripts to every page, whether or not a component needs them;
 * that is what made each public page weigh over a megabyte.
 */
public class PublicHeadRenderer extends HeadRenderer {

    /** The staff area, where PrimeFaces' components are used. */
    public static final String STAFF_VIEWS = "/admin/";

    /** Whether the view being rendered is a public page (plain HTML, no PrimeFaces). */
    public static boolean isPublic(FacesContext context) {
        UIViewRoot root = context.getViewRoot();
        return root == null || root.getViewId() == null || !root.getViewId().startsWith(STAFF_VIEWS);
    }

    @Override
    public void encodeBegin(FacesContext context, UIComponent component) throws IOException {
        if (!isPublic(context)) {
            super.encodeBegin(context, component);
            return;
        }
        ResponseWriter writer = context.getResponseWriter();
        writer.startElement("head", component);
    }

    @Override
    public void encodeChildren(FacesContext context, UIComponent component) throws IOException {
        if (!isPublic(context)) {
            super.encodeChildren(context, component);
            return;
        }
        for (UIComponent child : component.getChildren()) {
            child.encodeAll(context);
        }
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        if (!isPublic(context)) {
            super.encodeEnd(context, component);
            return;
        }
        for (UIComponent resource : context.getViewRoot().getComponentResources(context, "head")) {
            resource.encodeAll(context);
        }
        context.getResponseWriter().endElement("head");
    }
}
