-- Policy statements and organizational sign-on (issue 14). A statement is drafted by a lead member
-- organization (or by staff for the coalition itself), reviewed by staff, opened for sign-on, closed and
-- released with its signatories. Its numbered demands are kept in order, both languages side by side.
-- Every signature records the version of the text it endorsed (text_version): an edit of the preamble or
-- demands after signatures exist raises the statement's version, and older endorsements are never
-- silently carried over.
CREATE TABLE statement (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id     BIGINT        NULL,
    slug                VARCHAR(80)   NOT NULL,
    title_en            VARCHAR(200)  NULL,
    title_es            VARCHAR(200)  NULL,
    summary_en          VARCHAR(600)  NULL,
    summary_es          VARCHAR(600)  NULL,
    preamble_en         MEDIUMTEXT    NULL,
    preamble_es         MEDIUMTEXT    NULL,
    closing_en          MEDIUMTEXT    NULL,
    closing_es          MEDIUMTEXT    NULL,
    tags                VARCHAR(300)  NULL,
    countries           VARCHAR(120)  NULL,
    media_name          VARCHAR(120)  NULL,
    media_organization  VARCHAR(200)  NULL,
    media_email         VARCHAR(254)  NULL,
    media_phone         VARCHAR(40)   NULL,
    release_date        DATE          NULL,
    deadline_at         DATETIME(6)   NULL,
    deadline_zone       VARCHAR(60)   NULL,
    sign_on             BOOLEAN       NOT NULL DEFAULT TRUE,
    state               VARCHAR(20)   NOT NULL,
    text_version        INT           NOT NULL DEFAULT 1,
    rejection_reason    VARCHAR(1000) NULL,
    created_by          BIGINT        NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    opened_at           DATETIME(6)   NULL,
    closed_at           DATETIME(6)   NULL,
    released_at         DATETIME(6)   NULL,
    version             INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_statement_slug UNIQUE (slug),
    CONSTRAINT fk_statement_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_statement_author FOREIGN KEY (created_by) REFERENCES account (id),
    CONSTRAINT ck_statement_state
        CHECK (state IN ('DRAFT', 'IN_REVIEW', 'OPEN', 'CLOSED', 'RELEASED', 'ARCHIVED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_statement_public ON statement (state, opened_at);
CREATE INDEX ix_statement_organization ON statement (organization_id);

CREATE TABLE statement_colead (
    statement_id     BIGINT NOT NULL,
    organization_id  BIGINT NOT NULL,
    PRIMARY KEY (statement_id, organization_id),
    CONSTRAINT fk_colead_statement FOREIGN KEY (statement_id) REFERENCES statement (id) ON DELETE CASCADE,
    CONSTRAINT fk_colead_organization FOREIGN KEY (organization_id) REFERENCES organization (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE statement_demand (
    statement_id  BIGINT        NOT NULL,
    position      INT           NOT NULL,
    text_en       TEXT          NULL,
    text_es       TEXT          NULL,
    addressee_en  VARCHAR(200)  NULL,
    addressee_es  VARCHAR(200)  NULL,
    PRIMARY KEY (statement_id, position),
    CONSTRAINT fk_demand_statement FOREIGN KEY (statement_id) REFERENCES statement (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per organization (or person) that signed: a member organization through one of its editors,
-- an organization outside the coalition through the public form (confirmed by e-mail, verified by
-- staff), or an individual where the lead allows it. A withdrawal keeps the row, marked.
CREATE TABLE statement_signatory (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    statement_id       BIGINT        NOT NULL,
    kind               VARCHAR(12)   NOT NULL,
    organization_id    BIGINT        NULL,
    organization_name  VARCHAR(200)  NOT NULL,
    name_key           VARCHAR(200)  NOT NULL,
    website            VARCHAR(300)  NULL,
    city               VARCHAR(100)  NULL,
    region             VARCHAR(100)  NULL,
    country            CHAR(2)       NULL,
    signer_name        VARCHAR(120)  NOT NULL,
    signer_title       VARCHAR(120)  NULL,
    email              VARCHAR(254)  NULL,
    language           CHAR(2)       NOT NULL,
    state              VARCHAR(20)   NOT NULL,
    text_version       INT           NOT NULL,
    signed_by          BIGINT        NULL,
    created_at         DATETIME(6)   NOT NULL,
    signed_at          DATETIME(6)   NULL,
    withdrawn_at       DATETIME(6)   NULL,
    CONSTRAINT uq_signatory_member UNIQUE (statement_id, organization_id),
    CONSTRAINT uq_signatory_name UNIQUE (statement_id, name_key, country),
    CONSTRAINT fk_signatory_statement FOREIGN KEY (statement_id) REFERENCES statement (id) ON DELETE CASCADE,
    CONSTRAINT fk_signatory_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_signatory_account FOREIGN KEY (signed_by) REFERENCES account (id) ON DELETE SET NULL,
    CONSTRAINT ck_signatory_kind CHECK (kind IN ('MEMBER', 'OUTSIDE', 'INDIVIDUAL')),
    CONSTRAINT ck_signatory_state CHECK (state IN ('SIGNED', 'WITHDRAWN')),
    CONSTRAINT ck_signatory_language CHECK (language IN ('en', 'es'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_signatory_state ON statement_signatory (statement_id, state);
CREATE INDEX ix_signatory_organization ON statement_signatory (organization_id, state);
