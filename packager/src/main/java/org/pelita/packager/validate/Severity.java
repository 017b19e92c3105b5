package org.pelita.packager.validate;

/** How bad a finding is. Declared worst first: reports sort on this order. */
public enum Severity {
    /** Moodle refuses the package, mis-tracks it, or the zip is unsafe to extract. */
    ERROR,
    /** Works in Moodle today, but fragile or refused by stricter LMSs. */
    WARNING,
    /** Worth knowing; nothing to fix. */
    INFO
}
