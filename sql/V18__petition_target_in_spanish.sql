-- The petition's target ("To the US Congress" / "Al Congreso de EE. UU.") in both languages, like its other texts.
-- The existing column keeps the English target (so nothing that reads or writes it changes); the Spanish one
-- starts as a copy, for authors to translate. A target may now be written in one language only, as a title can.

ALTER TABLE petition ADD COLUMN target_es VARCHAR(300) NULL AFTER target;

UPDATE petition SET target_es = target;

ALTER TABLE petition MODIFY target VARCHAR(300) NULL;
