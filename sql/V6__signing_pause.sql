-- Staff can pause signing on one petition, or on all of them at once in an emergency.
ALTER TABLE petition ADD COLUMN signing_paused BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE coalition ADD COLUMN signing_paused BOOLEAN NOT NULL DEFAULT FALSE;
