-- The text of a statement as it stood at each revision once it opened: what any signature endorsed can
-- always be shown. A substantive edit after signatures exist raises the statement's text_version (older
-- endorsements are asked to re-confirm); an editorial fix (a typo, marked so by staff) keeps the version
-- and is recorded here too.
CREATE TABLE statement_revision (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    statement_id  BIGINT        NOT NULL,
    text_version  INT           NOT NULL,
    editorial     BOOLEAN       NOT NULL,
    title_en      VARCHAR(200)  NULL,
    title_es      VARCHAR(200)  NULL,
    preamble_en   MEDIUMTEXT    NULL,
    preamble_es   MEDIUMTEXT    NULL,
    closing_en    MEDIUMTEXT    NULL,
    closing_es    MEDIUMTEXT    NULL,
    demands_json  MEDIUMTEXT    NOT NULL,
    created_by    BIGINT        NULL,
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT fk_revision_statement FOREIGN KEY (statement_id) REFERENCES statement (id) ON DELETE CASCADE,
    CONSTRAINT fk_revision_account FOREIGN KEY (created_by) REFERENCES account (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_revision_statement ON statement_revision (statement_id, id);
