-- Who claimed an incident's fatalities, when the figure is one side's
-- claim ("the Ukrainian General Staff claimed 120 soldiers were killed");
-- empty when it is not.
ALTER TABLE incidents ADD COLUMN fatalities_claimed_by TEXT NOT NULL DEFAULT '';
