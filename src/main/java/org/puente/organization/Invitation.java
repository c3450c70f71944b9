package org.puente.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.puente.account.Account;
import org.puente.platform.i18n.Language;
import org.puente.platform.security.Role;

/**
 * An invitation for a person to act for a member organization (role {@code ORG_EDITOR}) or to join
 * the coalition staff (role {@code STAFF}, no organization). Its link is single-use and expires after
 * {@link #LIFETIME}; only the token's hash is stored. While pending it can be revoked, or replaced by a
 * fresh invitation (a resend): its link then explains which, rather than calling itself invalid.
 */
@Entity
@Table(name = "invitation")
@NamedQuery(name = "Invitation.findByTokenHash", query = "select i from Invitation i where i.tokenHash = :hash")
@NamedQuery(
        name = "Invitation.findPendingStaff",
        query = "select i from Invitation i where i.role = :role and i.acceptedAt is null "
                + "and i.revokedAt is null and i.expiresAt > :now order by i.createdAt desc")
@NamedQuery(
        name = "Invitation.findPendingFor",
        query = "select i from Invitation i where i.organization.id = :organizationId and i.acceptedAt is null "
                + "and i.revokedAt is null and i.expiresAt > :now order by i.createdAt desc")
public class Invitation {

    public static final Duration LIFETIME = Duration.ofDays(7);

    /** A pending invitation is sent again at most this often (each resend is a mail to someone's inbox). */
    public static final Duration RESEND_INTERVAL = Duration.ofMinutes(5);

    /** Why an invitation link no longer works. */
    public enum Problem {
        EXPIRED,
        USED,
        REVOKED,
        REPLACED,
        UNKNOWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false, length = 2)
    private Language language;

    @ManyToOne
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invited_by")
    private Account invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(nullable = false)
    private boolean replaced;

    protected Invitation() {}

    public Invitation(
            String email,
            Language language,
            Organization organization,
            Account invitedBy,
            String tokenHash,
            Instant now) {
        this.email = Account.canonicalEmail(email);
        this.language = language;
        this.organization = organization;
        this.role = organization == null ? Role.STAFF : Role.ORG_EDITOR;
        this.invitedBy = invitedBy;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    /** Empty while the link can still be used. */
    public Optional<Problem> problemAt(Instant now) {
        if (acceptedAt != null) {
            return Optional.of(Problem.USED);
        }
        if (revokedAt != null) {
            return Optional.of(replaced ? Problem.REPLACED : Problem.REVOKED);
        }
        if (!now.isBefore(expiresAt) || (organization != null && !organization.isActive())) {
            return Optional.of(Problem.EXPIRED);
        }
        return Optional.empty();
    }

    public void accept(Instant now) {
        if (problemAt(now).isPresent()) {
            throw new IllegalStateException(
                    "invitation can no longer be accepted: " + problemAt(now).get());
        }
        this.acceptedAt = now;
    }

    /** Whether it still waits for an answer: neither accepted, revoked, replaced nor expired. */
    public boolean isPendingAt(Instant now) {
        return problemAt(now).isEmpty();
    }

    /** Withdraws a pending invitation: its link stops working and says so. */
    public void revoke(Instant now) {
        if (!isPendingAt(now)) {
            throw new IllegalStateException("only a pending invitation can be revoked: "
                    + problemAt(now).get());
        }
        this.revokedAt = now;
    }

    /** Whether it may be sent again now: pending, and not (re)sent within {@link #RESEND_INTERVAL}. */
    public boolean mayBeResentAt(Instant now) {
        return isPendingAt(now) && !now.isBefore(createdAt.plus(RESEND_INTERVAL));
    }

    /**
     * A fresh invitation to the same person for the same organization and language, with a new link and a
     * new lifetime; this one is replaced, so its link stops working and points to the newer mail.
     */
    public Invitation resend(Account by, String newTokenHash, Instant now) {
        if (!mayBeResentAt(now)) {
            throw new IllegalStateException("invitation " + id + " may not be resent now");
        }
        this.revokedAt = now;
        this.replaced = true;
        return new Invitation(email, language, organization, by, newTokenHash, now);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public Language getLanguage() {
        return language;
    }

    /** Null for a staff invitation. */
    public Organization getOrganization() {
        return organization;
    }

    public Role getRole() {
        return role;
    }

    public boolean isForStaff() {
        return role == Role.STAFF;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
