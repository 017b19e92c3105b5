package org.pelita.packager.validate;

/** One concern about a parsed manifest. Checks only add findings; they never stop the others. */
interface ManifestCheck {
    void check(ManifestContext context, Findings findings);
}
