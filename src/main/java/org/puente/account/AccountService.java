package org.puente.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.MailException;
import org.puente.platform.mail.MailSender;
import org.puente.platform.security.PasswordPolicy;
import org.puente.platform.security.Role;
import org.puente.platform.security.Tokens;

/** Accounts and their passwords: creation, sign-in bookkeeping, and reset by e-mailed token. */
@ApplicationScoped
@Transactional
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    MailComposer composer;

    @Inject
    MailSender mail;

    @Inject
    PuenteConfig config;

    public Optional<Account> findByEmail(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return Optional.empty();
        }
        List<Account> found = em.createNamedQuery("Account.findByEmail", Account.class)
                .setParameter("email", Account.canonicalEmail(email)).getResultList();
        return found.stream().findFirst();
    }

    /** Admins and staff, for the admins' team page. */
    public List<Account> coalitionTeam() {
        return em.createNamedQuery("Account.findCoalitionTeam", Account.class)
                .setParameter("roles", List.of(Role.ADMIN, Role.STAFF)).getResultList();
    }

    public boolean hasActive(Role role) {
        return em.createNamedQuery("Account.countActiveByRole", Long.class).setParameter("role", role)
                .getSingleResult() > 0;
    }

    /** Creates an account; the password must already satisfy {@link PasswordPolicy}. */
    public Account create(String email, String displayName, String password, Role role, Language language) {
        PasswordPolicy.check(password).ifPresent(reason -> {
            throw new IllegalArgumentException("password refused: " + reason);
        });
        Account account = new Account(email, displayName, passwords.hash(password), role, language, Instant.now());
        em.persist(account);
        return account;
    }

    public void recordLogin(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account != null) {
            account.recordLogin(Instant.now());
        }
    }

    /**
     * Mails a reset link if the address belongs to an active account; does nothing visible otherwise,
     * so the caller answers the same whatever the address. A mail failure is logged, not shown, for
     * the same reason.
     */
    public void requestPasswordReset(String email, Language pageLanguage) {
        Optional<Account> found = findByEmail(email).filter(Account::isActive);
        if (found.isEmpty()) {
            passwords.burnTime(email);
            return;
        }
        Account account = found.get();
        String token = Tokens.generate();
        em.persist(new PasswordReset(account, Tokens.hash(token), Instant.now()));
        Language language = account.getLanguage();
        String link = config.baseUrl() + "/password-reset?token=" + token + "&lang=" + language.code();
        try {
            mail.send(composer.compose(account.getEmail(), language,
                    Messages.get(language, "mail.reset.subject"),
                    List.of(Messages.get(language, "mail.reset.greeting", account.getDisplayName()),
                            Messages.get(language, "mail.reset.body"),
                            Messages.get(language, "mail.reset.ignore")),
                    Messages.get(language, "mail.reset.action"), link));
        } catch (MailException e) {
            LOG.log(Level.WARNING, "Password reset mail to account " + account.getId() + " failed", e);
        }
    }

    public boolean isResetUsable(String token) {
        return findReset(token).filter(r -> r.isUsable(Instant.now())).isPresent();
    }

    /**
     * Sets a new password with a reset token and spends the token.
     *
     * @return false when the token is unknown, used or expired
     */
    public boolean resetPassword(String token, String newPassword) {
        PasswordPolicy.check(newPassword).ifPresent(reason -> {
            throw new IllegalArgumentException("password refused: " + reason);
        });
        Optional<PasswordReset> reset = findReset(token);
        Instant now = Instant.now();
        if (reset.isEmpty() || !reset.get().isUsable(now)) {
            return false;
        }
        em.lock(reset.get(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(reset.get());
        if (!reset.get().isUsable(now)) {
            return false;
        }
        reset.get().use(now);
        reset.get().getAccount().changePassword(passwords.hash(newPassword));
        return true;
    }

    private Optional<PasswordReset> findReset(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return em.createNamedQuery("PasswordReset.findByTokenHash", PasswordReset.class)
                .setParameter("hash", Tokens.hash(token)).getResultList().stream().findFirst();
    }
}
