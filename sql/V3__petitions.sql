-- Petitions that the public signs, and their signatures.
-- A signature is pending until its e-mail address is confirmed; only confirmed ones count.
-- One signature per person per petition: the canonical e-mail is unique per petition.

CREATE TABLE petition (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id  BIGINT        NOT NULL,
    slug             VARCHAR(80)   NOT NULL,
    title_en         VARCHAR(200)  NULL,
    title_es         VARCHAR(200)  NULL,
    summary_en       VARCHAR(500)  NULL,
    summary_es       VARCHAR(500)  NULL,
    text_en          MEDIUMTEXT    NULL,
    text_es          MEDIUMTEXT    NULL,
    target           VARCHAR(300)  NOT NULL,
    goal             INT           NOT NULL,
    end_date         DATE          NULL,
    state            VARCHAR(20)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    opened_at        DATETIME(6)   NULL,
    closed_at        DATETIME(6)   NULL,
    version          INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_petition_slug UNIQUE (slug),
    CONSTRAINT fk_petition_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_petition_state CHECK (state IN ('DRAFT', 'IN_REVIEW', 'OPEN', 'CLOSED', 'ARCHIVED')),
    CONSTRAINT ck_petition_goal CHECK (goal > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_petition_state ON petition (state, opened_at);

CREATE TABLE signature (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    petition_id      BIGINT        NOT NULL,
    first_name       VARCHAR(100)  NOT NULL,
    last_name        VARCHAR(100)  NOT NULL,
    email            VARCHAR(254)  NOT NULL,
    email_canonical  VARCHAR(254)  NOT NULL,
    postal_code      VARCHAR(20)   NULL,
    country          CHAR(2)       NOT NULL,
    language         CHAR(2)       NOT NULL,
    comment          VARCHAR(500)  NULL,
    alerts_consent   BOOLEAN       NOT NULL DEFAULT FALSE,
    state            VARCHAR(20)   NOT NULL,
    token_hash       CHAR(64)      NULL,
    token_expires_at DATETIME(6)   NULL,
    mails_sent       INT           NOT NULL DEFAULT 1,
    created_at       DATETIME(6)   NOT NULL,
    confirmed_at     DATETIME(6)   NULL,
    CONSTRAINT uq_signature_person UNIQUE (petition_id, email_canonical),
    CONSTRAINT uq_signature_token UNIQUE (token_hash),
    CONSTRAINT fk_signature_petition FOREIGN KEY (petition_id) REFERENCES petition (id) ON DELETE CASCADE,
    CONSTRAINT ck_signature_state CHECK (state IN ('PENDING', 'CONFIRMED')),
    CONSTRAINT ck_signature_language CHECK (language IN ('en', 'es'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_signature_count ON signature (petition_id, state);
