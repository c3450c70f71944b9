package org.puente.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.texteditor.TextEditorRenderer;

/**
 * PrimeFaces' text editor ({@code p:textEditor}, Quill), handing the application what the browser sent instead of
 * what PrimeFaces' own sanitizing policy keeps of it. {@link RichText} is the one allow-list: the entities that
 * store rich text sanitize with it, and only from the text as submitted can the author be told what it removed (a
 * pasted script or colour). Redisplayed values are still sanitized by PrimeFaces when it renders them.
 */
public class RichTextEditorRenderer extends TextEditorRenderer {

    @Override
    public void decode(FacesContext context, UIComponent component) {
        super.decode(context, component);
        UIInput editor = (UIInput) component;
        if (editor.getSubmittedValue() != null) {
            String submitted = context.getExternalContext()
                    .getRequestParameterMap()
                    .get(component.getClientId(context) + "_input");
            editor.setSubmittedValue(submitted == null ? "" : submitted);
        }
    }
}
