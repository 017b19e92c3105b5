package org.pelita.packager.content;

/** How a module is cut into separately launched units (SCOs in SCORM). */
public enum UnitLayout {
    /** One unit for the whole module: the simplest to import and grade in Moodle. */
    SINGLE,
    /** The pre-test, each lesson and the post-test as separate units, each tracked on its own. */
    PER_LESSON
}
