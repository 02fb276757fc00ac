-- Help and protection, part one: child and family assessments in a
-- referral's episode (with the dates the child was seen), early help
-- episodes (step down and step up), and 16/17-year-olds presenting as
-- homeless with their section 20 decision. Referrals themselves are in
-- 0001; their primary need, NFA flag and closure are amended in place.

CREATE TABLE assessment (
    id               INTEGER PRIMARY KEY,
    child_id         INTEGER NOT NULL REFERENCES person(id),
    referral_id      INTEGER NOT NULL REFERENCES referral(id),
    start_date       DATE NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open',
    not_seen_reason  TEXT NOT NULL DEFAULT '',
    history          TEXT NOT NULL DEFAULT '',
    lived_experience TEXT NOT NULL DEFAULT '',
    id_ethnicity TEXT NOT NULL DEFAULT '',
    id_ethnicity_why TEXT NOT NULL DEFAULT '',
    id_culture TEXT NOT NULL DEFAULT '',
    id_culture_why TEXT NOT NULL DEFAULT '',
    id_religion TEXT NOT NULL DEFAULT '',
    id_religion_why TEXT NOT NULL DEFAULT '',
    id_language TEXT NOT NULL DEFAULT '',
    id_language_why TEXT NOT NULL DEFAULT '',
    id_disability TEXT NOT NULL DEFAULT '',
    id_disability_why TEXT NOT NULL DEFAULT '',
    id_gender TEXT NOT NULL DEFAULT '',
    id_gender_why TEXT NOT NULL DEFAULT '',
    id_sexuality TEXT NOT NULL DEFAULT '',
    id_sexuality_why TEXT NOT NULL DEFAULT '',
    parents_carers   TEXT NOT NULL DEFAULT '',
    risks            TEXT NOT NULL DEFAULT '',
    protective       TEXT NOT NULL DEFAULT '',
    analysis         TEXT NOT NULL DEFAULT '',
    factors          TEXT NOT NULL DEFAULT '',
    outcome          TEXT NOT NULL DEFAULT '',
    next_steps       TEXT NOT NULL DEFAULT '',
    submitted_at     DATETIME,
    authorised_date  DATE,
    authorised_by    INTEGER REFERENCES staff(id),
    created_by       INTEGER REFERENCES staff(id),
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       DATETIME NOT NULL,
    updated_at       DATETIME NOT NULL
);
CREATE INDEX assessment_child ON assessment(child_id, start_date);
CREATE INDEX assessment_referral ON assessment(referral_id);

CREATE TABLE assessment_seen (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment(id),
    child_id      INTEGER NOT NULL REFERENCES person(id),
    seen_on       DATE NOT NULL,
    alone         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    DATETIME NOT NULL
);
CREATE INDEX assessment_seen_assessment ON assessment_seen(assessment_id, seen_on);
CREATE INDEX assessment_seen_child ON assessment_seen(child_id);

CREATE TABLE early_help (
    id                INTEGER PRIMARY KEY,
    child_id          INTEGER NOT NULL REFERENCES person(id),
    referral_id       INTEGER REFERENCES referral(id),
    start_date        DATE NOT NULL,
    lead_practitioner TEXT NOT NULL,
    agency            TEXT NOT NULL,
    consent           BOOLEAN NOT NULL DEFAULT FALSE,
    eha_start         DATE,
    eha_completed     DATE,
    end_date          DATE,
    end_reason        TEXT NOT NULL DEFAULT '',
    stepped_up        BOOLEAN NOT NULL DEFAULT FALSE,
    created_by        INTEGER REFERENCES staff(id),
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        DATETIME NOT NULL,
    updated_at        DATETIME NOT NULL
);
CREATE INDEX early_help_child ON early_help(child_id, start_date);

CREATE TABLE homeless_presentation (
    id                INTEGER PRIMARY KEY,
    child_id          INTEGER NOT NULL REFERENCES person(id),
    referral_id       INTEGER NOT NULL REFERENCES referral(id),
    assessment_id     INTEGER NOT NULL REFERENCES assessment(id),
    presented_on      DATE NOT NULL,
    age               INTEGER NOT NULL,
    decision          TEXT NOT NULL DEFAULT '',
    decision_date     DATE,
    not_reason        TEXT NOT NULL DEFAULT '',
    told_consequences BOOLEAN NOT NULL DEFAULT FALSE,
    competent         BOOLEAN NOT NULL DEFAULT FALSE,
    young_view        TEXT NOT NULL DEFAULT '',
    interim_provided  BOOLEAN NOT NULL DEFAULT FALSE,
    interim_where     TEXT NOT NULL DEFAULT '',
    created_by        INTEGER REFERENCES staff(id),
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        DATETIME NOT NULL,
    updated_at        DATETIME NOT NULL
);
CREATE INDEX homeless_child ON homeless_presentation(child_id, presented_on);
CREATE INDEX homeless_referral ON homeless_presentation(referral_id);
