-- Where a statement was delivered: to whom (office, person), when, how, with notes. Kept by staff and the
-- statement's leads; never public.
CREATE TABLE statement_delivery (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    statement_id  BIGINT         NOT NULL,
    office        VARCHAR(200)   NOT NULL,
    person        VARCHAR(200)   NULL,
    delivered_on  DATE           NOT NULL,
    method        VARCHAR(20)    NOT NULL,
    notes         VARCHAR(2000)  NULL,
    created_by    BIGINT         NULL,
    created_at    DATETIME(6)    NOT NULL,
    CONSTRAINT fk_delivery_statement FOREIGN KEY (statement_id) REFERENCES statement (id) ON DELETE CASCADE,
    CONSTRAINT fk_statement_delivery_account FOREIGN KEY (created_by) REFERENCES account (id) ON DELETE SET NULL,
    CONSTRAINT ck_statement_delivery_method CHECK (method IN ('EMAIL', 'IN_PERSON', 'BRIEFING', 'POST'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_statement_delivery ON statement_delivery (statement_id, delivered_on);
