-- Boards and committees (issue 7): the improvement board, scrutiny and
-- corporate parenting boards, their meetings with ordered agenda items and
-- minutes, and the resolutions raised at them, tracked to completion.
-- Members and attendees are only ever read with their board or meeting, so
-- they are JSON text on the record; agenda items, resolutions and the
-- history of each resolution's status are tables.

CREATE TABLE board (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    members    TEXT NOT NULL DEFAULT '[]',
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at DATETIME NOT NULL
);

-- A board meets at most once a day, so "the next meeting" is never
-- ambiguous.
CREATE TABLE board_meeting (
    id           INTEGER PRIMARY KEY,
    board_id     INTEGER NOT NULL REFERENCES board(id),
    meeting_date DATE NOT NULL,
    status       TEXT NOT NULL,
    location     TEXT NOT NULL DEFAULT '',
    minutes      TEXT NOT NULL DEFAULT '',
    attendees    TEXT NOT NULL DEFAULT '[]',
    recorded_by  INTEGER REFERENCES staff(id),
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   DATETIME NOT NULL,
    UNIQUE (board_id, meeting_date)
);

CREATE TABLE board_agenda_item (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES board_meeting(id),
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    presenter  TEXT NOT NULL DEFAULT '',
    minutes    TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX board_agenda_item_meeting ON board_agenda_item(meeting_id, position);

-- A resolution is due on a date, or "by the next meeting": the board's
-- first meeting after the one named by due_from_meeting_id (the meeting it
-- was raised at, or the one that last carried it forward), resolved when
-- read so that a meeting scheduled or moved later is followed.
CREATE TABLE board_resolution (
    id                  INTEGER PRIMARY KEY,
    board_id            INTEGER NOT NULL REFERENCES board(id),
    meeting_id          INTEGER NOT NULL REFERENCES board_meeting(id),
    agenda_item_id      INTEGER REFERENCES board_agenda_item(id),
    text                TEXT NOT NULL,
    owner_id            INTEGER NOT NULL REFERENCES staff(id),
    due                 DATE,
    by_next_meeting     BOOLEAN NOT NULL DEFAULT FALSE,
    due_from_meeting_id INTEGER NOT NULL REFERENCES board_meeting(id),
    status              TEXT NOT NULL,
    status_note         TEXT NOT NULL DEFAULT '',
    closed_on           DATE,
    recorded_by         INTEGER REFERENCES staff(id),
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          DATETIME NOT NULL
);
CREATE INDEX board_resolution_board ON board_resolution(board_id, status);
CREATE INDEX board_resolution_meeting ON board_resolution(meeting_id);

-- Every change of a resolution's status, with the note, the date and the
-- meeting it was made at: the trail a board reads back.
CREATE TABLE board_resolution_update (
    id            INTEGER PRIMARY KEY,
    resolution_id INTEGER NOT NULL REFERENCES board_resolution(id),
    status        TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    on_date       DATE NOT NULL,
    meeting_id    INTEGER REFERENCES board_meeting(id),
    due           DATE,
    recorded_by   INTEGER REFERENCES staff(id),
    recorded_at   DATETIME NOT NULL
);
CREATE INDEX board_resolution_update_resolution ON board_resolution_update(resolution_id);

-- The improvement plan's actions and the inspection findings a resolution
-- is about: many to many, like an action's findings.
CREATE TABLE board_resolution_action (
    resolution_id INTEGER NOT NULL REFERENCES board_resolution(id),
    action_id     INTEGER NOT NULL REFERENCES improvement_action(id),
    PRIMARY KEY (resolution_id, action_id)
);
CREATE INDEX board_resolution_action_action ON board_resolution_action(action_id);

CREATE TABLE board_resolution_finding (
    resolution_id INTEGER NOT NULL REFERENCES board_resolution(id),
    finding_id    INTEGER NOT NULL REFERENCES finding(id),
    PRIMARY KEY (resolution_id, finding_id)
);
CREATE INDEX board_resolution_finding_finding ON board_resolution_finding(finding_id);
