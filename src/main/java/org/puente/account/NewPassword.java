package org.puente.account;

import java.util.Optional;
import org.puente.platform.security.PasswordPolicy;
import org.puente.platform.web.Pages;

/** The check every "choose a password" form makes, with its messages on the form's own fields. */
public final class NewPassword {

    private NewPassword() {}

    /**
     * Whether the password is acceptable and typed the same twice; otherwise puts the reason on the
     * {@code formId:password} or {@code formId:confirmation} field.
     */
    public static boolean accept(String formId, String password, String confirmation) {
        Optional<String> refusal = PasswordPolicy.check(password);
        if (refusal.isPresent()) {
            Pages.error(formId + ":password", refusal.get(), PasswordPolicy.MIN_LENGTH);
            return false;
        }
        if (!password.equals(confirmation)) {
            Pages.error(formId + ":confirmation", "password.mismatch");
            return false;
        }
        return true;
    }
}
