package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.security.SecretSigner;

/**
 * The links in every alert's footer: unsubscribe, and the supporter's preferences (language, leaving,
 * erasing their data). Each carries the supporter's id and a signature of it, so it works without
 * signing in, for years, and cannot be made up for someone else. The alert's id in an unsubscribe link
 * only says which alert prompted it, for the alert's report; it is not part of what is signed.
 */
@ApplicationScoped
public class SupporterLinks {

    @Inject
    SecretSigner secrets;

    @Inject
    PuenteConfig config;

    public String unsubscribe(long supporterId, long alertId, Language language) {
        return config.baseUrl() + "/unsubscribe?s=" + supporterId + "&t=" + token(supporterId) + "&a=" + alertId
                + "&lang=" + language.code();
    }

    public String preferences(long supporterId, Language language) {
        return config.baseUrl() + "/preferences?s=" + supporterId + "&t=" + token(supporterId) + "&lang=" + language.code();
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

    /** Where an unsubscribe came from: the alert named in the link, or the link alone. */
    static String source(String alertId) {
        return alertId != null && alertId.matches("\\d{1,18}") ? "alert " + alertId : "unsubscribe link";
    }
}
