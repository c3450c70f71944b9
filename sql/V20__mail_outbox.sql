-- The durable outbox: every mail the portal sends outside an alert (signature confirmations, password
-- resets, preference links, notices) is a row written in the same transaction as what caused it, and sent
-- after commit by background workers that claim it (FOR UPDATE SKIP LOCKED under a lease), so any instance
-- sends it once and none is lost when the mail server, the process or the machine stops. A sent row is
-- deleted (its body may hold a one-time link); a refused or abandoned one keeps its error, without its body.
CREATE TABLE mail_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    recipient       VARCHAR(320)  NOT NULL,
    language        CHAR(2)       NOT NULL,
    subject         VARCHAR(998)  NOT NULL,
    text_part       MEDIUMTEXT    NOT NULL,
    html_part       MEDIUMTEXT    NULL,
    headers         TEXT          NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    claimed_until   DATETIME(6)   NULL,
    last_error      VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY ix_mail_outbox_due (state, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
