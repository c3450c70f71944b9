-- Outside organizations (and, where the lead allows it, individuals) sign on through the public form: the
-- signature waits for its e-mail confirmation (UNCONFIRMED, the link's hash and expiry kept, never the link),
-- then an outside organization's waits for staff (UNVERIFIED) before it is listed (SIGNED); staff may turn
-- it down (REJECTED, with the reason the signer is told). The e-mail domain is kept apart to flag possible
-- duplicates (two names, one organization); limit_key counts submissions per address for the form's limits.
-- The existing rows are members' SIGNED or WITHDRAWN signatures, which the wider check keeps valid.
ALTER TABLE statement_signatory DROP CONSTRAINT ck_signatory_state;

ALTER TABLE statement_signatory
    ADD COLUMN email_domain      VARCHAR(254)  NULL AFTER email,
    ADD COLUMN token_hash        CHAR(64)      NULL,
    ADD COLUMN token_expires_at  DATETIME(6)   NULL,
    ADD COLUMN limit_key         VARCHAR(64)   NULL,
    ADD COLUMN confirmed_at      DATETIME(6)   NULL,
    ADD COLUMN verified_at       DATETIME(6)   NULL,
    ADD COLUMN verified_by       BIGINT        NULL,
    ADD COLUMN rejection_reason  VARCHAR(1000) NULL,
    ADD COLUMN name_public       BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD CONSTRAINT ck_signatory_state
        CHECK (state IN ('UNCONFIRMED', 'UNVERIFIED', 'SIGNED', 'WITHDRAWN', 'REJECTED')),
    ADD CONSTRAINT uq_signatory_token UNIQUE (token_hash),
    ADD CONSTRAINT fk_signatory_verifier FOREIGN KEY (verified_by) REFERENCES account (id) ON DELETE SET NULL;

CREATE INDEX ix_signatory_limit ON statement_signatory (statement_id, limit_key, created_at);

-- Whether the lead lets individuals sign too (counted apart from the organizations).
ALTER TABLE statement ADD COLUMN individuals BOOLEAN NOT NULL DEFAULT FALSE AFTER sign_on;
