-- Who claimed an incident's fatalities, when the figure is one side's
-- claim; empty when it is not.
ALTER TABLE incidents ADD COLUMN fatalities_claimed_by text NOT NULL DEFAULT '';
