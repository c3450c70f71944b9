package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.security.SecretSigner;

/**
 * The links that let a supporter act without signing in, each signed under its own secret so that one
 * kind can never be used as another:
 * <ul>
 * <li>unsubscribe (every alert's footer and {@code List-Unsubscribe} header): the supporter's id, signed;
 * it only ever unsubscribes, so it may work for years and travel in headers that mail systems store;</li>
 * <li>preferences (the footer): the id and the supporter's link generation, signed; raising the
 * generation (a new link asked for, the address changed, the data erased) makes every earlier one stop
 * working;</li>
 * <li>erasure: mailed on request to the address itself, signed with the generation and an expiry, so
 * that someone holding a forwarded alert cannot erase its reader.</li>
 * </ul>
 * The alert's id in an unsubscribe link only says which alert prompted it, for the report; it is not signed.
 */
@ApplicationScoped
public class SupporterLinks {

    /** How long an erasure link works after it was mailed. */
    static final Duration ERASURE_LIFETIME = Duration.ofHours(24);

    @Inject
    SecretSigner secrets;

    @Inject
    PuenteConfig config;

    public String unsubscribe(long supporterId, long alertId, Language language) {
        return config.baseUrl() + "/unsubscribe?s=" + supporterId + "&t=" + unsubscribeToken(supporterId) + "&a="
                + alertId + "&lang=" + language.code();
    }

    public String preferences(long supporterId, int generation, Language language) {
        return config.baseUrl() + "/preferences?s=" + supporterId + "&t=" + preferencesToken(supporterId, generation)
                + "&lang=" + language.code();
    }

    String erasure(long supporterId, int generation, Instant expires, Language language) {
        long expiry = expires.getEpochSecond();
        return config.baseUrl() + "/preferences/erase?s=" + supporterId + "&e=" + expiry + "&t="
                + erasureToken(supporterId, generation, expiry) + "&lang=" + language.code();
    }

    /** Whether an unsubscribe link is genuine (then its id parses). */
    public boolean isValid(String supporterId, String token) {
        return isId(supporterId) && matches(unsubscribeToken(Long.parseLong(supporterId)), token);
    }

    boolean isValidPreferences(Supporter supporter, String token) {
        return matches(preferencesToken(supporter.getId(), supporter.getLinkGeneration()), token);
    }

    boolean isValidErasure(Supporter supporter, String expiry, String token, Instant now) {
        if (expiry == null
                || !expiry.matches("\\d{1,12}")
                || Instant.ofEpochSecond(Long.parseLong(expiry)).isBefore(now)) {
            return false;
        }
        return matches(erasureToken(supporter.getId(), supporter.getLinkGeneration(), Long.parseLong(expiry)), token);
    }

    static boolean isId(String supporterId) {
        return supporterId != null && supporterId.matches("\\d{1,18}");
    }

    private static boolean matches(String expected, String token) {
        return token != null
                && token.length() == expected.length()
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    private String unsubscribeToken(long supporterId) {
        return secrets.sign("unsubscribe", "unsubscribe:" + supporterId);
    }

    private String preferencesToken(long supporterId, int generation) {
        return secrets.sign("preferences", "preferences:" + supporterId + ":" + generation);
    }

    private String erasureToken(long supporterId, int generation, long expiry) {
        return secrets.sign("erasure", "erase:" + supporterId + ":" + generation + ":" + expiry);
    }

    /** Where an unsubscribe came from: the alert named in the link, or the link alone. */
    static String source(String alertId) {
        return alertId != null && alertId.matches("\\d{1,18}") ? "alert " + alertId : "unsubscribe link";
    }
}
