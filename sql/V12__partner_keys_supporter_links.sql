-- Signing limits count a client by ClientAddress.limitKey: an IPv4 address as it is, an IPv6 address by
-- its /64 (one household or phone holds a whole /64). The full address stays in source_ip for the staff's
-- source report; both are erased together after the retention period.
ALTER TABLE signature ADD COLUMN source_key VARCHAR(45) NULL;
UPDATE signature SET source_key = source_ip WHERE source_ip IS NOT NULL;
CREATE INDEX ix_signature_source_key ON signature (petition_id, source_key, created_at);
DROP INDEX ix_signature_source ON signature;

-- Keys that staff issue to partner tools for the signing API. Only a SHA-256 of each key is kept (the key
-- is shown once, when issued); a partner's signatures are held only above the key's own, higher limits.
CREATE TABLE partner_key (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(120)  NOT NULL,
    key_hash    CHAR(64)      NOT NULL,
    per_minute  INT           NOT NULL,
    per_hour    INT           NOT NULL,
    created_by  BIGINT        NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    revoked_by  BIGINT        NULL,
    revoked_at  DATETIME(6)   NULL,
    CONSTRAINT uq_partner_key_hash UNIQUE (key_hash),
    CONSTRAINT fk_partner_key_creator FOREIGN KEY (created_by) REFERENCES account (id),
    CONSTRAINT fk_partner_key_revoker FOREIGN KEY (revoked_by) REFERENCES account (id),
    CONSTRAINT ck_partner_key_limits CHECK (per_minute > 0 AND per_hour > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The preferences link signs the supporter's id with this generation; raising it (when the supporter asks
-- for a new link, or their address changes) makes every earlier preferences and erasure link stop working.
-- The unsubscribe link does not depend on it: it only ever unsubscribes.
ALTER TABLE supporter ADD COLUMN link_generation INT NOT NULL DEFAULT 0;
