package org.pelita.packager.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths into the repository (the samples) and to the definition fixtures, wherever Maven runs the tests from. */
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

    /** A module folder under src/test/resources/definitions/, each holding one case. */
    public static Path fixture(String name) {
        try {
            return Path.of(Repository.class.getResource("/definitions/" + name + "/module.yaml").toURI()).getParent();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no definition fixture " + name, e);
        }
    }
}
