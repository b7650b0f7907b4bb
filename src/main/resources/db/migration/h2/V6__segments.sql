-- Pivot rows are stored as segments (see postgresql/V6): the same table, with H2's binary type.
CREATE TABLE segment (
    finess   VARCHAR(9)     NOT NULL,
    sha256   VARCHAR(64)    NOT NULL,
    partie   INTEGER        NOT NULL,
    ordre    VARCHAR(300)   NOT NULL,
    rang     BIGINT         NOT NULL,
    donnees  VARBINARY      NOT NULL,
    PRIMARY KEY (finess, sha256, partie)
);
CREATE SEQUENCE paquet_rang;
