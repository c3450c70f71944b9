-- Account security: a password change or a deactivation ends every session of the account. Each session
-- remembers the credential version it signed in with; a request whose session carries an older one is
-- signed out. Reset links are counted per account and hour, hence the index.
ALTER TABLE account
    ADD COLUMN credential_version INT NOT NULL DEFAULT 0;

CREATE INDEX ix_password_reset_account_created ON password_reset (account_id, created_at);
