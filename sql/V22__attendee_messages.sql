-- Hosts message their event's attendees through the alert engine: an alert whose audience is one event's
-- confirmed (and optionally waitlisted) registrations. Its deliveries name the registration, not a
-- supporter, and keep no copy of the address: the engine asks the event feature for it at the moment of
-- sending, so a cancelled or erased registration is never mailed from a stale copy.
ALTER TABLE alert
    ADD COLUMN audience_event_id BIGINT  NULL AFTER audience_postal,
    ADD COLUMN audience_waitlist BOOLEAN NOT NULL DEFAULT FALSE AFTER audience_event_id,
    ADD CONSTRAINT fk_alert_event FOREIGN KEY (audience_event_id) REFERENCES coalition_event (id) ON DELETE SET NULL;

CREATE INDEX ix_alert_event ON alert (audience_event_id, created_at);

ALTER TABLE alert_delivery
    ADD COLUMN registration_id BIGINT NULL AFTER supporter_id,
    MODIFY COLUMN email VARCHAR(254) NULL,
    ADD CONSTRAINT uq_delivery_registration UNIQUE (alert_id, registration_id);
