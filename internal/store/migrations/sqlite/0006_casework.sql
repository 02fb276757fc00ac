-- Casework: child in need plans (under a referral, the CIN episode) with
-- their actions and reviews; visits, direct work and case notes (one model);
-- manual chronology entries and the overrides that mark timeline events
-- significant or not with an impact note; and the case summary, versioned.

CREATE TABLE cin_plan (
    id          INTEGER PRIMARY KEY,
    child_id    INTEGER NOT NULL REFERENCES person(id),
    referral_id INTEGER NOT NULL REFERENCES referral(id),
    start_date  DATE NOT NULL,
    end_date    DATE,
    end_reason  TEXT NOT NULL DEFAULT '',
    started_by  INTEGER REFERENCES staff(id),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  DATETIME NOT NULL,
    updated_at  DATETIME NOT NULL
);
CREATE INDEX cin_plan_child ON cin_plan(child_id, start_date);

CREATE TABLE cin_action (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES cin_plan(id),
    child_id INTEGER NOT NULL REFERENCES person(id),
    what     TEXT NOT NULL,
    who      TEXT NOT NULL,
    due      DATE NOT NULL,
    done     DATE,
    version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cin_action_plan ON cin_action(plan_id, due);

CREATE TABLE cin_review (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES cin_plan(id),
    child_id    INTEGER NOT NULL REFERENCES person(id),
    review_date DATE NOT NULL,
    attendance  TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES staff(id),
    created_at  DATETIME NOT NULL
);
CREATE INDEX cin_review_plan ON cin_review(plan_id, review_date);
CREATE INDEX cin_review_child ON cin_review(child_id);

-- plan_kind/plan_id name the CIN or CP plan a visit was made under, if any.
CREATE TABLE visit (
    id               INTEGER PRIMARY KEY,
    child_id         INTEGER NOT NULL REFERENCES person(id),
    at               DATETIME NOT NULL,
    visit_date       DATE NOT NULL,
    type             TEXT NOT NULL,
    plan_kind        TEXT NOT NULL DEFAULT '',
    plan_id          INTEGER NOT NULL DEFAULT 0,
    child_seen       BOOLEAN NOT NULL DEFAULT FALSE,
    seen_alone       BOOLEAN NOT NULL DEFAULT FALSE,
    not_alone_reason TEXT NOT NULL DEFAULT '',
    bedroom_seen     TEXT NOT NULL DEFAULT '',
    baby_awake       TEXT NOT NULL DEFAULT '',
    present          TEXT NOT NULL DEFAULT '',
    announced        TEXT NOT NULL DEFAULT '',
    wishes_feelings  TEXT NOT NULL DEFAULT '',
    observations     TEXT NOT NULL DEFAULT '',
    analysis         TEXT NOT NULL DEFAULT '',
    recorded_by      INTEGER REFERENCES staff(id),
    created_at       DATETIME NOT NULL
);
CREATE INDEX visit_child ON visit(child_id, at);
CREATE INDEX visit_plan ON visit(plan_kind, plan_id, at);

CREATE TABLE chronology_entry (
    id          INTEGER PRIMARY KEY,
    child_id    INTEGER NOT NULL REFERENCES person(id),
    entry_date  DATE NOT NULL,
    what        TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    significant BOOLEAN NOT NULL DEFAULT TRUE,
    impact      TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES staff(id),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  DATETIME NOT NULL,
    updated_at  DATETIME NOT NULL
);
CREATE INDEX chronology_entry_child ON chronology_entry(child_id, entry_date);

-- One row per timeline event marked by hand; the chronology reads a
-- child's events with a join on event_id.
CREATE TABLE chronology_override (
    event_id    INTEGER PRIMARY KEY REFERENCES event(id),
    child_id    INTEGER NOT NULL REFERENCES person(id),
    significant BOOLEAN NOT NULL,
    impact      TEXT NOT NULL DEFAULT '',
    staff_id    INTEGER REFERENCES staff(id),
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  DATETIME NOT NULL
);
CREATE INDEX chronology_override_child ON chronology_override(child_id);

-- Every version of a child's case summary is kept; seq counts them.
CREATE TABLE case_summary (
    id         INTEGER PRIMARY KEY,
    child_id   INTEGER NOT NULL REFERENCES person(id),
    seq        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    written_by INTEGER REFERENCES staff(id),
    written_at DATETIME NOT NULL,
    UNIQUE (child_id, seq)
);

-- The chronology reads a child's events of the significant kinds.
CREATE INDEX event_child_kind ON event(child_id, kind, at);
