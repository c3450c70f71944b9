-- People who agreed to receive the coalition's action alerts, one row per canonical address.
-- Created or updated when a signer who ticked the consent box confirms their signature.
CREATE TABLE supporter (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email            VARCHAR(254)  NOT NULL,
    email_canonical  VARCHAR(254)  NOT NULL,
    first_name       VARCHAR(100)  NOT NULL,
    last_name        VARCHAR(100)  NOT NULL,
    postal_code      VARCHAR(20)   NULL,
    country          CHAR(2)       NOT NULL,
    language         CHAR(2)       NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    consent_at       DATETIME(6)   NOT NULL,
    consent_source   VARCHAR(120)  NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_supporter_email UNIQUE (email_canonical),
    CONSTRAINT ck_supporter_status CHECK (status IN ('SUBSCRIBED', 'UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED')),
    CONSTRAINT ck_supporter_language CHECK (language IN ('en', 'es'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
