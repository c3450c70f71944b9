-- The coalition's name in both languages: the existing name becomes the English one and is copied
-- into the Spanish one, which admins then translate; then the Spanish column is required too.
ALTER TABLE coalition ADD COLUMN name_es VARCHAR(200) NULL AFTER name;
UPDATE coalition SET name_es = name WHERE name_es IS NULL;
ALTER TABLE coalition MODIFY name_es VARCHAR(200) NOT NULL;

-- A pending invitation can be withdrawn (revoked) or replaced by a fresh one (resent); its old link
-- then says which, instead of "not valid".
ALTER TABLE invitation ADD COLUMN revoked_at DATETIME(6) NULL;
ALTER TABLE invitation ADD COLUMN replaced BOOLEAN NOT NULL DEFAULT FALSE;

-- The first admin used to be seeded with the English word "Administrator" as a person's name, which
-- then read "Administrator te ha invitado" in Spanish mail. No name is better than an invented one:
-- the mail names the coalition instead, in the reader's language.
UPDATE account SET display_name = '' WHERE role = 'ADMIN' AND display_name = 'Administrator';
