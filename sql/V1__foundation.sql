-- Puente foundation: the coalition, member organizations, accounts and their tokens.
-- utf8mb4 everywhere: Spanish accents, names in any script, emoji.

CREATE TABLE coalition (
    id              BIGINT       NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    mission_en      TEXT         NULL,
    mission_es      TEXT         NULL,
    postal_address  VARCHAR(500) NOT NULL,
    updated_at      DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE organization (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug            VARCHAR(80)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    description_en  TEXT         NULL,
    description_es  TEXT         NULL,
    city            VARCHAR(120) NULL,
    region          VARCHAR(120) NULL,
    country         CHAR(2)      NOT NULL,
    website         VARCHAR(300) NULL,
    contact_email   VARCHAR(254) NULL,
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_organization_slug UNIQUE (slug),
    CONSTRAINT uq_organization_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE organization_logo (
    organization_id BIGINT       NOT NULL PRIMARY KEY,
    content_type    VARCHAR(40)  NOT NULL,
    content         MEDIUMBLOB   NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_logo_organization FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE account (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email           VARCHAR(254) NOT NULL,
    display_name    VARCHAR(120) NOT NULL,
    password_hash   VARCHAR(512) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    language        CHAR(2)      NOT NULL,
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      DATETIME(6)  NOT NULL,
    last_login_at   DATETIME(6)  NULL,
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_account_email UNIQUE (email),
    CONSTRAINT ck_account_role CHECK (role IN ('ADMIN', 'STAFF', 'ORG_EDITOR')),
    CONSTRAINT ck_account_language CHECK (language IN ('en', 'es'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE organization_editor (
    account_id      BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    PRIMARY KEY (account_id, organization_id),
    CONSTRAINT fk_editor_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT fk_editor_organization FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE invitation (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_hash      CHAR(64)     NOT NULL,
    email           VARCHAR(254) NOT NULL,
    language        CHAR(2)      NOT NULL,
    organization_id BIGINT       NOT NULL,
    invited_by      BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    accepted_at     DATETIME(6)  NULL,
    CONSTRAINT uq_invitation_token UNIQUE (token_hash),
    CONSTRAINT fk_invitation_organization FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE,
    CONSTRAINT fk_invitation_inviter FOREIGN KEY (invited_by) REFERENCES account (id),
    CONSTRAINT ck_invitation_language CHECK (language IN ('en', 'es'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE password_reset (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_hash      CHAR(64)     NOT NULL,
    account_id      BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    used_at         DATETIME(6)  NULL,
    CONSTRAINT uq_password_reset_token UNIQUE (token_hash),
    CONSTRAINT fk_password_reset_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
