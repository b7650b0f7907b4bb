-- A segment holds snapshot rows ('P'), dated rows ('E', with the latest date of its rows, or a later one), or
-- both ('M', every segment written before this version). The calculation passes over the oldest dated segments
-- that end before its window (store/SegmentMerge).
ALTER TABLE segment ADD COLUMN contenu CHAR(1) DEFAULT 'M' NOT NULL;
ALTER TABLE segment ADD COLUMN date_max DATE;
