package fr.esms.indicateurs.ingest.tddui;

/**
 * Why one resource cannot be mapped: the FHIRPath of the element at fault (relative to the resource) and a French
 * reason. Neither ever quotes the resource's content.
 */
final class Defect extends Exception {

    private final String element;

    Defect(String element, String reason) {
        super(reason, null, false, false);
        this.element = element;
    }

    String element() {
        return element;
    }
}
