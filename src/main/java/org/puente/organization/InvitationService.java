package org.puente.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.puente.account.Account;
import org.puente.account.AccountService;
import org.puente.account.Caller;
import org.puente.account.SecurityLog;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;
import org.puente.platform.mail.MailComposer;
import org.puente.platform.mail.MailSender;
import org.puente.platform.security.PasswordPolicy;
import org.puente.platform.security.Role;
import org.puente.platform.security.Tokens;
import org.puente.platform.web.NotFoundException;

/**
 * Inviting people to act for an organization, and their accepting. The invitation row and its mail
 * succeed or fail together: if the SMTP server refuses, nothing is saved and staff are told.
 */
@ApplicationScoped
@Transactional
public class InvitationService {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AccountService accounts;

    @Inject
    MailComposer composer;

    @Inject
    MailSender mail;

    @Inject
    PuenteConfig config;

    public Invitation invite(long organizationId, String email, Language language) {
        Account inviter = caller.require(Role.ADMIN, Role.STAFF);
        Organization organization = em.find(Organization.class, organizationId);
        if (organization == null || !organization.isActive()) {
            throw new NotFoundException("organization " + organizationId);
        }
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent() && existing.get().getRole() != Role.ORG_EDITOR) {
            throw new InvitationRefusedException("invitation.error.staffAccount");
        }
        if (existing.isPresent() && organization.hasEditor(existing.get())) {
            throw new InvitationRefusedException("invitation.error.alreadyEditor");
        }
        return issue(
                email,
                language,
                organization,
                inviter,
                Messages.get(language, "mail.invitation.subject", organization.getName()),
                Messages.get(language, "mail.invitation.body", inviter.getDisplayName(), organization.getName()));
    }

    /** Invites a person to join the coalition staff (admins only). */
    public Invitation inviteStaff(String email, Language language) {
        Account inviter = caller.require(Role.ADMIN);
        if (accounts.findByEmail(email).isPresent()) {
            throw new InvitationRefusedException("invitation.error.hasAccount");
        }
        return issue(
                email,
                language,
                null,
                inviter,
                Messages.get(language, "mail.staffInvitation.subject"),
                Messages.get(language, "mail.staffInvitation.body", inviter.getDisplayName()));
    }

    /** Saves the invitation and mails its link in the invitee's language; a mail failure rolls both back. */
    private Invitation issue(
            String email, Language language, Organization organization, Account inviter, String subject, String body) {
        String token = Tokens.generate();
        Invitation invitation = new Invitation(
                email,
                language,
                organization,
                em.getReference(Account.class, inviter.getId()),
                Tokens.hash(token),
                clock.instant());
        em.persist(invitation);
        String link = config.baseUrl() + "/invitation?token=" + token + "&lang=" + language.code();
        mail.send(composer.compose(
                invitation.getEmail(),
                language,
                subject,
                List.of(
                        Messages.get(language, "mail.invitation.greeting"),
                        body,
                        Messages.get(language, "mail.invitation.expiry", Invitation.LIFETIME.toDays())),
                Messages.get(language, "mail.invitation.action"),
                link));
        return invitation;
    }

    @Transactional(TxType.SUPPORTS)
    public List<Invitation> pendingStaff() {
        caller.require(Role.ADMIN);
        return em.createNamedQuery("Invitation.findPendingStaff", Invitation.class)
                .setParameter("role", Role.STAFF)
                .setParameter("now", clock.instant())
                .getResultList();
    }

    @Transactional(TxType.SUPPORTS)
    public List<Invitation> pendingFor(long organizationId) {
        caller.require(Role.ADMIN, Role.STAFF);
        return em.createNamedQuery("Invitation.findPendingFor", Invitation.class)
                .setParameter("organizationId", organizationId)
                .setParameter("now", clock.instant())
                .getResultList();
    }

    /** The invitation behind a link, if the link names one at all. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Invitation> find(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return em
                .createNamedQuery("Invitation.findByTokenHash", Invitation.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultList()
                .stream()
                .findFirst();
    }

    /** Whether the invitee already has an account (then they only confirm; no new password is set). */
    @Transactional(TxType.SUPPORTS)
    public boolean inviteeHasAccount(Invitation invitation) {
        return accounts.findByEmail(invitation.getEmail()).isPresent();
    }

    /** An existing account cannot become staff through a link; an admin must handle that case. */
    @Transactional(TxType.SUPPORTS)
    public boolean isAcceptableBy(Invitation invitation) {
        return !(invitation.isForStaff() && inviteeHasAccount(invitation));
    }

    /**
     * Accepts an invitation: creates the editor's account (or adds the organization to their existing
     * one) and spends the link. The row is locked, so two clicks at once accept once.
     *
     * @return the problem, if the link can no longer be used
     */
    public Optional<Invitation.Problem> accept(String token, String displayName, String password) {
        Optional<Invitation> found = find(token);
        if (found.isEmpty()) {
            return Optional.of(Invitation.Problem.UNKNOWN);
        }
        Invitation invitation = em.find(Invitation.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        Optional<Invitation.Problem> problem = invitation.problemAt(now);
        if (problem.isPresent()) {
            return problem;
        }
        Optional<Account> existing = accounts.findByEmail(invitation.getEmail());
        if (existing.isPresent() && invitation.isForStaff()) {
            return Optional.of(Invitation.Problem.USED);
        }
        Account account;
        if (existing.isPresent()) {
            account = existing.get();
        } else {
            PasswordPolicy.check(password).ifPresent(reason -> {
                throw new IllegalArgumentException("password refused: " + reason);
            });
            account = accounts.create(
                    invitation.getEmail(), displayName, password, invitation.getRole(), invitation.getLanguage());
        }
        if (!invitation.isForStaff()) {
            invitation.getOrganization().addEditor(account);
            SecurityLog.accessChanged(
                    account,
                    "acts for organization " + invitation.getOrganization().getId() + " by invitation "
                            + invitation.getId(),
                    null,
                    caller.address());
        }
        invitation.accept(now);
        return Optional.empty();
    }
}
