package org.puente.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and verifies passwords with PBKDF2-HMAC-SHA512 (210,000 iterations, as OWASP advises). A hash
 * carries its own iteration count, so a stored one verifies whatever the setting is now.
 */
@ApplicationScoped
public class Passwords {

    /** The work factor every deployment uses unless the integration tests lower it. */
    static final int ITERATIONS = 210_000;

    private static final Logger LOG = Logger.getLogger(Passwords.class.getName());

    @Inject
    Pbkdf2PasswordHash hash;

    /**
     * Only the integration tests set this (a sign-in costs them half a second of a small machine otherwise);
     * never set in production.
     */
    @Inject
    @ConfigProperty(name = "PUENTE_TEST_PASSWORD_ITERATIONS", defaultValue = "" + ITERATIONS)
    int iterations;

    /** The lower work factor is honoured only on a test deployment (the one whose clock the tests may move). */
    @Inject
    @ConfigProperty(name = "PUENTE_TEST_CLOCK", defaultValue = "system")
    String testClock;

    private String dummyHash;

    @PostConstruct
    void init() {
        int asked = iterations;
        iterations = workFactor(asked, testClock);
        if (asked != iterations) {
            LOG.severe(() -> "PUENTE_TEST_PASSWORD_ITERATIONS is for the integration tests only; ignored");
        } else if (iterations != ITERATIONS) {
            LOG.warning(() -> "PUENTE_TEST_PASSWORD_ITERATIONS=" + iterations
                    + ": passwords are hashed with a test work factor; never use this in production");
        }
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        dummyHash = hash.generate("not-a-real-password".toCharArray());
    }

    /**
     * The work factor to hash with: what the tests asked for on a test deployment (its clock adjustable), else
     * production's, whatever was asked.
     */
    static int workFactor(int asked, String testClock) {
        return "adjustable".equals(testClock) && asked > 0 ? asked : ITERATIONS;
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return password != null && hash.verify(password.toCharArray(), storedHash);
    }

    /** Does the work of a verification for an unknown user, so response time reveals nothing. */
    void burnTime(String password) {
        hash.verify(password == null ? new char[0] : password.toCharArray(), dummyHash);
    }
}
