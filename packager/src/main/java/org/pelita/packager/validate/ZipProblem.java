package org.pelita.packager.validate;

/** A zip so broken or oversized that nothing inside it is read; becomes one ERROR finding. */
final class ZipProblem extends Exception {
    private final String code;

    ZipProblem(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    Finding toFinding() {
        return Finding.error(code, Location.ZIP, getMessage());
    }
}
