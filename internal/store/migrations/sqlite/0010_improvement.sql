-- Inspections and the improvement loop: the documents the area keeps
-- (inspection letters, evidence of progress, and later board reports), the
-- inspection register with a grade per judgement, the findings of each
-- inspection, the improvement plan's actions linked to findings, their
-- quarterly progress updates and evidence, and the annual self-evaluation,
-- kept as numbered versions. None of it is a child's record.

-- A PDF held in the database, with the text read from it when there is
-- any. subject_type and subject_id say what it belongs to ('inspection',
-- 'improvement_action', 'board_report', ...); kind says what it is.
CREATE TABLE improvement_document (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    subject_type TEXT NOT NULL DEFAULT '',
    subject_id   INTEGER NOT NULL DEFAULT 0,
    title        TEXT NOT NULL,
    filename     TEXT NOT NULL DEFAULT '',
    media_type   TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    pages        INTEGER NOT NULL DEFAULT 0,
    content      BLOB NOT NULL,
    text         TEXT NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    created_by   INTEGER REFERENCES staff(id)
);
CREATE INDEX improvement_document_subject ON improvement_document(subject_type, subject_id);

CREATE TABLE inspection (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL,
    notice_date        DATE,
    onsite_start       DATE,
    onsite_end         DATE,
    published          DATE,
    inspectors         TEXT NOT NULL DEFAULT '',
    focus              TEXT NOT NULL DEFAULT '',
    letter_document_id INTEGER REFERENCES improvement_document(id),
    letter_text        TEXT NOT NULL DEFAULT '',
    letter_text_source TEXT NOT NULL DEFAULT '',
    recorded_by        INTEGER REFERENCES staff(id),
    version            INTEGER NOT NULL DEFAULT 1,
    created_at         DATETIME NOT NULL,
    updated_at         DATETIME NOT NULL
);
CREATE INDEX inspection_dates ON inspection(onsite_start, notice_date);

-- One grade per judgement of a graded inspection.
CREATE TABLE inspection_judgement (
    inspection_id INTEGER NOT NULL REFERENCES inspection(id),
    judgement     TEXT NOT NULL,
    grade         TEXT NOT NULL,
    PRIMARY KEY (inspection_id, judgement)
);

-- A finding in the order the letter gives it; areas is a JSON list of
-- practice area codes from the list named by area_version.
CREATE TABLE finding (
    id            INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspection(id),
    seq           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL,
    areas         TEXT NOT NULL DEFAULT '[]',
    area_version  TEXT NOT NULL,
    recorded_by   INTEGER REFERENCES staff(id),
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    DATETIME NOT NULL
);
CREATE INDEX finding_inspection ON finding(inspection_id, seq);

CREATE TABLE improvement_action (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    detail         TEXT NOT NULL DEFAULT '',
    theme          TEXT NOT NULL,
    owner_id       INTEGER NOT NULL REFERENCES staff(id),
    start_date     DATE NOT NULL,
    due_date       DATE NOT NULL,
    status         TEXT NOT NULL,
    dropped_reason TEXT NOT NULL DEFAULT '',
    completed_on   DATE,
    recorded_by    INTEGER REFERENCES staff(id),
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     DATETIME NOT NULL,
    updated_at     DATETIME NOT NULL
);
CREATE INDEX improvement_action_due ON improvement_action(status, due_date);

-- Which findings an action answers: many to many.
CREATE TABLE action_finding (
    action_id  INTEGER NOT NULL REFERENCES improvement_action(id),
    finding_id INTEGER NOT NULL REFERENCES finding(id),
    PRIMARY KEY (action_id, finding_id)
);
CREATE INDEX action_finding_finding ON action_finding(finding_id);

-- A quarter's progress on an action; quarter is the first day of the
-- financial quarter reported on. percent is NULL when the update reports a
-- milestone instead.
CREATE TABLE progress_update (
    id          INTEGER PRIMARY KEY,
    action_id   INTEGER NOT NULL REFERENCES improvement_action(id),
    quarter     DATE NOT NULL,
    narrative   TEXT NOT NULL,
    percent     INTEGER,
    milestone   TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES staff(id),
    created_at  DATETIME NOT NULL
);
CREATE INDEX progress_update_action ON progress_update(action_id, quarter);

-- Evidence of an action's progress: a note, a document, or both.
CREATE TABLE action_evidence (
    id          INTEGER PRIMARY KEY,
    action_id   INTEGER NOT NULL REFERENCES improvement_action(id),
    note        TEXT NOT NULL DEFAULT '',
    document_id INTEGER REFERENCES improvement_document(id),
    recorded_by INTEGER REFERENCES staff(id),
    created_at  DATETIME NOT NULL
);
CREATE INDEX action_evidence_action ON action_evidence(action_id);

CREATE TABLE self_evaluation (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    created_by INTEGER REFERENCES staff(id),
    created_at DATETIME NOT NULL
);

-- Every save of a self-evaluation is a new numbered version; none is ever
-- changed. finding_ids and action_ids are JSON lists of the records it
-- links to.
CREATE TABLE self_evaluation_version (
    id                 INTEGER PRIMARY KEY,
    self_evaluation_id INTEGER NOT NULL REFERENCES self_evaluation(id),
    number             INTEGER NOT NULL,
    know               TEXT NOT NULL,
    how                TEXT NOT NULL,
    doing              TEXT NOT NULL,
    finding_ids        TEXT NOT NULL DEFAULT '[]',
    action_ids         TEXT NOT NULL DEFAULT '[]',
    note               TEXT NOT NULL DEFAULT '',
    saved_by           INTEGER REFERENCES staff(id),
    saved_at           DATETIME NOT NULL,
    UNIQUE (self_evaluation_id, number)
);
