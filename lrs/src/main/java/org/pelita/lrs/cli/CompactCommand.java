package org.pelita.lrs.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pelita.lrs.config.ConfigException;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.config.LrsConfig;
import org.pelita.lrs.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code compact}: shrinks an H2 database file to its live data, with the LRS stopped. See docs/lrs.md. */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = "Rewrite an H2 database file to hold only live data. Stop the LRS first.")
public final class CompactCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "<jdbc-url>", description = "The H2 database (default: the LRS's own setting).")
    String db;

    @Option(names = "--db-user")
    String user;

    @Option(names = "--db-password")
    String password;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> flags = new java.util.LinkedHashMap<>();
        flags.put("db", db);
        flags.put("db-user", user);
        flags.put("db-password", password);
        LrsConfig config = ConfigLoader.load(Optional.empty(), System.getenv(), flags);
        Optional<Path> file = Database.h2File(config.databaseUrl());
        long before = size(file);
        long started = System.nanoTime();
        try {
            Database.compact(config);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        out.printf("compacted %s in %.1f s: %,d MB before, %,d MB after%n", file.map(Path::toString).orElse(config.databaseUrl()),
                (System.nanoTime() - started) / 1e9, before / 1_000_000, size(file) / 1_000_000);
        return 0;
    }

    private static long size(Optional<Path> file) throws java.io.IOException {
        return file.isPresent() && Files.exists(file.get()) ? Files.size(file.get()) : 0;
    }
}
