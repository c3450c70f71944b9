-- Events that member organizations post (vigils, prayer days, trainings, rallies, meetings) and the
-- registrations of the people who come. Delegations and briefings arrive later as new types of the
-- same event, not as a second system.
--
-- Time: an event's start and end are UTC instants (DATETIME(6), written and read as UTC by the portal,
-- never through TIMESTAMP's session-zone conversion) paired with the IANA zone they are shown in, so a
-- daylight-saving change never moves an event.
--
-- Location safety: the street address, postal code and online link are private unless the disclosure
-- is PUBLIC; until then only the locality (city, region, country) and the kind of venue are public.

CREATE TABLE coalition_event (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id      BIGINT        NULL,
    slug                 VARCHAR(80)   NOT NULL,
    event_type           VARCHAR(20)   NOT NULL,
    title_en             VARCHAR(200)  NULL,
    title_es             VARCHAR(200)  NULL,
    summary_en           VARCHAR(500)  NULL,
    summary_es           VARCHAR(500)  NULL,
    description_en       MEDIUMTEXT    NULL,
    description_es       MEDIUMTEXT    NULL,
    starts_at            DATETIME(6)   NOT NULL,
    ends_at              DATETIME(6)   NOT NULL,
    time_zone            VARCHAR(64)   NOT NULL,
    attendance           VARCHAR(16)   NOT NULL,
    disclosure           VARCHAR(24)   NOT NULL,
    venue_kind           VARCHAR(24)   NULL,
    venue_name           VARCHAR(200)  NULL,
    street_address       VARCHAR(300)  NULL,
    city                 VARCHAR(120)  NULL,
    region               VARCHAR(120)  NULL,
    postal_code          VARCHAR(20)   NULL,
    country              CHAR(2)       NULL,
    online_url           VARCHAR(500)  NULL,
    capacity             INT           NULL,
    max_guests           INT           NOT NULL DEFAULT 0,
    second_reminder_hours INT          NULL,
    ask_phone            BOOLEAN       NOT NULL DEFAULT FALSE,
    notes_en             VARCHAR(1000) NULL,
    notes_es             VARCHAR(1000) NULL,
    languages            VARCHAR(200)  NULL,
    interpretation       BOOLEAN       NOT NULL DEFAULT FALSE,
    contact              VARCHAR(254)  NULL,
    state                VARCHAR(20)   NOT NULL,
    rejection_reason     VARCHAR(1000) NULL,
    cancel_note          VARCHAR(1000) NULL,
    sequence_no          INT           NOT NULL DEFAULT 0,
    created_at           DATETIME(6)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    published_at         DATETIME(6)   NULL,
    image_alt_en         VARCHAR(300)  NULL,
    image_alt_es         VARCHAR(300)  NULL,
    image_updated_at     DATETIME(6)   NULL,
    version              INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_event_slug UNIQUE (slug),
    CONSTRAINT fk_event_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_event_state CHECK (state IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'CANCELLED')),
    CONSTRAINT ck_event_type CHECK (event_type IN ('VIGIL', 'PRAYER', 'TRAINING', 'RALLY', 'MEETING', 'OTHER')),
    CONSTRAINT ck_event_attendance CHECK (attendance IN ('IN_PERSON', 'ONLINE', 'BOTH')),
    CONSTRAINT ck_event_disclosure CHECK (disclosure IN ('PUBLIC', 'AFTER_RSVP', 'AFTER_APPROVAL')),
    CONSTRAINT ck_event_times CHECK (ends_at > starts_at),
    CONSTRAINT ck_event_capacity CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 100000),
    CONSTRAINT ck_event_guests CHECK (max_guests BETWEEN 0 AND 10),
    CONSTRAINT ck_event_second_reminder CHECK (second_reminder_hours IS NULL OR second_reminder_hours BETWEEN 1 AND 23)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_event_upcoming ON coalition_event (state, starts_at);
CREATE INDEX ix_event_organization ON coalition_event (organization_id, starts_at);
-- For the erasure of attendees' data some days after their event ended.
CREATE INDEX ix_event_ended ON coalition_event (ends_at);

