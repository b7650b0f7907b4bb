-- The same indicators as esms-indicateurs, in DuckDB SQL, over the pivot CSVs of a dépôt of folders (no zip):
-- the benchmark's yardstick and an independent cross-check of the figures. Placeholders: ${DEPOT}, ${REF},
-- ${WS} and ${WE} (window start and end dates), ${MOIS}, ${FENETRE}. Declared adjustments are not modelled
-- (the generator declares none); person-level ANONYMAT codes are (DMP, sector PDS).

CREATE TEMP TABLE paquet AS
SELECT regexp_extract(filename, '([^/]+)/export\.csv$', 1) AS paquet, date_extraction
FROM read_csv('${DEPOT}/*/export.csv', delim = ';', header = true, filename = true, all_varchar = true,
              columns = {'editeur': 'VARCHAR', 'logiciel': 'VARCHAR', 'version_logiciel': 'VARCHAR',
                         'finess_ej': 'VARCHAR', 'date_extraction': 'VARCHAR', 'periode_debut': 'VARCHAR',
                         'periode_fin': 'VARCHAR'});

CREATE MACRO pkg(f) AS regexp_extract(f, '([^/]+)/[^/]+\.csv$', 1);

-- Rows with an impossible date are rejected by the tool: TRY_CAST drops them the same way.
CREATE TEMP TABLE sejour AS
SELECT finess, usager_id, date_entree, date_sortie, motifs_exclusion FROM (
  SELECT u.*, row_number() OVER (PARTITION BY finess, usager_id, date_entree
                                 ORDER BY p.date_extraction DESC, p.paquet DESC) AS rn
  FROM (SELECT finess, usager_id, TRY_CAST(date_entree AS DATE) AS date_entree,
               TRY_CAST(date_sortie AS DATE) AS date_sortie, motifs_exclusion, pkg(filename) AS paquet
        FROM read_csv('${DEPOT}/*/usagers.csv', delim = ';', header = true, filename = true, all_varchar = true)) u
  JOIN paquet p USING (paquet)
  WHERE date_entree IS NOT NULL) WHERE rn = 1;

CREATE TEMP TABLE dossier_brut AS
SELECT finess, dossier_id, usager_id, TRY_CAST(date_derniere_modification AS DATE) AS maj, pkg(filename) AS paquet
FROM read_csv('${DEPOT}/*/dossiers.csv', delim = ';', header = true, filename = true, all_varchar = true);

CREATE TEMP TABLE dossier AS
SELECT finess, dossier_id, usager_id FROM (
  SELECT d.*, row_number() OVER (PARTITION BY finess, dossier_id ORDER BY p.date_extraction DESC, p.paquet DESC) rn
  FROM dossier_brut d JOIN paquet p USING (paquet)) WHERE rn = 1;

CREATE TEMP TABLE maj AS
SELECT DISTINCT finess, dossier_id FROM (
  SELECT finess, dossier_id, maj AS d FROM dossier_brut
  UNION ALL
  SELECT finess, dossier_id, TRY_CAST(date_modification AS DATE)
  FROM read_csv('${DEPOT}/*/modifications.csv', delim = ';', header = true, all_varchar = true))
WHERE d BETWEEN DATE '${WS}' AND DATE '${WE}';

CREATE TEMP TABLE latest_pp AS
SELECT finess, dossier_id, statut, date_debut, date_fin FROM (
  SELECT x.*, row_number() OVER (PARTITION BY finess, pp_id ORDER BY p.date_extraction DESC, p.paquet DESC) rn
  FROM (SELECT finess, dossier_id, pp_id, statut, TRY_CAST(date_debut AS DATE) AS date_debut,
               TRY_CAST(date_fin AS DATE) AS date_fin, pkg(filename) AS paquet
        FROM read_csv('${DEPOT}/*/projets_personnalises.csv', delim = ';', header = true, filename = true,
                      all_varchar = true)) x JOIN paquet p USING (paquet)) WHERE rn = 1;

CREATE TEMP TABLE latest_agenda AS
SELECT finess, dossier_id, date_evenement, statut FROM (
  SELECT x.*, row_number() OVER (PARTITION BY finess, evenement_id ORDER BY p.date_extraction DESC, p.paquet DESC) rn
  FROM (SELECT finess, dossier_id, evenement_id, TRY_CAST(date_evenement AS DATE) AS date_evenement,
               coalesce(nullif(statut, ''), 'PREVU') AS statut, pkg(filename) AS paquet
        FROM read_csv('${DEPOT}/*/agenda.csv', delim = ';', header = true, filename = true, all_varchar = true)) x
  JOIN paquet p USING (paquet) WHERE date_evenement IS NOT NULL) WHERE rn = 1;

