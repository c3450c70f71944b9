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
 * {@link #LIFETIME}; only the token's hash is stored.
 */
@Entity
@Table(name = "invitation")
@NamedQuery(name = "Invitation.findByTokenHash", query = "select i from Invitation i where i.tokenHash = :hash")
@NamedQuery(
        name = "Invitation.findPendingStaff",
        query = "select i from Invitation i where i.role = :role "
                + "and i.acceptedAt is null and i.expiresAt > :now order by i.createdAt desc")
@NamedQuery(
        name = "Invitation.findPendingFor",
        query = "select i from Invitation i where i.organization.id = :organizationId and i.acceptedAt is null "
                + "and i.expiresAt > :now order by i.createdAt desc")
public class Invitation {

    public static final Duration LIFETIME = Duration.ofDays(7);

    /** Why an invitation link no longer works. */
    public enum Problem {
        EXPIRED,
        USED,
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
