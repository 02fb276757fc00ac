-- A child's timeline and chronology read every event of the child in time
-- order. The events of one child are scattered through the table among
-- everyone else's, so a ten-year record read one table page an event
-- (742 pages for one child's 1,139 events). The index now carries the
-- columns those pages read, and the timeline and chronology are answered
-- from it alone.
DROP INDEX event_child;
CREATE INDEX event_child ON event(child_id, at, id) INCLUDE (kind, summary, subject_type, subject_id, staff_id);
