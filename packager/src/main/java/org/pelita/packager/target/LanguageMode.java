package org.pelita.packager.target;

/** Which languages go into which package. */
public enum LanguageMode {
    /** One package per language of the module (the default: smallest downloads). */
    EACH,
    /** One package for one chosen language. */
    ONE,
    /** One package with every language and a language choice. */
    MULTILINGUAL
}