-- An event's picture, re-encoded without metadata (no GPS position); image_updated_at on the event says
-- whether there is one, so pages need not touch this table.
CREATE TABLE event_image (
    event_id      BIGINT       NOT NULL PRIMARY KEY,
    content_type  VARCHAR(40)  NOT NULL,
    content       MEDIUMBLOB   NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_event_image_event FOREIGN KEY (event_id) REFERENCES coalition_event (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE coalition_event_cohost (
    event_id         BIGINT NOT NULL,
    organization_id  BIGINT NOT NULL,
    PRIMARY KEY (event_id, organization_id),
    CONSTRAINT fk_cohost_event FOREIGN KEY (event_id) REFERENCES coalition_event (id) ON DELETE CASCADE,
    CONSTRAINT fk_cohost_organization FOREIGN KEY (organization_id) REFERENCES organization (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One registration per canonical e-mail per event. places = 1 + guests. A confirmation that does not
-- fit joins the waitlist at the next waitlist_position (taken under the event's row lock, so positions
-- are strictly in confirmation order); a cancellation promotes from the head of the waitlist.
CREATE TABLE event_registration (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id           BIGINT        NOT NULL,
    first_name         VARCHAR(100)  NULL,
    last_name          VARCHAR(100)  NULL,
    email              VARCHAR(254)  NULL,
    email_canonical    VARCHAR(254)  NULL,
    phone              VARCHAR(40)   NULL,
    language           CHAR(2)       NOT NULL,
    guests             INT           NOT NULL DEFAULT 0,
    needs              VARCHAR(500)  NULL,
    alerts_consent     BOOLEAN       NOT NULL DEFAULT FALSE,
    state              VARCHAR(20)   NOT NULL,
    waitlist_position  INT           NULL,
    token_hash         CHAR(64)      NULL,
    mails_sent         INT           NOT NULL DEFAULT 1,
    source_ip          VARCHAR(45)   NULL,
    limit_key          VARCHAR(45)   NULL,
    hold_reason        VARCHAR(20)   NULL,
    created_at         DATETIME(6)   NOT NULL,
    confirmed_at       DATETIME(6)   NULL,
    cancelled_at       DATETIME(6)   NULL,
    checked_in_at      DATETIME(6)   NULL,
    reminded_at        DATETIME(6)   NULL,
    reminded_again_at  DATETIME(6)   NULL,
    erased_at          DATETIME(6)   NULL,
    CONSTRAINT uq_registration_person UNIQUE (event_id, email_canonical),
    CONSTRAINT uq_registration_token UNIQUE (token_hash),
    CONSTRAINT fk_registration_event FOREIGN KEY (event_id) REFERENCES coalition_event (id) ON DELETE CASCADE,
    CONSTRAINT ck_registration_state CHECK (state IN ('PENDING', 'CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    CONSTRAINT ck_registration_language CHECK (language IN ('en', 'es')),
    CONSTRAINT ck_registration_guests CHECK (guests BETWEEN 0 AND 10),
    CONSTRAINT ck_registration_hold CHECK (hold_reason IN ('RATE_LIMIT', 'TOO_FAST'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_registration_state ON event_registration (event_id, state, waitlist_position);
CREATE INDEX ix_registration_source ON event_registration (event_id, limit_key, created_at);
CREATE INDEX ix_registration_signer ON event_registration (email_canonical);

-- Staff may trust a member organization to publish its events without review (the organization feature's
-- column; events ask it through OrganizationService).
ALTER TABLE organization
    ADD COLUMN events_trusted BOOLEAN NOT NULL DEFAULT FALSE;

-- A mail may carry one attachment (an attendee's calendar entry), kept with the message until it leaves.
ALTER TABLE mail_outbox
    ADD COLUMN attachment_name VARCHAR(100) NULL,
    ADD COLUMN attachment_type VARCHAR(100) NULL,
    ADD COLUMN attachment      MEDIUMTEXT   NULL;
