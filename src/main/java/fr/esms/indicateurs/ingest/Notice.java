package fr.esms.indicateurs.ingest;

/** A warning found while reading a package, handed to the visitor later, in the order the contract says. */
record Notice(String file, long line, String message) {

    void sendTo(PackageVisitor visitor) {
        visitor.warning(file, line, message);
    }
}
