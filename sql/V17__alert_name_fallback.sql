-- Alerts may greet each recipient by first name ({first_name} / {nombre}); staff choose, per language, the
-- words used for someone whose first name is unknown (empty: the portal's neutral default).
ALTER TABLE alert
    ADD COLUMN name_fallback_en VARCHAR(80) NULL AFTER action_url_es,
    ADD COLUMN name_fallback_es VARCHAR(80) NULL AFTER name_fallback_en;
