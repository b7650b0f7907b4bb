-- Rules as data (regles/<version>/): the version a project names and whether its software is Ségur-referenced
-- (the 2022 amounts depend on it); the SHA-256 of the rules files each result was computed with (null for the
-- rows computed before this version, which were all under the built-in 2025 rules).
ALTER TABLE ref_projet ADD COLUMN version_regles VARCHAR(20);
ALTER TABLE ref_projet ADD COLUMN logiciel_reference_segur BOOLEAN;
ALTER TABLE resultat ADD COLUMN empreinte_regles VARCHAR(64);
