package fr.esms.indicateurs.ingest;

import java.io.IOException;

/**
 * A package that cannot be read safely (zip-slip, zip bomb, unreadable or ambiguous archive). The message is
 * French: it goes to the rejection report as is.
 */
final class PackageRefusedException extends IOException {

    PackageRefusedException(String frenchReason) {
        super(frenchReason);
    }

    PackageRefusedException(String frenchReason, Throwable cause) {
        super(frenchReason, cause);
    }
}
