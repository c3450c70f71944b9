package org.puente.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Secrets the portal makes for itself, once, in the database: every instance on the same database
 * shares them, and they survive restarts. The first instance to ask creates one; the others read it.
 */
@ApplicationScoped
@Transactional
public class SecretStore {

    // INSERT IGNORE: when two instances race, one row wins and both read it back.
    public static final String CREATE =
            "INSERT IGNORE INTO platform_secret (name, secret, created_at) VALUES (?, ?, ?)";
    public static final String READ = "SELECT secret FROM platform_secret WHERE name = ?";

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    /** The named secret (256 random bits, URL-safe), created at first use. */
    public String get(String name) {
        em.createNativeQuery(CREATE)
                .setParameter(1, name)
                .setParameter(2, Tokens.generate())
                .setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
        return (String) em.createNativeQuery(READ).setParameter(1, name).getSingleResult();
    }
}
