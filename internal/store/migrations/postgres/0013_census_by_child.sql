-- A child's page checks the child's own census data, reading their review
-- conferences through their child protection plans: by plan, not by a scan
-- of every conference.
CREATE INDEX cp_conference_plan ON cp_conference(plan_id, held_on);
