-- The SHA-256 of each package last seen in a dépôt, with the state of its files (sizes, modification times,
-- identities) when it was computed: an unchanged package is not read and hashed again at the next run
-- (ingest/PackageStamp). Only a cache: emptied, every package is hashed again.
CREATE TABLE empreinte_depot (
    depot VARCHAR(1000) NOT NULL,
    nom VARCHAR(1000) NOT NULL,
    etat CHAR(64) NOT NULL,
    sha256 CHAR(64) NOT NULL,
    PRIMARY KEY (depot, nom)
);
