-- A removal ground can be retired: no longer offered for new records; the
-- records made on it keep their wording.
ALTER TABLE removal_grounds ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
