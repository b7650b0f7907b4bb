package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.store.ProvenanceStore.FedPackage;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What the Preuves sheet states besides the figures: the canonical CSV and its SHA-256, the command line that
 * produced the proof (without any password), the tool's version, when, and every package that fed the figures.
 */
public record SoldeProof(String csvFileName, String csvSha256, String commandLine, String toolVersion,
                         LocalDateTime producedAt, boolean encrypted, List<FedPackage> packages) {

    public SoldeProof {
        packages = List.copyOf(packages);
    }
}
