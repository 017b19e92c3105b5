package org.pelita.packager.testing;

import java.nio.file.Path;

/** Paths into the repository (the samples), wherever Maven runs the tests from. */
public final class Repository {
    private Repository() {
    }

    public static Path root() {
        String configured = System.getProperty("pelita.repo");
        return (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
    }

    public static Path sample(String name) {
        return root().resolve("samples").resolve(name);
    }
}
