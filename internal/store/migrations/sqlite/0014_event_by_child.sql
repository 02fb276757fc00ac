-- A child's timeline and chronology read every event of the child in time
-- order. The events of one child are scattered through the table among
-- everyone else's, so a ten-year record read one table page an event. The
-- index now holds the columns those pages read (SQLite has no INCLUDE, so
-- they are part of the key; the row id is in every index), and the
-- timeline and chronology are answered from it alone.
DROP INDEX event_child;
CREATE INDEX event_child ON event(child_id, at, kind, summary, subject_type, subject_id, staff_id);
