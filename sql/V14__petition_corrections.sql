-- The history of small corrections to open petitions: who fixed which texts, when, and how many characters
-- changed. The account id is kept as a plain number with the person's name copied beside it, so the history
-- names them whatever becomes of the account (which belongs to another feature).
CREATE TABLE petition_correction (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    petition_id        BIGINT        NOT NULL,
    account_id         BIGINT        NULL,
    corrected_by       VARCHAR(120)  NOT NULL,
    corrected_at       DATETIME(6)   NOT NULL,
    fields             VARCHAR(200)  NOT NULL,
    changed_characters INT           NOT NULL,
    CONSTRAINT fk_petition_correction_petition FOREIGN KEY (petition_id) REFERENCES petition (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_petition_correction ON petition_correction (petition_id, corrected_at);
