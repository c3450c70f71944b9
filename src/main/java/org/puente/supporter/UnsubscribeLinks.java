package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.security.SecretSigner;

/**
 * The unsubscribe link in every alert: the supporter's id and a signature of it, so the link works
 * without signing in, for years, and cannot be made up for someone else.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    @Inject
    SecretSigner secrets;

    @Inject
    PuenteConfig config;

    public String link(long supporterId, Language language) {
        return config.baseUrl() + "/unsubscribe?s=" + supporterId + "&t=" + token(supporterId) + "&lang=" + language.code();
    }

    public boolean isValid(String supporterId, String token) {
        if (supporterId == null || token == null || !supporterId.matches("\\d{1,18}") || token.length() != 43) {
            return false;
        }
        return MessageDigest.isEqual(token(Long.parseLong(supporterId)).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    String token(long supporterId) {
        return secrets.sign("unsubscribe", "unsubscribe:" + supporterId);
    }
}
