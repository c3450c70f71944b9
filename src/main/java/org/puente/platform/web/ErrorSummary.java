package org.puente.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The errors of a form that failed, for the summary at its top ({@code #{errorSummary}}, the GOV.UK error
 * summary pattern): one line per problem, each a link to its field, so that on a phone the person is taken
 * to what went wrong instead of seeing the page reload at the top as if nothing happened.
 */
@Named
@RequestScoped
public class ErrorSummary {

    /** One problem: the field's client id and what to do. */
    public record Item(String clientId, String text) {
        public String getHref() {
            return "#" + clientId;
        }
    }

    /**
     * Read afresh each time: the summary's {@code rendered} is asked before validation too (when the form is
     * decoded), and must not remember that nothing was wrong then.
     */
    public List<Item> getItems() {
        List<Item> items = new ArrayList<>();
        FacesContext context = FacesContext.getCurrentInstance();
        for (Iterator<String> ids = context.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            if (clientId == null) {
                continue; // a message for the whole page: the layout shows those at the top already
            }
            for (Iterator<FacesMessage> messages = context.getMessages(clientId); messages.hasNext(); ) {
                FacesMessage message = messages.next();
                if (message.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0) {
                    items.add(new Item(clientId, message.getSummary()));
                }
            }
        }
        return items;
    }

    public boolean isShown() {
        return !getItems().isEmpty();
    }
}
