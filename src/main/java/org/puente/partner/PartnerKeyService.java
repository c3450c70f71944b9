package org.puente.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.puente.account.Account;
import org.puente.account.Caller;
import org.puente.platform.security.Role;
import org.puente.platform.security.Tokens;

/**
 * Issuing, listing and revoking partner keys (coalition staff only), and recognising a key that a
 * request presents. A new key's limits default to {@code PUENTE_PARTNER_SIGNING_PER_MINUTE} and
 * {@code PUENTE_PARTNER_SIGNING_PER_HOUR}; staff may set others per key.
 */
@ApplicationScoped
@Transactional
public class PartnerKeyService {

    /** The key itself, to show once, and what was stored for it. */
    public record IssuedKey(PartnerKey key, String secret) {}

    /** What a request presented: no key at all, an active key, or a key to refuse (unknown or revoked). */
    public record Presented(boolean any, Optional<PartnerKey> key) {

        static final Presented NONE = new Presented(false, Optional.empty());

        public boolean refused() {
            return any && key.isEmpty();
        }
    }

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    @ConfigProperty(name = "PUENTE_PARTNER_SIGNING_PER_MINUTE", defaultValue = "120")
    int defaultPerMinute;

    @Inject
    @ConfigProperty(name = "PUENTE_PARTNER_SIGNING_PER_HOUR", defaultValue = "3000")
    int defaultPerHour;

    @Transactional(TxType.SUPPORTS)
    public int defaultPerMinute() {
        return defaultPerMinute;
    }

    @Transactional(TxType.SUPPORTS)
    public int defaultPerHour() {
        return defaultPerHour;
    }

    public IssuedKey issue(String name, int perMinute, int perHour) {
        Account staff = caller.require(Role.ADMIN, Role.STAFF);
        String secret = Tokens.generate();
        PartnerKey key =
                new PartnerKey(name.strip(), Tokens.hash(secret), perMinute, perHour, staff.getId(), clock.instant());
        em.persist(key);
        return new IssuedKey(key, secret);
    }

    /** @return the key's name, when this call revoked it */
    public Optional<String> revoke(long id) {
        Account staff = caller.require(Role.ADMIN, Role.STAFF);
        PartnerKey key = em.find(PartnerKey.class, id);
        return key != null && key.revoke(staff.getId(), clock.instant())
                ? Optional.of(key.getName())
                : Optional.empty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerKey> list() {
        caller.require(Role.ADMIN, Role.STAFF);
        return em.createNamedQuery("PartnerKey.findAllNewestFirst", PartnerKey.class)
                .getResultList();
    }

    /** The key a request presents ({@code Authorization: Bearer} or OSDI's {@code OSDI-API-Token}), if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Presented presentedBy(HttpServletRequest request) {
        Optional<String> presented = presented(request);
        if (presented.isEmpty()) {
            return Presented.NONE;
        }
        if (!Tokens.wellFormed(presented.get())) {
            return new Presented(true, Optional.empty());
        }
        return new Presented(
                true,
                em
                        .createNamedQuery("PartnerKey.findByHash", PartnerKey.class)
                        .setParameter("hash", Tokens.hash(presented.get()))
                        .getResultList()
                        .stream()
                        .filter(PartnerKey::isActive)
                        .findFirst());
    }

    static Optional<String> presented(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).strip());
        }
        String osdi = request.getHeader("OSDI-API-Token");
        return osdi == null || osdi.isBlank() ? Optional.empty() : Optional.of(osdi.strip());
    }
}
