-- A tier's label in several languages ({"en": "Gold", "es": "Oro"}) as JSON; NULL when `label` is
-- the one plain string. `label` keeps a plain string either way (the first language's).
ALTER TABLE badge_tiers ADD COLUMN labels TEXT;
