package org.puente.platform.mail;

/**
 * Who the portal's mail is from, as every footer names them. The platform needs it and owns no such data:
 * the feature that keeps the coalition's details provides it (a mail footer must name the sender and give
 * a postal address). Called from any thread, the alert senders' included.
 */
public interface MailSignature {

    /** The sender's name and postal address (possibly several lines, possibly empty). */
    record Sender(String name, String postalAddress) {}

    Sender sender();
}
