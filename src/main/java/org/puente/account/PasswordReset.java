package org.puente.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A single-use permission, mailed to an account's address, to choose a new password within an hour. */
@Entity
@Table(name = "password_reset")
@NamedQuery(name = "PasswordReset.findByTokenHash", query = "select r from PasswordReset r where r.tokenHash = :hash")
@NamedQuery(
        name = "PasswordReset.countByAccountSince",
        query = "select count(r) from PasswordReset r where r.account = :account and r.createdAt > :since")
@NamedQuery(
        name = "PasswordReset.spendAllOf",
        query = "update PasswordReset r set r.usedAt = :now where r.account = :account and r.usedAt is null")
public class PasswordReset {

    public static final Duration LIFETIME = Duration.ofHours(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordReset() {}

    public PasswordReset(Account account, String tokenHash, Instant now) {
        this.account = account;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt) && account.isActive();
    }

    /** Spends the token; the caller has checked {@link #isUsable}. */
    public void use(Instant now) {
        if (!isUsable(now)) {
            throw new IllegalStateException("password reset is no longer usable");
        }
        this.usedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }
}
