-- Invitations can also bring in coalition staff, who act for no single organization.
-- Existing rows are editor invitations (the default backfills them), then the rule is enforced.
ALTER TABLE invitation ADD COLUMN role VARCHAR(20) NOT NULL DEFAULT 'ORG_EDITOR';
ALTER TABLE invitation MODIFY organization_id BIGINT NULL;
ALTER TABLE invitation ADD CONSTRAINT ck_invitation_role
    CHECK ((role = 'ORG_EDITOR' AND organization_id IS NOT NULL) OR (role = 'STAFF' AND organization_id IS NULL));
