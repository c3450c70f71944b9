package org.puente.platform.mail;

import org.puente.platform.i18n.Language;

/** One message to one person, already rendered in their language. */
public record OutgoingMail(String to, Language language, String subject, String text, String html) {
}
