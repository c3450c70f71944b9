package org.puente.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.MailQueue;
import org.puente.platform.security.Tokens;

/**
 * The background half of a password reset: makes the token and queues the mail, which leaves after the
 * transaction commits. At most {@value #PER_ACCOUNT} links per account and {@link PasswordReset#LIFETIME};
 * the account row is locked while counting, so instances and simultaneous requests agree.
 */
@ApplicationScoped
@Transactional
public class ResetLinks {

    static final int PER_ACCOUNT = 3;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    MailComposer composer;

    @Inject
    MailQueue mail;

    @Inject
    PuenteConfig config;

    public void issue(String address) {
        Long id = accounts.findByEmail(address)
                .filter(Account::isActive)
                .map(Account::getId)
                .orElse(null);
        if (id == null) {
            SecurityLog.resetNotMailed(address, "no active account");
            return;
        }
        Account account = em.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        long recent = em.createNamedQuery("PasswordReset.countByAccountSince", Long.class)
                .setParameter("account", account)
                .setParameter("since", now.minus(PasswordReset.LIFETIME))
                .getSingleResult();
        if (recent >= PER_ACCOUNT) {
            SecurityLog.resetNotMailed(address, recent + " links within the hour already");
            return;
        }
        String token = Tokens.generate();
        em.persist(new PasswordReset(account, Tokens.hash(token), now));
        Language language = account.getLanguage();
        String link = config.baseUrl() + "/password-reset?token=" + token + "&lang=" + language.code();
        mail.sendAfterCommit(composer.compose(
                account.getEmail(),
                language,
                Messages.get(language, "mail.reset.subject"),
                List.of(
                        Messages.get(language, "mail.reset.greeting", account.getDisplayName()),
                        Messages.get(language, "mail.reset.body"),
                        Messages.get(language, "mail.reset.ignore")),
                Messages.get(language, "mail.reset.action"),
                link));
        SecurityLog.resetMailed(account);
    }
}
