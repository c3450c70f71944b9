-- The coalition's time zone: staff read and enter times in it (alert schedules, signature exports), never in
-- the server's (Etc/UTC in a container). America/Chicago by default: Central time is the offset (UTC−6) of
-- the coalition's other countries (Mexico City, Guatemala, Honduras, El Salvador) for most of the year.
ALTER TABLE coalition ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'America/Chicago';

-- Staff search supporters by e-mail domain ("@example.org"); the domain is derived from the canonical
-- address by the database, so no writer can forget it, and indexed, so the search reads only that domain.
ALTER TABLE supporter
    ADD COLUMN email_domain VARCHAR(254) AS (SUBSTRING_INDEX(email_canonical, '@', -1)) STORED;
CREATE INDEX ix_supporter_email_domain ON supporter (email_domain);

-- Staff may hide a signer's public comment from the petition page and the printed delivery.
ALTER TABLE signature ADD COLUMN comment_hidden BOOLEAN NOT NULL DEFAULT FALSE;
