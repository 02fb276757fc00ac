-- Statutory clocks: computed by the clock engine from each child's record
-- and kept here so trays and indicators read fast; a worker's explanation
-- of a missed clock and its manager's sign-off, kept by the clock's stable
-- key so a refresh never loses them; and dated changes to local rules.

CREATE TABLE clock (
    id         INTEGER PRIMARY KEY,
    child_id   INTEGER NOT NULL REFERENCES person(id),
    rule_id    TEXT NOT NULL,
    clock_key  TEXT NOT NULL,
    subject_id INTEGER NOT NULL DEFAULT 0,
    seq        INTEGER NOT NULL DEFAULT 1,
    started    DATE NOT NULL,
    started_at DATETIME,
    due        DATE NOT NULL,
    due_at     DATETIME NOT NULL,
    met        DATE,
    met_at     DATETIME,
    stopped    DATE,
    team_id    INTEGER REFERENCES team(id),
    staff_id   INTEGER REFERENCES staff(id),
    UNIQUE (child_id, clock_key)
);
-- Trays read open clocks only, by worker, team or rule, soonest first; the
-- partial indexes hold just those, a small fraction of all clocks.
CREATE INDEX clock_open_staff ON clock(staff_id, due) WHERE met IS NULL AND stopped IS NULL;
CREATE INDEX clock_open_team ON clock(team_id, due) WHERE met IS NULL AND stopped IS NULL;
CREATE INDEX clock_open_rule ON clock(rule_id, staff_id, due) WHERE met IS NULL AND stopped IS NULL;
CREATE INDEX clock_rule_due ON clock(rule_id, due);

CREATE TABLE clock_explanation (
    id              INTEGER PRIMARY KEY,
    child_id        INTEGER NOT NULL REFERENCES person(id),
    clock_key       TEXT NOT NULL,
    reason_code     TEXT NOT NULL,
    reason_text     TEXT NOT NULL DEFAULT '',
    recorded_by     INTEGER NOT NULL REFERENCES staff(id),
    recorded_at     DATETIME NOT NULL,
    signed_off_by   INTEGER REFERENCES staff(id),
    signed_off_at   DATETIME,
    sign_off_note   TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (child_id, clock_key)
);

CREATE TABLE local_setting (
    id          INTEGER PRIMARY KEY,
    setting_key TEXT NOT NULL,
    value       TEXT NOT NULL,
    valid_from  DATE NOT NULL,
    changed_by  INTEGER REFERENCES staff(id),
    changed_at  DATETIME NOT NULL,
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX local_setting_key ON local_setting(setting_key, valid_from);
