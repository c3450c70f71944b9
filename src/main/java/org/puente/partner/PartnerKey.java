package org.puente.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A key one partner tool presents to the signing API. Only its hash is kept; its limits are how many
 * signatures one client address may send to one petition per minute and per hour under it. Revoking is
 * for good: a new key is issued instead of reviving an old one.
 */
@Entity
@Table(name = "partner_key")
@NamedQuery(name = "PartnerKey.findByHash", query = "select k from PartnerKey k where k.keyHash = :hash")
@NamedQuery(name = "PartnerKey.findAllNewestFirst", query = "select k from PartnerKey k order by k.createdAt desc")
public class PartnerKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "key_hash", nullable = false, updatable = false)
    private String keyHash;

    @Column(name = "per_minute", nullable = false)
    private int perMinute;

    @Column(name = "per_hour", nullable = false)
    private int perHour;

    @Column(name = "created_by", nullable = false, updatable = false)
    private Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_by")
    private Long revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected PartnerKey() {}

    public PartnerKey(String name, String keyHash, int perMinute, int perHour, long createdBy, Instant now) {
        if (perMinute < 1 || perHour < 1) {
            throw new IllegalArgumentException("a partner key's limits must be positive");
        }
        this.name = name;
        this.keyHash = keyHash;
        this.perMinute = perMinute;
        this.perHour = perHour;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** @return false when it was revoked before */
    public boolean revoke(long by, Instant now) {
        if (revokedAt != null) {
            return false;
        }
        this.revokedBy = by;
        this.revokedAt = now;
        return true;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getPerMinute() {
        return perMinute;
    }

    public int getPerHour() {
        return perHour;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
