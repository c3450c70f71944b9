-- Erasing a person (the preferences page, staff) finds their signatures by canonical address across all
-- petitions; the unique key starts with the petition, so without this index the erase read, and locked,
-- every signature.
CREATE INDEX ix_signature_email ON signature (email_canonical);

-- The hourly retention job looks for signatures that still hold a client address older than the
-- retention period. Only recent signatures hold one, so an index led by the address reads those and not
-- the whole history (an index led by created_at would match nearly every row once the portal is old).
CREATE INDEX ix_signature_source_age ON signature (source_ip, created_at);
