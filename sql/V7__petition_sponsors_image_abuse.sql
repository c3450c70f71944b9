-- Petitions gain co-sponsoring organizations and an optional image; signatures gain what abuse
-- resistance needs: where they came from (kept only for a short retention period) and whether they are
-- held back from the count.

CREATE TABLE petition_cosponsor (
    petition_id      BIGINT NOT NULL,
    organization_id  BIGINT NOT NULL,
    PRIMARY KEY (petition_id, organization_id),
    CONSTRAINT fk_cosponsor_petition FOREIGN KEY (petition_id) REFERENCES petition (id) ON DELETE CASCADE,
    CONSTRAINT fk_cosponsor_organization FOREIGN KEY (organization_id) REFERENCES organization (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE petition_image (
    petition_id   BIGINT       NOT NULL PRIMARY KEY,
    content_type  VARCHAR(40)  NOT NULL,
    content       MEDIUMBLOB   NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_image_petition FOREIGN KEY (petition_id) REFERENCES petition (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- image_updated_at: when the picture last changed (NULL: no picture), so pages need not touch petition_image.
ALTER TABLE petition
    ADD COLUMN image_alt_en VARCHAR(300) NULL,
    ADD COLUMN image_alt_es VARCHAR(300) NULL,
    ADD COLUMN image_updated_at DATETIME(6) NULL;

-- source_ip: the signer's address, for rate limits and the staff's source report; erased after the
-- retention period (PUENTE_SOURCE_RETENTION_DAYS).
-- hold_reason: why a signature is held back from the count (over a rate limit, submitted faster than a
-- person types); staff release or discard held signatures. NULL for an ordinary signature.
ALTER TABLE signature
    ADD COLUMN source_ip   VARCHAR(45) NULL,
    ADD COLUMN hold_reason VARCHAR(20) NULL,
    ADD CONSTRAINT ck_signature_hold CHECK (hold_reason IN ('RATE_LIMIT', 'TOO_FAST'));

CREATE INDEX ix_signature_source ON signature (petition_id, source_ip, created_at);
CREATE INDEX ix_signature_created ON signature (petition_id, created_at);
CREATE INDEX ix_signature_hold ON signature (petition_id, hold_reason);

-- Secrets the portal generates for itself once (e.g. the key that signs the signing form's timer), shared
-- by every instance on this database.
CREATE TABLE platform_secret (
    name        VARCHAR(40)  NOT NULL PRIMARY KEY,
    secret      VARCHAR(128) NOT NULL,
    created_at  DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
