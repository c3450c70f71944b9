-- Action alerts: one alert written in both languages, sent to a snapshot of its audience, one delivery
-- row per recipient. The sending engine claims deliveries in the database (SELECT ... FOR UPDATE SKIP
-- LOCKED) under a lease, so several instances share one alert and a crashed one's work is taken over.

-- What happened to a supporter's subscription, and when: consents, unsubscribes, bounces.
CREATE TABLE supporter_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    supporter_id  BIGINT        NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    source        VARCHAR(120)  NOT NULL,
    happened_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_supporter_event_supporter FOREIGN KEY (supporter_id) REFERENCES supporter (id) ON DELETE CASCADE,
    CONSTRAINT ck_supporter_event_kind CHECK (kind IN ('CONSENT', 'UNSUBSCRIBE', 'BOUNCE', 'COMPLAINT', 'LANGUAGE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_supporter_event ON supporter_event (supporter_id, happened_at);
CREATE INDEX ix_supporter_status ON supporter (status, language);

CREATE TABLE alert (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    subject_en            VARCHAR(200)  NULL,
    subject_es            VARCHAR(200)  NULL,
    preheader_en          VARCHAR(200)  NULL,
    preheader_es          VARCHAR(200)  NULL,
    body_en               MEDIUMTEXT    NULL,
    body_es               MEDIUMTEXT    NULL,
    action_label_en       VARCHAR(80)   NULL,
    action_label_es       VARCHAR(80)   NULL,
    action_url_en         VARCHAR(500)  NULL,
    action_url_es         VARCHAR(500)  NULL,
    audience_petition_id  BIGINT        NULL,
    audience_language     CHAR(2)       NULL,
    audience_country      CHAR(2)       NULL,
    audience_postal       VARCHAR(20)   NULL,
    -- set when staff chose to send one language's version to everyone
    only_language         CHAR(2)       NULL,
    state                 VARCHAR(20)   NOT NULL,
    audience_size         INT           NULL,
    created_by            BIGINT        NOT NULL,
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    started_at            DATETIME(6)   NULL,
    finished_at           DATETIME(6)   NULL,
    version               INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_alert_petition FOREIGN KEY (audience_petition_id) REFERENCES petition (id) ON DELETE SET NULL,
    CONSTRAINT fk_alert_author FOREIGN KEY (created_by) REFERENCES account (id),
    CONSTRAINT ck_alert_state CHECK (state IN ('DRAFT', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED')),
    CONSTRAINT ck_alert_only_language CHECK (only_language IN ('en', 'es'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE alert_delivery (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    alert_id         BIGINT        NOT NULL,
    supporter_id     BIGINT        NULL,
    email            VARCHAR(254)  NOT NULL,
    language         CHAR(2)       NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)   NOT NULL,
    claimed_by       VARCHAR(80)   NULL,
    claimed_until    DATETIME(6)   NULL,
    sent_at          DATETIME(6)   NULL,
    last_error       VARCHAR(300)  NULL,
    CONSTRAINT uq_delivery_recipient UNIQUE (alert_id, supporter_id),
    CONSTRAINT fk_delivery_alert FOREIGN KEY (alert_id) REFERENCES alert (id) ON DELETE CASCADE,
    CONSTRAINT fk_delivery_supporter FOREIGN KEY (supporter_id) REFERENCES supporter (id) ON DELETE SET NULL,
    CONSTRAINT ck_delivery_state CHECK (state IN ('PENDING', 'CLAIMED', 'SENT', 'FAILED', 'SKIPPED')),
    CONSTRAINT ck_delivery_language CHECK (language IN ('en', 'es'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_delivery_work ON alert_delivery (alert_id, state, next_attempt_at);
