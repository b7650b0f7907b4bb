-- Pivot rows are stored as segments: the rows one package gave for one ESSMS, in file order, in a compact binary
-- form (store/SegmentCodec). One database row per ESSMS and package instead of one per pivot row is what makes a
-- national month ingest in seconds rather than minutes; the key-by-key combination ("latest export wins") is done
-- when reading. "ordre" (date_extraction|package name) then "rang" (ingestion order) place the package among
-- exports; a package too large for memory gives several parts, numbered in file order.
CREATE TABLE segment (
    finess   VARCHAR(9)     NOT NULL,
    sha256   VARCHAR(64)    NOT NULL,
    partie   INTEGER        NOT NULL,
    ordre    VARCHAR(300)   NOT NULL,
    rang     BIGINT         NOT NULL,
    donnees  BYTEA          NOT NULL,
    PRIMARY KEY (finess, sha256, partie)
);
CREATE SEQUENCE paquet_rang;
