package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.security.SecretStore;

/**
 * The unsubscribe link in every alert: the supporter's id and a signature of it, so the link works
 * without signing in, for years, and cannot be made up for someone else.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    @Inject
    SecretStore secrets;

    @Inject
    PuenteConfig config;

    private volatile byte[] key;

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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] signature = mac.doFinal(("unsubscribe:" + supporterId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            current = secrets.get("unsubscribe").getBytes(StandardCharsets.US_ASCII);
            key = current;
        }
        return current;
    }
}
