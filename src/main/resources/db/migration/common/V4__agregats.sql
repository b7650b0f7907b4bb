-- agregats.csv: the editor's own counts for one ESSMS and one period (whole calendar months), for editors that
-- give no records. Combined by key like the snapshot files: "ordre" = date_extraction|package name, the latest
-- export wins. "paquet" is the name of the package the kept row came from, for the reports.
CREATE TABLE agregat (
    finess                  VARCHAR(9)   NOT NULL,
    periode_debut           DATE         NOT NULL,
    periode_fin             DATE         NOT NULL,
    personnes_accompagnees  BIGINT       NOT NULL,
    dossiers_actifs         BIGINT       NOT NULL,
    dossiers_actifs_pp      BIGINT       NOT NULL,
    dossiers_actifs_agenda  BIGINT       NOT NULL,
    messages_mss            BIGINT       NOT NULL,
    dmp_alimentes           BIGINT       NOT NULL,
    exclusions_mss          BIGINT       NOT NULL,
    exclusions_dmp          BIGINT       NOT NULL,
    paquet                  VARCHAR(255) NOT NULL,
    ordre                   VARCHAR(300) NOT NULL,
    PRIMARY KEY (finess, periode_debut, periode_fin)
);

-- Where the figures of a stored result came from: 'DOSSIERS' (records) or 'AGREGATS' (agregats.csv, then
-- paquet_agregats names the package). Empty for results stored before this column existed: records.
ALTER TABLE resultat ADD COLUMN source_chiffres VARCHAR(10);
ALTER TABLE resultat ADD COLUMN paquet_agregats VARCHAR(255);
