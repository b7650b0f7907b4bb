-- esms-indicateurs schema, portable between H2 and PostgreSQL (Spring Batch's tables: V1, per database).

-- Export packages, identified by the SHA-256 of their content.
CREATE TABLE paquet (
    sha256           VARCHAR(64)  NOT NULL PRIMARY KEY,
    nom              VARCHAR(255) NOT NULL,
    ordre            VARCHAR(300),
    editeur          VARCHAR(255),
    logiciel         VARCHAR(255),
    version_logiciel VARCHAR(100),
    finess_ej        VARCHAR(9),
    date_extraction  DATE,
    periode_debut    DATE,
    periode_fin      DATE,
    statut           VARCHAR(10)  NOT NULL,
    ingere_le        TIMESTAMP    NOT NULL
);

CREATE TABLE paquet_fichier (
    sha256        VARCHAR(64)   NOT NULL,
    fichier       VARCHAR(255)  NOT NULL,
    lus           BIGINT        NOT NULL,
    retenus       BIGINT        NOT NULL,
    rejetes       BIGINT        NOT NULL,
    rejet_entier  VARCHAR(2000),
    PRIMARY KEY (sha256, fichier)
);

CREATE TABLE paquet_rejet (
    sha256   VARCHAR(64)   NOT NULL,
    fichier  VARCHAR(255)  NOT NULL,
    ligne    BIGINT        NOT NULL,
    colonne  VARCHAR(255),
    valeur   VARCHAR(2000),
    motif    VARCHAR(2000) NOT NULL
);
CREATE INDEX paquet_rejet_sha256 ON paquet_rejet (sha256);

CREATE TABLE paquet_avertissement (
    sha256   VARCHAR(64)   NOT NULL,
    fichier  VARCHAR(255),
    ligne    BIGINT        NOT NULL,
    message  VARCHAR(2000) NOT NULL
);
CREATE INDEX paquet_avertissement_sha256 ON paquet_avertissement (sha256);

-- The ESSMS each package fed (data-quality reports, completeness, incremental runs).
CREATE TABLE paquet_essms (
    sha256  VARCHAR(64) NOT NULL,
    finess  VARCHAR(9)  NOT NULL,
    PRIMARY KEY (sha256, finess)
);

-- Pivot data combined across exports. "ordre" = date_extraction|package name: the latest export wins by key.
CREATE TABLE sejour (
    finess       VARCHAR(9)   NOT NULL,
    usager_id    VARCHAR(100) NOT NULL,
    date_entree  DATE         NOT NULL,
    date_sortie  DATE,
    motifs       VARCHAR(1000),
    ordre        VARCHAR(300) NOT NULL,
    PRIMARY KEY (finess, usager_id, date_entree)
);

CREATE TABLE dossier (
    finess                      VARCHAR(9)   NOT NULL,
    dossier_id                  VARCHAR(100) NOT NULL,
    usager_id                   VARCHAR(100) NOT NULL,
    date_creation               DATE         NOT NULL,
    date_derniere_modification  DATE         NOT NULL,
    ordre                       VARCHAR(300) NOT NULL,
    PRIMARY KEY (finess, dossier_id)
);

-- Months (AAAAMM) in which a record was updated: journal entries and every snapshot's last update.
CREATE TABLE dossier_maj (
    finess      VARCHAR(9)   NOT NULL,
    dossier_id  VARCHAR(100) NOT NULL,
    mois        INTEGER      NOT NULL,
    PRIMARY KEY (finess, dossier_id, mois)
);

CREATE TABLE projet_personnalise (
    finess      VARCHAR(9)   NOT NULL,
    pp_id       VARCHAR(100) NOT NULL,
    dossier_id  VARCHAR(100) NOT NULL,
    statut      VARCHAR(20)  NOT NULL,
    date_debut  DATE,
    date_fin    DATE,
    ordre       VARCHAR(300) NOT NULL,
    PRIMARY KEY (finess, pp_id)
);

CREATE TABLE agenda (
    finess          VARCHAR(9)   NOT NULL,
    evenement_id    VARCHAR(100) NOT NULL,
    dossier_id      VARCHAR(100) NOT NULL,
    date_evenement  DATE         NOT NULL,
    statut          VARCHAR(20)  NOT NULL,
    ordre           VARCHAR(300) NOT NULL,
    PRIMARY KEY (finess, evenement_id)
);

CREATE TABLE mss (
    finess      VARCHAR(9)   NOT NULL,
    message_id  VARCHAR(100) NOT NULL,
    date_envoi  DATE         NOT NULL,
    ordre       VARCHAR(300) NOT NULL,
    PRIMARY KEY (finess, message_id)
);

CREATE TABLE dmp (
    finess       VARCHAR(9)   NOT NULL,
    document_id  VARCHAR(100) NOT NULL,
    dossier_id   VARCHAR(100) NOT NULL,
    date_depot   DATE         NOT NULL,
    statut       VARCHAR(20)  NOT NULL,
    ordre        VARCHAR(300) NOT NULL,
    PRIMARY KEY (finess, document_id)
);

-- EPRESCRIPTION and EPARCOURS events.
CREATE TABLE compteur (
    finess      VARCHAR(9)   NOT NULL,
    indicateur  VARCHAR(20)  NOT NULL,
    id          VARCHAR(100) NOT NULL,
    date_evt    DATE         NOT NULL,
    ordre       VARCHAR(300) NOT NULL,
    PRIMARY KEY (finess, indicateur, id)
);

-- The referential of the latest run (reports and the solde read it).
CREATE TABLE ref_essms (
    finess          VARCHAR(9)   NOT NULL PRIMARY KEY,
    finess_ej       VARCHAR(9)   NOT NULL,
    raison_sociale  VARCHAR(500) NOT NULL,
    categorie       VARCHAR(10)  NOT NULL,
    departement     VARCHAR(10)  NOT NULL,
    projet_id       VARCHAR(100) NOT NULL,
    editeur         VARCHAR(255)
);

CREATE TABLE ref_projet (
    projet_id             VARCHAR(100) NOT NULL PRIMARY KEY,
    intitule              VARCHAR(500) NOT NULL,
    finess_ej_porteur     VARCHAR(9)   NOT NULL,
    type_financement      VARCHAR(20)  NOT NULL,
    date_convention       DATE,
    date_fin_deploiement  DATE
);

CREATE TABLE ref_amenagement (
    finess         VARCHAR(9)   NOT NULL,
    indicateur     VARCHAR(30)  NOT NULL,
    motif          VARCHAR(100) NOT NULL,
    nombre         INTEGER      NOT NULL,
    periode_debut  DATE         NOT NULL,
    periode_fin    DATE         NOT NULL,
    reference      VARCHAR(500)
);

CREATE TABLE ref_rejet (
    fichier  VARCHAR(255)  NOT NULL,
    ligne    BIGINT        NOT NULL,
    colonne  VARCHAR(255),
    valeur   VARCHAR(2000),
    motif    VARCHAR(2000) NOT NULL
);

-- Indicator history: one row per ESSMS, measure month, window and indicator.
CREATE TABLE resultat (
    finess             VARCHAR(9)  NOT NULL,
    mois               VARCHAR(7)  NOT NULL,
    fenetre_mois       INTEGER     NOT NULL,
    indicateur         VARCHAR(30) NOT NULL,
    numerateur         BIGINT      NOT NULL,
    denominateur_brut  BIGINT,
    ajustement         BIGINT      NOT NULL,
    denominateur       BIGINT,
    cible              INTEGER,
    atteinte           VARCHAR(10),
    manque             BIGINT      NOT NULL,
    version_regles     VARCHAR(20) NOT NULL,
    avec_donnees       BOOLEAN     NOT NULL,
    calcule_le         TIMESTAMP   NOT NULL,
    PRIMARY KEY (finess, mois, fenetre_mois, indicateur)
);

CREATE TABLE resultat_amenagement (
    finess        VARCHAR(9)    NOT NULL,
    mois          VARCHAR(7)    NOT NULL,
    fenetre_mois  INTEGER       NOT NULL,
    indicateur    VARCHAR(30),
    motif         VARCHAR(100)  NOT NULL,
    source        VARCHAR(20)   NOT NULL,
    personnes     BIGINT        NOT NULL,
    applique      BOOLEAN       NOT NULL,
    libelle       VARCHAR(500),
    reference     VARCHAR(500),
    raison        VARCHAR(1000)
);
CREATE INDEX resultat_amenagement_cle ON resultat_amenagement (finess, mois, fenetre_mois);

CREATE TABLE resultat_avertissement (
    finess        VARCHAR(9)    NOT NULL,
    mois          VARCHAR(7)    NOT NULL,
    fenetre_mois  INTEGER       NOT NULL,
    message       VARCHAR(2000) NOT NULL
);
CREATE INDEX resultat_avertissement_cle ON resultat_avertissement (finess, mois, fenetre_mois);

-- One row per lock: a run holds it with SELECT ... FOR UPDATE NOWAIT on a connection of its own, so a crashed
-- process releases it with its connection.
CREATE TABLE verrou_execution (
    nom  VARCHAR(50) NOT NULL PRIMARY KEY
);
INSERT INTO verrou_execution (nom) VALUES ('traitement');
