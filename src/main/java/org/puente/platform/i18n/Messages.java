package org.puente.platform.i18n;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Reads the message bundles from Java code: e-mails and other text rendered outside a JSF view. */
public final class Messages {

    public static final String BUNDLE = "org.puente.i18n.messages";

    private Messages() {}

    public static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(
                BUNDLE,
                language.locale(),
                Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String get(Language language, String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle(language).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message '" + key + "' in " + language, e);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(arguments);
    }
}
