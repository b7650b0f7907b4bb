-- Month closings (cloturer): each revision of a (month, window) keeps, immutably, what the month showed when it
-- was closed. These tables are only ever inserted into: no UPDATE, no DELETE (the purge does not touch them).

CREATE TABLE cloture (
    mois              VARCHAR(7)    NOT NULL,
    fenetre_mois      INTEGER       NOT NULL,
    revision          INTEGER       NOT NULL,
    cloture_par       VARCHAR(255)  NOT NULL,
    cloture_le        TIMESTAMP     NOT NULL,
    commentaire       VARCHAR(2000),
    -- The rules versions of the revision's rows and their fingerprints, each list space-separated, in the same
    -- order (every row keeps its own in cloture_resultat).
    version_regles    VARCHAR(200)  NOT NULL,
    empreinte_regles  VARCHAR(1000) NOT NULL,
    -- Closed although ESSMS had no data or late data (--malgre-manquants): their FINESS, space-separated.
    malgre_manquants  BOOLEAN       NOT NULL,
    sans_donnees      VARCHAR(4000),
    en_retard         VARCHAR(4000),
    essms             INTEGER       NOT NULL,
    lignes            INTEGER       NOT NULL,
    fichier           VARCHAR(255)  NOT NULL,
    sha256            VARCHAR(64)   NOT NULL,
    PRIMARY KEY (mois, fenetre_mois, revision)
);

-- The result rows of the revision, as resultat held them.
CREATE TABLE cloture_resultat (
    mois               VARCHAR(7)  NOT NULL,
    fenetre_mois       INTEGER     NOT NULL,
    revision           INTEGER     NOT NULL,
    finess             VARCHAR(9)  NOT NULL,
    indicateur         VARCHAR(30) NOT NULL,
    numerateur         BIGINT      NOT NULL,
    denominateur_brut  BIGINT,
    ajustement         BIGINT      NOT NULL,
    denominateur       BIGINT,
    cible              INTEGER,
    atteinte           VARCHAR(10),
    manque             BIGINT      NOT NULL,
    version_regles     VARCHAR(20) NOT NULL,
    empreinte_regles   VARCHAR(64),
    avec_donnees       BOOLEAN     NOT NULL,
    calcule_le         TIMESTAMP   NOT NULL,
    source_chiffres    VARCHAR(10),
    paquet_agregats    VARCHAR(255),
    PRIMARY KEY (mois, fenetre_mois, revision, finess, indicateur)
);

-- Every adjustment applied or refused, as resultat_amenagement held them.
CREATE TABLE cloture_amenagement (
    mois          VARCHAR(7)    NOT NULL,
    fenetre_mois  INTEGER       NOT NULL,
    revision      INTEGER       NOT NULL,
    finess        VARCHAR(9)    NOT NULL,
    indicateur    VARCHAR(30),
    motif         VARCHAR(100)  NOT NULL,
    source        VARCHAR(20)   NOT NULL,
    personnes     BIGINT        NOT NULL,
    applique      BOOLEAN       NOT NULL,
    libelle       VARCHAR(500),
    reference     VARCHAR(500),
    raison        VARCHAR(1000)
);
CREATE INDEX cloture_amenagement_cle ON cloture_amenagement (mois, fenetre_mois, revision, finess);

CREATE TABLE cloture_avertissement (
    mois          VARCHAR(7)    NOT NULL,
    fenetre_mois  INTEGER       NOT NULL,
    revision      INTEGER       NOT NULL,
    finess        VARCHAR(9)    NOT NULL,
    message       VARCHAR(2000) NOT NULL
);
CREATE INDEX cloture_avertissement_cle ON cloture_avertissement (mois, fenetre_mois, revision, finess);

-- The packages that fed the revision (ingested, period overlapping the window), copied from paquet.
CREATE TABLE cloture_paquet (
    mois             VARCHAR(7)    NOT NULL,
    fenetre_mois     INTEGER       NOT NULL,
    revision         INTEGER       NOT NULL,
    sha256           VARCHAR(64)   NOT NULL,
    nom              VARCHAR(255)  NOT NULL,
    editeur          VARCHAR(255),
    date_extraction  DATE,
    recu_le          TIMESTAMP     NOT NULL,
    PRIMARY KEY (mois, fenetre_mois, revision, sha256)
);

-- Which ESSMS of the revision each of its packages fed.
CREATE TABLE cloture_paquet_essms (
    mois          VARCHAR(7)   NOT NULL,
    fenetre_mois  INTEGER      NOT NULL,
    revision      INTEGER      NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    finess        VARCHAR(9)   NOT NULL,
    PRIMARY KEY (mois, fenetre_mois, revision, sha256, finess)
);