CREATE TEMP TABLE latest_dmp AS
SELECT finess, dossier_id, date_depot, statut FROM (
  SELECT x.*, row_number() OVER (PARTITION BY finess, document_id ORDER BY p.date_extraction DESC, p.paquet DESC) rn
  FROM (SELECT finess, dossier_id, document_id, TRY_CAST(date_depot AS DATE) AS date_depot,
               coalesce(nullif(statut, ''), 'DEPOSE') AS statut, pkg(filename) AS paquet
        FROM read_csv('${DEPOT}/*/dmp.csv', delim = ';', header = true, filename = true, all_varchar = true)) x
  JOIN paquet p USING (paquet)) WHERE rn = 1;

CREATE TEMP TABLE essms AS
SELECT finess, categorie FROM read_csv('${REF}/essms.csv', delim = ';', header = true, all_varchar = true);

CREATE TEMP TABLE fa AS
SELECT finess, usager_id, bool_or(coalesce(motifs_exclusion, '') LIKE '%ANONYMAT%') AS anonyme
FROM sejour
WHERE date_entree <= DATE '${WE}' AND (date_sortie IS NULL OR date_sortie >= DATE '${WS}')
GROUP BY finess, usager_id;

CREATE TEMP TABLE actif AS
SELECT DISTINCT d.finess, d.dossier_id, d.usager_id
FROM dossier d JOIN maj USING (finess, dossier_id) JOIN fa USING (finess, usager_id);

CREATE TEMP TABLE pds AS SELECT finess FROM essms WHERE categorie IN ('165', '178', '180', '197', '213', '608');

CREATE TEMP TABLE n_fa AS
SELECT finess, count(*) AS accompagnes,
       count(*) FILTER (WHERE anonyme AND finess IN (SELECT finess FROM pds)) AS anonymes
FROM fa GROUP BY finess;

CREATE TEMP TABLE n_actif AS SELECT finess, count(DISTINCT usager_id) AS n FROM actif GROUP BY finess;

CREATE TEMP TABLE n_pp AS
SELECT a.finess, count(DISTINCT a.usager_id) AS n
FROM actif a JOIN latest_pp pp USING (finess, dossier_id)
WHERE pp.statut IN ('EN_PREPARATION', 'ACTIF')
  AND (pp.date_debut IS NULL OR pp.date_debut <= DATE '${WE}')
  AND (pp.date_fin IS NULL OR pp.date_fin >= DATE '${WS}')
GROUP BY a.finess;

CREATE TEMP TABLE n_agenda AS
SELECT a.finess, count(DISTINCT a.usager_id) AS n
FROM actif a JOIN latest_agenda ev USING (finess, dossier_id)
WHERE ev.statut <> 'ANNULE' AND ev.date_evenement BETWEEN DATE '${WS}' AND DATE '${WE}'
GROUP BY a.finess;

CREATE TEMP TABLE n_mss AS
SELECT finess, count(DISTINCT message_id) AS n
FROM read_csv('${DEPOT}/*/mss.csv', delim = ';', header = true, all_varchar = true)
WHERE TRY_CAST(date_envoi AS DATE) BETWEEN DATE '${WS}' AND DATE '${WE}'
GROUP BY finess;

CREATE TEMP TABLE n_dmp AS
SELECT x.finess, count(DISTINCT d.usager_id) AS n
FROM latest_dmp x JOIN dossier d USING (finess, dossier_id)
JOIN fa ON fa.finess = d.finess AND fa.usager_id = d.usager_id
WHERE x.statut IN ('DEPOSE', 'REMPLACE') AND x.date_depot BETWEEN DATE '${WS}' AND DATE '${WE}'
  AND NOT (fa.anonyme AND x.finess IN (SELECT finess FROM pds))
GROUP BY x.finess;

COPY (
  SELECT e.finess,
         coalesce(n_actif.n, 0) AS dossiers_actifs_num, coalesce(n_fa.accompagnes, 0) AS accompagnes,
         coalesce(n_pp.n, 0) AS pp_num, coalesce(n_agenda.n, 0) AS agenda_num, coalesce(n_mss.n, 0) AS mss_num,
         coalesce(n_dmp.n, 0) AS dmp_num, coalesce(n_fa.accompagnes, 0) - coalesce(n_fa.anonymes, 0) AS dmp_den
  FROM essms e
  LEFT JOIN n_fa USING (finess) LEFT JOIN n_actif USING (finess) LEFT JOIN n_pp USING (finess)
  LEFT JOIN n_agenda USING (finess) LEFT JOIN n_mss USING (finess) LEFT JOIN n_dmp USING (finess)
  ORDER BY e.finess
) TO '${OUT}' (HEADER, DELIMITER ';');
