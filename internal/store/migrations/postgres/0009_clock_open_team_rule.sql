-- Every page's navigation counts the front door's undecided contacts by
-- team and rule (HP-01), due by today. clock_open_team holds the open clocks
-- by team but not their rule, so the count read every one of the team's open
-- clocks from the table to check it. This index answers the count alone: met
-- and stopped are in it (always NULL) because SQLite reads a column named in
-- the query from the table unless the index holds it, even where the
-- index's own WHERE settles it.
CREATE INDEX clock_open_team_rule ON clock(team_id, rule_id, due, met, stopped) WHERE met IS NULL AND stopped IS NULL;
