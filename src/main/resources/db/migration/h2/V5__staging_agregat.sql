-- H2 only: the staging table of agregat (see V3 for why H2's staging tables are ordinary tables).
CREATE TABLE stg_agregat AS SELECT finess, periode_debut, periode_fin, personnes_accompagnees, dossiers_actifs, dossiers_actifs_pp, dossiers_actifs_agenda, messages_mss, dmp_alimentes, exclusions_mss, exclusions_dmp, paquet, ordre, CAST(0 AS BIGINT) AS seq FROM agregat WITH NO DATA;
