package org.puente.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.puente.platform.i18n.Language;
import org.puente.platform.security.AccessDeniedException;
import org.puente.platform.security.PasswordPolicy;
import org.puente.platform.security.Role;
import org.puente.platform.web.NotFoundException;

/** Accounts: creation, sign-in bookkeeping, whether a session still speaks for its account, deactivation. */
@ApplicationScoped
@Transactional
public class AccountService {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Caller caller;

    @Transactional(TxType.SUPPORTS)
    public Optional<Account> findByEmail(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return Optional.empty();
        }
        List<Account> found = em.createNamedQuery("Account.findByEmail", Account.class)
                .setParameter("email", Account.canonicalEmail(email))
                .getResultList();
        return found.stream().findFirst();
    }

    /** Admins and staff, for the admins' team page. */
    @Transactional(TxType.SUPPORTS)
    public List<Account> coalitionTeam() {
        return em.createNamedQuery("Account.findCoalitionTeam", Account.class)
                .setParameter("roles", List.of(Role.ADMIN, Role.STAFF))
                .getResultList();
    }

    @Transactional(TxType.SUPPORTS)
    public boolean hasActive(Role role) {
        return em.createNamedQuery("Account.countActiveByRole", Long.class)
                        .setParameter("role", role)
                        .getSingleResult()
                > 0;
    }

    /** Creates an account; the password must already satisfy {@link PasswordPolicy}. */
    public Account create(String email, String displayName, String password, Role role, Language language) {
        PasswordPolicy.check(password).ifPresent(reason -> {
            throw new IllegalArgumentException("password refused: " + reason);
        });
        Account account = new Account(email, displayName, passwords.hash(password), role, language, clock.instant());
        em.persist(account);
        em.flush();
        SecurityLog.accountCreated(account);
        return account;
    }

    /**
     * Notes a sign-in that the identity store has just accepted.
     *
     * @return the account, whose credential version the new session keeps
     */
    public Optional<Account> recordSignIn(String email, String from) {
        Optional<Account> account = findByEmail(email).filter(Account::isActive);
        account.ifPresent(a -> {
            a.recordLogin(clock.instant());
            SecurityLog.signedIn(a, from);
        });
        return account;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Account> find(long accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId));
    }

    /** Whether a session signed in to the account at that credential version may still act for it. */
    @Transactional(TxType.SUPPORTS)
    public boolean acceptsSession(long accountId, int credentialVersion) {
        Account account = em.find(Account.class, accountId);
        return account != null && account.acceptsSessionOf(credentialVersion);
    }

    /** An admin stops someone from signing in (staff leaving, an editor leaving); their sessions end. */
    public void deactivate(long accountId) {
        Account admin = caller.require(Role.ADMIN);
        if (admin.getId() == accountId) {
            throw new AccessDeniedException("account " + accountId + " may not deactivate itself");
        }
        Account account = existing(accountId);
        if (account.isActive()) {
            account.deactivate();
            SecurityLog.accessChanged(account, "deactivated", admin, caller.address());
        }
    }

    public void reactivate(long accountId) {
        Account admin = caller.require(Role.ADMIN);
        Account account = existing(accountId);
        if (!account.isActive()) {
            account.reactivate();
            SecurityLog.accessChanged(account, "reactivated", admin, caller.address());
        }
    }

    private Account existing(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new NotFoundException("account " + accountId);
        }
        return account;
    }
}
