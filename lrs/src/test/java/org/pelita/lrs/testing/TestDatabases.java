package org.pelita.lrs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases for tests: H2 in a new temporary folder, or a new PostgreSQL database on the server named by
 * PELITA_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/test). Without a reachable PostgreSQL the test is
 * skipped with a message, except under CI (PELITA_CI=1), where that is a failure.
 */
public final class TestDatabases {
    private static final String SERVER = System.getenv().getOrDefault("PELITA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    private TestDatabases() {
    }

    public static String h2() {
        try {
            return "jdbc:h2:file:" + Files.createTempDirectory("pelita-lrs-test-").resolve("lrs");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether tests can reach PostgreSQL; a skip (or, under CI, a failure) otherwise. */
    public static void requirePostgres() {
        try (Connection c = DriverManager.getConnection(SERVER)) {
            c.isValid(2);
        } catch (SQLException e) {
            String message = "PostgreSQL tests need a server at " + SERVER + " (set PELITA_TEST_PG_URL): " + e.getMessage();
            if ("1".equals(System.getenv("PELITA_CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** A new, empty PostgreSQL database; its JDBC URL. */
    public static String postgres() {
        requirePostgres();
        String name = "pelita_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(SERVER)) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + SERVER, e);
        }
        int slash = SERVER.lastIndexOf('/');
        int query = SERVER.indexOf('?', slash);
        return SERVER.substring(0, slash + 1) + name + (query >= 0 ? SERVER.substring(query) : "");
    }

    /** Drops a database made by {@link #postgres()}, or deletes the folder of one made by {@link #h2()}. */
    public static void drop(String url) {
        if (url.startsWith("jdbc:h2:file:")) {
            deleteH2Folder(Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]).getParent());
            return;
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            return;
        }
        String name = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        try (Connection c = DriverManager.getConnection(SERVER)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test database " + name, e);
        }
    }

    private static void deleteH2Folder(Path folder) {
        if (folder == null || !folder.getFileName().toString().startsWith("pelita-lrs-test-")) {
            return; // only what h2() made
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test database folder " + folder, e);
        }
    }
}
