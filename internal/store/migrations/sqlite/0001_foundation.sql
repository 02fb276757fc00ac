-- The foundation: organisation, staff and sign-in, people, the front door,
-- documents, the timeline and the audit trail. Instants are UTC DATETIME text
-- written in one fixed layout so that they order correctly as text; civil
-- dates are DATE text YYYY-MM-DD.

CREATE TABLE district (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE team (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    district_id INTEGER REFERENCES district(id),
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  DATETIME NOT NULL,
    updated_at  DATETIME NOT NULL
);

CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL,
    team_id       INTEGER REFERENCES team(id),
    employment    TEXT NOT NULL DEFAULT 'permanent',
    registration  TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '',
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    expires_at    DATETIME,
    demo          BOOLEAN NOT NULL DEFAULT FALSE,
    last_sign_in  DATETIME,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);
CREATE INDEX staff_team ON staff(team_id);

CREATE TABLE session (
    token_hash TEXT PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    created_at DATETIME NOT NULL,
    expires_at DATETIME NOT NULL
);
CREATE INDEX session_staff ON session(staff_id);

CREATE TABLE api_token (
    id         INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    name       TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    expires_at DATETIME,
    revoked_at DATETIME
);

CREATE TABLE person (
    id                   INTEGER PRIMARY KEY,
    kind                 TEXT NOT NULL,
    given_name           TEXT NOT NULL DEFAULT '',
    family_name          TEXT NOT NULL DEFAULT '',
    other_names          TEXT NOT NULL DEFAULT '',
    date_of_birth        DATE,
    expected_dob         DATE,
    date_of_death        DATE,
    sex                  TEXT NOT NULL DEFAULT '',
    gender_identity      TEXT NOT NULL DEFAULT '',
    ethnicity            TEXT NOT NULL DEFAULT '',
    first_language       TEXT NOT NULL DEFAULT '',
    interpreter_needed   BOOLEAN NOT NULL DEFAULT FALSE,
    religion             TEXT NOT NULL DEFAULT '',
    sexual_orientation   TEXT NOT NULL DEFAULT '',
    identity_notes       TEXT NOT NULL DEFAULT '',
    nhs_number           TEXT NOT NULL DEFAULT '',
    upn                  TEXT NOT NULL DEFAULT '',
    address              TEXT NOT NULL DEFAULT '',
    postcode             TEXT NOT NULL DEFAULT '',
    address_confidential BOOLEAN NOT NULL DEFAULT FALSE,
    restricted           BOOLEAN NOT NULL DEFAULT FALSE,
    restriction_reason   TEXT NOT NULL DEFAULT '',
    version              INTEGER NOT NULL DEFAULT 1,
    created_at           DATETIME NOT NULL,
    updated_at           DATETIME NOT NULL
);
CREATE INDEX person_dob ON person(date_of_birth);
CREATE INDEX person_nhs ON person(nhs_number);
CREATE INDEX person_postcode ON person(postcode);

-- One row per name a person is known by, under its sound-alike key, so a
-- search for "Smyth" finds "Smith" through an index.
CREATE TABLE person_name_key (
    person_id INTEGER NOT NULL REFERENCES person(id),
    name_key  TEXT NOT NULL,
    PRIMARY KEY (name_key, person_id)
);
CREATE INDEX person_name_key_person ON person_name_key(person_id);

CREATE TABLE person_disability (
    person_id INTEGER NOT NULL REFERENCES person(id),
    code      TEXT NOT NULL,
    PRIMARY KEY (person_id, code)
);

CREATE TABLE relationship (
    id                      INTEGER PRIMARY KEY,
    person_id               INTEGER NOT NULL REFERENCES person(id),
    other_id                INTEGER NOT NULL REFERENCES person(id),
    type                    TEXT NOT NULL,
    parental_responsibility BOOLEAN NOT NULL DEFAULT FALSE,
    lives_with              BOOLEAN NOT NULL DEFAULT FALSE,
    notes                   TEXT NOT NULL DEFAULT '',
    version                 INTEGER NOT NULL DEFAULT 1,
    created_at              DATETIME NOT NULL
);
CREATE INDEX relationship_person ON relationship(person_id);

CREATE TABLE person_access (
    person_id  INTEGER NOT NULL REFERENCES person(id),
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    granted_at DATETIME NOT NULL,
    PRIMARY KEY (person_id, staff_id)
);

CREATE TABLE allocation (
    id         INTEGER PRIMARY KEY,
    child_id   INTEGER NOT NULL REFERENCES person(id),
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    team_id    INTEGER NOT NULL REFERENCES team(id),
    started_at DATETIME NOT NULL,
    ended_at   DATETIME
);
CREATE INDEX allocation_child ON allocation(child_id, ended_at);
CREATE INDEX allocation_staff ON allocation(staff_id, ended_at);
CREATE INDEX allocation_team ON allocation(team_id, ended_at);

