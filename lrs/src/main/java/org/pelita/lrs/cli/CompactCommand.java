package org.pelita.lrs.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pelita.lrs.config.ConfigException;
import org.pelita.lrs.config.LrsConfig;
import org.pelita.lrs.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code compact}: shrinks an H2 database file to its live data, with the LRS stopped. See docs/lrs.md. */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = "Rewrite an H2 database file to hold only live data. Stop the LRS first.")
public final class CompactCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LrsConfig config = database.config();
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
