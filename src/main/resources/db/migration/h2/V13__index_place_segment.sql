-- H2 only: the place of every segment (everything but its data), so that the calculation reads it from this
-- index alone and then the data of only the segments its window needs (store/ActivityCursor). H2 reads a whole
-- row, data included, to give any of its columns: on a base of 24 months, that was every month's dated rows.
CREATE INDEX segment_place ON segment (finess, contenu, date_max, ordre, rang, sha256, partie);