CREATE TABLE contact (
    id                  INTEGER PRIMARY KEY,
    child_id            INTEGER NOT NULL REFERENCES person(id),
    received_at         DATETIME NOT NULL,
    due_at              DATETIME NOT NULL,
    source              TEXT NOT NULL,
    referrer_name       TEXT NOT NULL DEFAULT '',
    referrer_org        TEXT NOT NULL DEFAULT '',
    referrer_role       TEXT NOT NULL DEFAULT '',
    referrer_phone      TEXT NOT NULL DEFAULT '',
    referrer_email      TEXT NOT NULL DEFAULT '',
    referrer_address    TEXT NOT NULL DEFAULT '',
    out_of_hours        BOOLEAN NOT NULL DEFAULT FALSE,
    presenting_concerns TEXT NOT NULL DEFAULT '',
    historic_concerns   TEXT NOT NULL DEFAULT '',
    consent             TEXT NOT NULL,
    consent_rationale   TEXT NOT NULL DEFAULT '',
    team_id             INTEGER REFERENCES team(id),
    rag                 TEXT NOT NULL DEFAULT '',
    risks               TEXT NOT NULL DEFAULT '',
    protective_factors  TEXT NOT NULL DEFAULT '',
    screening_summary   TEXT NOT NULL DEFAULT '',
    decision            TEXT NOT NULL DEFAULT '',
    decision_rationale  TEXT NOT NULL DEFAULT '',
    decided_at          DATETIME,
    decided_by          INTEGER REFERENCES staff(id),
    letter_document_id  INTEGER,
    referral_id         INTEGER,
    recorded_by         INTEGER REFERENCES staff(id),
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          DATETIME NOT NULL,
    updated_at          DATETIME NOT NULL
);
CREATE INDEX contact_child ON contact(child_id, received_at);
CREATE INDEX contact_open ON contact(decision, received_at);
CREATE INDEX contact_received ON contact(received_at);

CREATE TABLE contact_household (
    contact_id   INTEGER NOT NULL REFERENCES contact(id),
    person_id    INTEGER NOT NULL REFERENCES person(id),
    relationship TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (contact_id, person_id)
);

CREATE TABLE partner_check (
    id           INTEGER PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contact(id),
    agency       TEXT NOT NULL,
    requested_at DATETIME NOT NULL,
    requested_by INTEGER REFERENCES staff(id),
    returned_at  DATETIME,
    summary      TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX partner_check_contact ON partner_check(contact_id);

CREATE TABLE oversight (
    id           INTEGER PRIMARY KEY,
    subject_type TEXT NOT NULL,
    subject_id   INTEGER NOT NULL,
    child_id     INTEGER NOT NULL REFERENCES person(id),
    staff_id     INTEGER NOT NULL REFERENCES staff(id),
    recorded_at  DATETIME NOT NULL,
    rationale    TEXT NOT NULL
);
CREATE INDEX oversight_child ON oversight(child_id);
CREATE INDEX oversight_subject ON oversight(subject_type, subject_id);

CREATE TABLE referral (
    id             INTEGER PRIMARY KEY,
    child_id       INTEGER NOT NULL REFERENCES person(id),
    contact_id     INTEGER REFERENCES contact(id),
    referral_date  DATE NOT NULL,
    source         TEXT NOT NULL,
    primary_need   TEXT NOT NULL DEFAULT '',
    nfa            BOOLEAN NOT NULL DEFAULT FALSE,
    closure_date   DATE,
    closure_reason TEXT NOT NULL DEFAULT '',
    team_id        INTEGER REFERENCES team(id),
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     DATETIME NOT NULL
);
CREATE INDEX referral_child ON referral(child_id, referral_date);
CREATE INDEX referral_open ON referral(closure_date);

CREATE TABLE document (
    id          INTEGER PRIMARY KEY,
    child_id    INTEGER NOT NULL REFERENCES person(id),
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    source_type TEXT NOT NULL DEFAULT '',
    source_id   INTEGER NOT NULL DEFAULT 0,
    content     BLOB NOT NULL,
    created_at  DATETIME NOT NULL,
    created_by  INTEGER REFERENCES staff(id)
);
CREATE INDEX document_child ON document(child_id, created_at);

CREATE TABLE event (
    id           INTEGER PRIMARY KEY,
    child_id     INTEGER NOT NULL REFERENCES person(id),
    at           DATETIME NOT NULL,
    kind         TEXT NOT NULL,
    summary      TEXT NOT NULL,
    subject_type TEXT NOT NULL DEFAULT '',
    subject_id   INTEGER NOT NULL DEFAULT 0,
    staff_id     INTEGER REFERENCES staff(id)
);
CREATE INDEX event_child ON event(child_id, at);

CREATE TABLE audit (
    id           INTEGER PRIMARY KEY,
    at           DATETIME NOT NULL,
    staff_id     INTEGER,
    action       TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id   INTEGER NOT NULL DEFAULT 0,
    child_id     INTEGER NOT NULL DEFAULT 0,
    channel      TEXT NOT NULL,
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_child ON audit(child_id, at);
CREATE INDEX audit_staff ON audit(staff_id, at);

-- The audit trail is append-only: the database refuses any change to it.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be deleted'); END;
