package org.puente.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import org.puente.platform.i18n.Language;
import org.puente.platform.security.Role;

/**
 * A person who signs in: coalition admins and staff, and editors acting for member organizations (which
 * organizations is the organizations' business, not the account's).
 * The e-mail is stored lower-cased and is the login name; the password only as a PBKDF2 hash.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.findByEmail", query = "select a from Account a where a.email = :email")
@NamedQuery(
        name = "Account.countActiveByRole",
        query = "select count(a) from Account a where a.role = :role and a.active = true")
@NamedQuery(
        name = "Account.findCoalitionTeam",
        query = "select a from Account a where a.role in :roles order by a.role, a.displayName")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    @Column(nullable = false, updatable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false, length = 2)
    private Language language;

    private boolean active;

    /** Goes up whenever the password changes or the account is deactivated; older sessions stop working. */
    @Column(name = "credential_version", nullable = false)
    private int credentialVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected Account() {}

    public Account(String email, String displayName, String passwordHash, Role role, Language language, Instant now) {
        this.email = canonicalEmail(email);
        this.displayName = displayName.strip();
        this.passwordHash = passwordHash;
        this.role = role;
        this.language = language;
        this.active = true;
        this.createdAt = now;
    }

    /** The form in which addresses are stored and compared: trimmed and lower-cased. */
    public static String canonicalEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Sets a new password; every session signed in with the old one ends at its next request. */
    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.credentialVersion++;
    }

    /** The person may no longer sign in; their sessions end at their next request. */
    public void deactivate() {
        if (active) {
            active = false;
            credentialVersion++;
        }
    }

    public void reactivate() {
        active = true;
    }

    /** Whether a session that signed in at {@code version} may still act as this account. */
    public boolean acceptsSessionOf(int version) {
        return active && version == credentialVersion;
    }

    public void recordLogin(Instant now) {
        this.lastLoginAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public Language getLanguage() {
        return language;
    }

    public boolean isActive() {
        return active;
    }

    public int getCredentialVersion() {
        return credentialVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
