-- Alerts can be scheduled: the audience is snapshotted and sending starts at scheduled_at, on whichever
-- instance gets there first. Staff may cancel a schedule (the alert goes back to being a draft).
ALTER TABLE alert
    ADD COLUMN scheduled_at DATETIME(6) NULL AFTER audience_size,
    DROP CONSTRAINT ck_alert_state,
    ADD CONSTRAINT ck_alert_state CHECK (state IN ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED'));

CREATE INDEX ix_alert_due ON alert (state, scheduled_at);

-- An alert's report counts the unsubscribes it caused: events whose source names it ("alert 42").
CREATE INDEX ix_supporter_event_source ON supporter_event (kind, source);
