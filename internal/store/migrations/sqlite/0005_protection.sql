-- Child protection: strategy discussions, section 47 enquiries, conferences
-- with a decision per child, and protection plans with their actions and
-- core groups. Lists that are only ever read with their record (attendees,
-- danger statements, scaling, visits, views, attendance) are kept as JSON
-- text on the record; everything read or changed on its own is a table.

CREATE TABLE strategy_discussion (
    id                 INTEGER PRIMARY KEY,
    child_id           INTEGER NOT NULL REFERENCES person(id),
    referral_id        INTEGER NOT NULL REFERENCES referral(id),
    held_at            DATETIME NOT NULL,
    attendees          TEXT NOT NULL DEFAULT '[]',
    information_shared TEXT NOT NULL DEFAULT '',
    dangers            TEXT NOT NULL DEFAULT '[]',
    scaling            TEXT NOT NULL DEFAULT '[]',
    decision           TEXT NOT NULL,
    decision_reasons   TEXT NOT NULL DEFAULT '',
    safety_actions     TEXT NOT NULL DEFAULT '',
    recorded_by        INTEGER REFERENCES staff(id),
    version            INTEGER NOT NULL DEFAULT 1,
    created_at         DATETIME NOT NULL
);
CREATE INDEX strategy_discussion_child ON strategy_discussion(child_id, held_at);

CREATE TABLE s47_enquiry (
    id                INTEGER PRIMARY KEY,
    child_id          INTEGER NOT NULL REFERENCES person(id),
    referral_id       INTEGER NOT NULL REFERENCES referral(id),
    strategy_id       INTEGER NOT NULL UNIQUE REFERENCES strategy_discussion(id),
    started           DATE NOT NULL,
    lead_id           INTEGER NOT NULL REFERENCES staff(id),
    visits            TEXT NOT NULL DEFAULT '[]',
    partner_views     TEXT NOT NULL DEFAULT '[]',
    outcome           TEXT NOT NULL DEFAULT '',
    conference_needed BOOLEAN NOT NULL DEFAULT FALSE,
    outcome_date      DATE,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        DATETIME NOT NULL
);
CREATE INDEX s47_enquiry_child ON s47_enquiry(child_id, started);

CREATE TABLE cp_conference (
    id           INTEGER PRIMARY KEY,
    child_id     INTEGER NOT NULL REFERENCES person(id),
    referral_id  INTEGER NOT NULL REFERENCES referral(id),
    kind         TEXT NOT NULL,
    s47_id       INTEGER REFERENCES s47_enquiry(id),
    plan_id      INTEGER,
    held_on      DATE NOT NULL,
    chair_id     INTEGER NOT NULL REFERENCES staff(id),
    attendance   TEXT NOT NULL DEFAULT '[]',
    child_view   TEXT NOT NULL DEFAULT '',
    family_view  TEXT NOT NULL DEFAULT '',
    views        TEXT NOT NULL DEFAULT '[]',
    evidence     TEXT NOT NULL DEFAULT '',
    recorded_by  INTEGER REFERENCES staff(id),
    created_at   DATETIME NOT NULL
);
CREATE INDEX cp_conference_child ON cp_conference(child_id, held_on);

CREATE TABLE cp_plan (
    id               INTEGER PRIMARY KEY,
    child_id         INTEGER NOT NULL REFERENCES person(id),
    referral_id      INTEGER REFERENCES referral(id),
    conference_id    INTEGER NOT NULL REFERENCES cp_conference(id),
    start_date       DATE NOT NULL,
    end_date         DATE,
    initial_category TEXT NOT NULL,
    latest_category  TEXT NOT NULL,
    end_reason       TEXT NOT NULL DEFAULT '',
    previous_plans   INTEGER NOT NULL DEFAULT 0,
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       DATETIME NOT NULL
);
CREATE INDEX cp_plan_child ON cp_plan(child_id, start_date);

-- A conference's decision for each child of the household: its own child
-- may differ from the conference's, so it is read by child as well.
CREATE TABLE cp_conference_decision (
    id            INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES cp_conference(id),
    child_id      INTEGER NOT NULL REFERENCES person(id),
    plan_needed   BOOLEAN NOT NULL,
    category      TEXT NOT NULL DEFAULT '',
    dissent       TEXT NOT NULL DEFAULT '',
    end_reason    TEXT NOT NULL DEFAULT '',
    plan_id       INTEGER REFERENCES cp_plan(id)
);
CREATE INDEX cp_conference_decision_conference ON cp_conference_decision(conference_id);
CREATE INDEX cp_conference_decision_child ON cp_conference_decision(child_id);

CREATE TABLE cp_plan_action (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES cp_plan(id),
    child_id INTEGER NOT NULL REFERENCES person(id),
    what     TEXT NOT NULL,
    who      TEXT NOT NULL,
    due      DATE NOT NULL,
    done     DATE,
    version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cp_plan_action_child ON cp_plan_action(child_id, plan_id);

CREATE TABLE cp_core_group (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES cp_plan(id),
    child_id   INTEGER NOT NULL REFERENCES person(id),
    held_on    DATE NOT NULL,
    attendance TEXT NOT NULL DEFAULT '[]',
    notes      TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES staff(id),
    created_at DATETIME NOT NULL
);
CREATE INDEX cp_core_group_child ON cp_core_group(child_id, plan_id);
