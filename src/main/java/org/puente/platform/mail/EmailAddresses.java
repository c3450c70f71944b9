package org.puente.platform.mail;

import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of an address, by which every feature recognises one person (one signature per
 * petition, one supporter): lower-cased; for Gmail-style domains (which ignore them) without dots and
 * {@code +tags} in the local part.
 */
public final class EmailAddresses {

    private static final Set<String> DOT_BLIND = Set.of("gmail.com", "googlemail.com");

    private EmailAddresses() {}

    public static String canonical(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return address;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (DOT_BLIND.contains(domain)) {
            int plus = local.indexOf('+');
            if (plus >= 0) {
                local = local.substring(0, plus);
            }
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }
}
