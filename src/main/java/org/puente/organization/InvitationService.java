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
import org.puente.platform.mail.MailQueue;
import org.puente.platform.security.PasswordPolicy;
import org.puente.platform.security.Role;
import org.puente.platform.security.Tokens;
import org.puente.platform.web.NotFoundException;

/**
 * Inviting people to act for an organization (by coalition staff, or by the organization's own editors),
 * resending and revoking pending invitations, and their accepting. The invitation row and its mail succeed
 * or fail together: if the SMTP server refuses, nothing is saved and the inviter is told.
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
    MailQueue mail;

    @Inject
    PuenteConfig config;

    @Inject
    Editors editors;

    @Inject
    CoalitionService coalition;

    /** Invites a person to act for an organization: coalition staff to any, an editor to their own only. */
    public Invitation invite(long organizationId, String email, Language language) {
        Organization organization = em.find(Organization.class, organizationId);
        if (organization == null || !organization.isActive()) {
            throw new NotFoundException("organization " + organizationId);
        }
        Account inviter = editors.requireManagerOfEditors(organization);
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent() && existing.get().getRole() != Role.ORG_EDITOR) {
            throw new InvitationRefusedException("invitation.error.staffAccount");
        }
        if (existing.isPresent() && organization.hasEditor(existing.get())) {
            throw new InvitationRefusedException("invitation.error.alreadyEditor");
        }
        String token = Tokens.generate();
        Invitation invitation = new Invitation(
                email,
                language,
                organization,
                em.getReference(Account.class, inviter.getId()),
                Tokens.hash(token),
                clock.instant());
        return issue(invitation, token, inviter);
    }

    /**
     * Sends a pending invitation again with a fresh link and a fresh week; the old link stops working (it
     * says a newer mail replaced it). At most once every {@link Invitation#RESEND_INTERVAL} per invitation.
     */
    public Invitation resend(long invitationId) {
        Invitation old = em.find(Invitation.class, invitationId, LockModeType.PESSIMISTIC_WRITE);
        Account by = requireManagerOf(old);
        Instant now = clock.instant();
        if (!old.isPendingAt(now)) {
            throw new InvitationRefusedException("invitation.error.notPending");
        }
        if (!old.mayBeResentAt(now)) {
            throw new InvitationRefusedException("invitation.error.resendTooSoon");
        }
        String token = Tokens.generate();
        return issue(old.resend(em.getReference(Account.class, by.getId()), Tokens.hash(token), now), token, by);
    }

    /** Withdraws a pending invitation: its link then says it was withdrawn. */
    public Invitation revoke(long invitationId) {
        Invitation invitation = em.find(Invitation.class, invitationId, LockModeType.PESSIMISTIC_WRITE);
        requireManagerOf(invitation);
        Instant now = clock.instant();
        if (!invitation.isPendingAt(now)) {
            throw new InvitationRefusedException("invitation.error.notPending");
        }
        invitation.revoke(now);
        return invitation;
    }

    /** Who may resend or revoke: admins for staff invitations; staff and its editors for an organization's. */
    private Account requireManagerOf(Invitation invitation) {
        if (invitation == null) {
            caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
            throw new NotFoundException("invitation");
        }
        if (invitation.isForStaff()) {
            return caller.require(Role.ADMIN);
        }
        return editors.requireManagerOfEditors(invitation.getOrganization());
    }

    /**
     * How the mail names the person who invites: by their own name when they have one, otherwise (the first
     * admin, seeded without a name) by the coalition's name in the invitee's language, never an English label.
     */
    private String inviterName(Account inviter, Language language) {
        String name = inviter.getDisplayName();
        return name == null || name.isBlank() ? coalition.name().in(language) : name;
    }

    /** Invites a person to join the coalition staff (admins only). */
    public Invitation inviteStaff(String email, Language language) {
        Account inviter = caller.require(Role.ADMIN);
        if (accounts.findByEmail(email).isPresent()) {
            throw new InvitationRefusedException("invitation.error.hasAccount");
        }
        String token = Tokens.generate();
        Invitation invitation = new Invitation(
                email,
                language,
                null,
                em.getReference(Account.class, inviter.getId()),
                Tokens.hash(token),
                clock.instant());
        return issue(invitation, token, inviter);
    }

    /**
     * Saves the invitation and mails its link ({@code token}, whose hash it holds), wholly in the invitee's
     * language; a mail failure rolls both back.
     */
    private Invitation issue(Invitation invitation, String token, Account inviter) {
        Language language = invitation.getLanguage();
        String subject;
        String body;
        if (invitation.isForStaff()) {
            subject = Messages.get(language, "mail.staffInvitation.subject");
            body = Messages.get(language, "mail.staffInvitation.body", inviterName(inviter, language));
        } else {
            String organization = invitation.getOrganization().getName();
            subject = Messages.get(language, "mail.invitation.subject", organization);
            body = Messages.get(language, "mail.invitation.body", inviterName(inviter, language), organization);
        }
        em.persist(invitation);
        String link = config.baseUrl() + "/invitation?token=" + token + "&lang=" + language.code();
        mail.sendAfterCommit(composer.compose(
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
        Organization organization = em.find(Organization.class, organizationId);
        if (organization == null) {
            throw new NotFoundException("organization " + organizationId);
        }
        editors.requireManagerOfEditors(organization);
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
