package org.puente.account;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.puente.platform.security.LoginThrottle;
import org.puente.platform.security.PasswordPolicy;
import org.puente.platform.security.RateLimit;
import org.puente.platform.security.Tokens;
import org.puente.platform.web.ClientAddress;

/**
 * Password reset by e-mailed link. Asking for a link costs the request the same whether or not the
 * address has an account: the request only checks the limits and hands the address to background work
 * ({@link ResetLinks}), which makes the token and mails the link after its own transaction commits.
 * Requests are limited per address and per client here, and links per account in the database, so a
 * flood of requests cannot flood a mailbox. Setting the new password spends every link of the account,
 * ends its sessions and lifts its sign-in throttle.
 */
@ApplicationScoped
@Transactional
public class PasswordResets {

    private static final Logger LOG = Logger.getLogger(PasswordResets.class.getName());
    static final int PER_ADDRESS = 3;
    static final int PER_CLIENT = 10;
    static final Duration LIMIT_WINDOW = Duration.ofHours(1);
    private static final int REMEMBERED_KEYS = 100_000;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    ResetLinks links;

    @Inject
    LoginThrottle throttle;

    @Resource
    ManagedExecutorService background;

    private RateLimit perAddress;
    private RateLimit perClient;

    @PostConstruct
    void start() {
        perAddress = new RateLimit(PER_ADDRESS, LIMIT_WINDOW, REMEMBERED_KEYS, clock);
        perClient = new RateLimit(PER_CLIENT, LIMIT_WINDOW, REMEMBERED_KEYS, clock);
    }

    /**
     * Asks for a link to the address, if it has an active account; the answer does not say whether it has.
     *
     * @return false when this client has asked too often and should be told to wait
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public boolean request(String email, String from) {
        String address = Account.canonicalEmail(email);
        if (!perClient.tryAcquire(ClientAddress.limitKey(from))) {
            SecurityLog.resetHeldBack(address, from, "too many requests from this client");
            return false;
        }
        if (!perAddress.tryAcquire(address)) {
            SecurityLog.resetHeldBack(address, from, "too many requests for this address");
            return true;
        }
        SecurityLog.resetRequested(address, from);
        try {
            background.execute(() -> {
                try {
                    links.issue(address);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not issue a password reset link", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "Password reset not issued, the executor refused it: " + e.getMessage());
        }
        return true;
    }

    @Transactional(TxType.SUPPORTS)
    public boolean isUsable(String token) {
        return find(token).filter(r -> r.isUsable(clock.instant())).isPresent();
    }

    /**
     * Sets a new password with a reset token. Spends every outstanding link of the account, ends its
     * other sessions (the credential version goes up) and lets it sign in again at once.
     *
     * @return false when the token is unknown, used or expired
     */
    public boolean reset(String token, String newPassword, String from) {
        PasswordPolicy.check(newPassword).ifPresent(reason -> {
            throw new IllegalArgumentException("password refused: " + reason);
        });
        Optional<PasswordReset> found = find(token);
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().isUsable(now)) {
            return false;
        }
        PasswordReset reset = found.get();
        em.lock(reset, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(reset);
        if (!reset.isUsable(now)) {
            return false;
        }
        reset.use(now);
        Account account = reset.getAccount();
        account.changePassword(passwords.hash(newPassword));
        em.flush();
        em.createNamedQuery("PasswordReset.spendAllOf")
                .setParameter("account", account)
                .setParameter("now", now)
                .executeUpdate();
        throttle.forgetAccount(account.getEmail());
        SecurityLog.passwordChanged(account, "reset by e-mailed link", from);
        return true;
    }

    private Optional<PasswordReset> find(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return em
                .createNamedQuery("PasswordReset.findByTokenHash", PasswordReset.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultList()
                .stream()
                .findFirst();
    }
}
