package org.puente.platform.mail;

import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;

/**
 * Who the portal's mail is from, as every footer names them. The platform needs it and owns no such data:
 * the feature that keeps the coalition's details provides it (a mail footer must name the sender and give
 * a postal address). Called from any thread, the alert senders' included.
 */
public interface MailSignature {

    /** The sender's name in both languages and postal address (possibly several lines, possibly empty). */
    record Sender(LocalizedText names, String postalAddress) {

        /** The name as a recipient reading {@code language} knows it. */
        public String name(Language language) {
            return names.in(language);
        }
    }

    Sender sender();
}
