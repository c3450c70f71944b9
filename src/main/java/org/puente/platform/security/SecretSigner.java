package org.puente.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs short messages (a form's timer, an unsubscribe link) so they cannot be forged, with keys from
 * {@link SecretStore}: every instance on the database signs and verifies alike. Keys are read once.
 */
@ApplicationScoped
public class SecretSigner {

    @Inject
    SecretStore secrets;

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    /** An HMAC-SHA256 of the message under the named secret, URL-safe (43 characters). */
    public String sign(String secretName, String message) {
        byte[] key = keys.computeIfAbsent(secretName, name -> secrets.get(name).getBytes(StandardCharsets.US_ASCII));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
