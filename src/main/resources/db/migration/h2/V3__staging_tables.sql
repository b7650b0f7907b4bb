-- H2 only: the staging tables of the bulk path are ordinary tables. H2 cannot roll back, after a crash, a
-- transaction that wrote to temporary tables (its undo log points at tables that no longer exist), so a
-- killed run would leave the database unusable. One run at a time holds the lock, so one set is enough.
-- PostgreSQL uses session temporary tables instead (see StagingSink).
CREATE TABLE stg_sejour AS SELECT finess, usager_id, date_entree, date_sortie, motifs, ordre, CAST(0 AS BIGINT) AS seq FROM sejour WITH NO DATA;
CREATE TABLE stg_dossier AS SELECT finess, dossier_id, usager_id, date_creation, date_derniere_modification, ordre, CAST(0 AS BIGINT) AS seq FROM dossier WITH NO DATA;
CREATE TABLE stg_dossier_maj AS SELECT finess, dossier_id, mois, CAST(0 AS BIGINT) AS seq FROM dossier_maj WITH NO DATA;
CREATE TABLE stg_projet_personnalise AS SELECT finess, pp_id, dossier_id, statut, date_debut, date_fin, ordre, CAST(0 AS BIGINT) AS seq FROM projet_personnalise WITH NO DATA;
CREATE TABLE stg_agenda AS SELECT finess, evenement_id, dossier_id, date_evenement, statut, ordre, CAST(0 AS BIGINT) AS seq FROM agenda WITH NO DATA;
CREATE TABLE stg_mss AS SELECT finess, message_id, date_envoi, ordre, CAST(0 AS BIGINT) AS seq FROM mss WITH NO DATA;
CREATE TABLE stg_dmp AS SELECT finess, document_id, dossier_id, date_depot, statut, ordre, CAST(0 AS BIGINT) AS seq FROM dmp WITH NO DATA;
CREATE TABLE stg_compteur AS SELECT finess, indicateur, id, date_evt, ordre, CAST(0 AS BIGINT) AS seq FROM compteur WITH NO DATA;
