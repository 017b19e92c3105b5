package org.pelita.packager.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

    /** Every module folder under samples/ (one with a module.yaml), by name: tests over all samples pick up new ones. */
    public static List<Path> samples() {
        try (Stream<Path> folders = Files.list(root().resolve("samples"))) {
            return folders.filter(f -> Files.isRegularFile(f.resolve("module.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a definition fixture in {@code folder}, for a test that changes it; the copy's path. */
    public static Path copyOfFixture(String name, Path folder) {
        Path source = fixture(name);
        Path copy = folder.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
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
