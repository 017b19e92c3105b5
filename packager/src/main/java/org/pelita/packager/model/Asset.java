package org.pelita.packager.model;

import java.nio.file.Path;

/**
 * A file referenced from a page (image, audio, document), copied into the package at {@code packagePath}, which is
 * under {@link #DIRECTORY} at its path in the module folder.
 */
public record Asset(String packagePath, Path source) {
    /** Where a package keeps the module's own files: its media, as against the pages and the runtime. */
    public static final String DIRECTORY = "assets/";
}
