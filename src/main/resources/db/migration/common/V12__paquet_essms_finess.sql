-- The packages that fed a batch of ESSMS (report queries: paquet_essms.finess IN (...)) are found from the ESSMS,
-- not by reading every package kept: without this index H2 read the whole of paquet for each batch of 500 ESSMS.
CREATE INDEX paquet_essms_finess ON paquet_essms (finess);
