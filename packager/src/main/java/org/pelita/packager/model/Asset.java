package org.pelita.packager.model;

import java.nio.file.Path;

/** A file referenced from a page (image, audio, document), copied into the package at {@code packagePath}. */
public record Asset(String packagePath, Path source) {
}
