package org.pelita.lrs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pelita.lrs.Lrs;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.bench.LoadBench;
import org.pelita.lrs.bench.PackagesBench;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.config.LrsConfig;
import org.pelita.lrs.store.CredentialStore;
import org.pelita.lrs.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: starts an LRS in this process on a free port (H2 in a temporary folder unless --db names a database)
 * and measures it with light client threads: statements posted singly and in batches, then filtered GETs; then fills
 * the store to --fill statements and measures again, then times each research export over the whole store. See
 * docs/benchmarks.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Load benchmark: posts and queries against an LRS started here.")
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", description = "Database to measure (default: H2 in a new temporary folder). Give an empty one.")
    String db;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent client connections (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "15", description = "Length of each posting phase (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--batch", defaultValue = "50", description = "Statements per batch request (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--fill", defaultValue = "0", description = "Fill the store to this many statements, then measure again (e.g. 1000000).")
    long fill;

    @Option(names = "--gets", defaultValue = "400", description = "Requests per filtered GET (default ${DEFAULT-VALUE}).")
    int gets;

    @Option(names = "--warmup", defaultValue = "30", description = "Seconds of load before measuring, so the JIT has compiled the hot code (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--get-clients", defaultValue = "2", description = "Concurrent clients for the GET phases (default ${DEFAULT-VALUE}).")
    int getClients;

    @Option(names = "--vacuum", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "PostgreSQL: VACUUM ANALYZE after the fill, as autovacuum would (default ${DEFAULT-VALUE}; --no-vacuum measures right after the load).")
    boolean vacuum;

    @Option(names = "--reports", defaultValue = "10", description = "Requests per research report (default ${DEFAULT-VALUE}; 0: none).")
    int reports;

    @Option(names = "--plans", description = "Print the database's query plan of each filtered GET (after the last phase).")
    boolean plans;

    @Option(names = "--limit", defaultValue = "100", description = "Statements per GET page (default ${DEFAULT-VALUE}, the LRS's default page).")
    int limit;

    @Option(names = "--packages", paramLabel = "<MB>", defaultValue = "0",
            description = "Measure the published packages instead: publish a release with a package of this many MB, download it "
                    + "with --clients clients at once, then time --gets requests for a small package, in full and with its ETag.")
    int packagesMegabytes;

    @Override
    public Integer call() throws Exception {
        System.setProperty("pelita.log.format", "text");
        System.setProperty("pelita.log.access", "WARN");
        PrintWriter out = spec.commandLine().getOut();
        Path folder = db != null ? null : Files.createTempDirectory("pelita-bench-");
        String url = db != null ? db : "jdbc:h2:file:" + folder.resolve("lrs");
        LrsConfig config = ConfigLoader.load(Optional.empty(), Map.of(),
                Map.of("db", url, "port", "0", "host", "127.0.0.1"));
        try {
            try (Lrs lrs = Lrs.start(config)) {
                run(lrs, config, out);
                if (folder != null) {
                    out.printf("H2 database file: %,d MB while the LRS runs%n", size(folder) / 1_000_000);
                }
            }
            if (folder != null) {
                long started = System.nanoTime();
                Database.compact(config);
                out.printf("H2 database file: %,d MB after `compact` (%.0f s)%n", size(folder) / 1_000_000, (System.nanoTime() - started) / 1e9);
            }
        } finally {
            if (folder != null) {
                delete(folder);
            }
        }
        return 0;
    }

    private void run(Lrs lrs, LrsConfig config, PrintWriter out) throws Exception {
        new CredentialStore(lrs.database()).create("bench", new SecretHasher(4).hash("bench-secret"), "all", Optional.empty(), Optional.empty());
        if (packagesMegabytes > 0) {
            out.printf("LRS on %s; %d cores; %s %s%n", config.isH2() ? "H2" : "PostgreSQL", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"));
            new PackagesBench("127.0.0.1", lrs.port(), "bench", "bench-secret", out).run(packagesMegabytes, clients, gets);
            return;
        }
        LoadBench bench = new LoadBench("127.0.0.1", lrs.port(), "bench", "bench-secret", out);
        out.printf("LRS on %s; %d cores; %s %s; %d clients; %ds phases; batches of %d; GET pages of %d%n",
                config.isH2() ? "H2" : "PostgreSQL", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), clients, seconds, batch, limit);
        bench.post("warm-up", clients, 1, Duration.ofSeconds(Math.max(1, warmup / 2)));
        bench.post("warm-up", clients, batch, Duration.ofSeconds(Math.max(1, warmup / 2)));
        bench.queries(clients, 50, limit);
        measure(bench, out, "empty store");
        if (fill > 0) {
            LoadBench.Result filled = bench.fill(clients, batch, fill);
            out.printf("filled to %,d statements in %.0f s (%,.0f statements/s)%n", filled.statements(),
                    filled.elapsed().toMillis() / 1000.0, filled.statementsPerSecond());
            if (vacuum && !config.isH2()) {
                long started = System.nanoTime();
                lrs.database().vacuum();
                out.printf("VACUUM ANALYZE after the fill (as autovacuum would, later): %.0f s%n", (System.nanoTime() - started) / 1e9);
            }
            measure(bench, out, String.format("%,d statements", filled.statements()));
            exports(lrs, bench, out);
        }
        if (plans) {
            for (var filter : LoadBench.filters().entrySet()) {
                Map<String, java.util.List<String>> parameters = new java.util.LinkedHashMap<>();
                parameters.put("limit", java.util.List.of(String.valueOf(limit)));
                for (String pair : filter.getValue().apply(7).split("&")) {
                    if (!pair.isEmpty()) {
                        String[] kv = pair.split("=", 2);
                        parameters.put(kv[0], java.util.List.of(java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8)));
                    }
                }
                out.println("-- plan: " + filter.getKey());
                out.println(lrs.explain(parameters));
            }
        }
        lrs.database().sizeOnDisk().ifPresent(bytes -> out.printf("PostgreSQL database size: %,d MB%n", bytes / 1_000_000));
    }

    /**
     * Each research export over the whole store, one at a time: rows per second, size, time and the heap of this JVM,
     * which shows that an export streams (its heap stays far below its size).
     */
    private static void exports(Lrs lrs, LoadBench bench, PrintWriter out) throws Exception {
        new CredentialStore(lrs.database()).create("bench-research", new SecretHasher(4).hash("bench-research-secret"), "research",
                Optional.empty(), Optional.empty());
        out.println("-- exports of the whole store (one client)");
        bench.print(bench.export("export NDJSON, pseudonyms (scope research)", "/api/exports/statements.ndjson", "bench-research", "bench-research-secret"));
        bench.print(bench.export("export CSV, pseudonyms (scope research)", "/api/exports/statements.csv", "bench-research", "bench-research-secret"));
        bench.print(bench.export("export NDJSON, identities (scope all)", "/api/exports/statements.ndjson", "bench", "bench-secret"));
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** The temporary database goes when the bench ends: a million statements take gigabytes. */
    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private void measure(LoadBench bench, PrintWriter out, String store) throws InterruptedException {
        out.println("-- " + store);
        bench.print(bench.post("POST single statements", clients, 1, Duration.ofSeconds(seconds)));
        bench.print(bench.post("POST batches of " + batch, clients, batch, Duration.ofSeconds(seconds)));
        for (LoadBench.Result result : bench.queries(getClients, gets, limit).values()) {
            bench.print(result);
        }
        for (LoadBench.Result result : reports > 0 ? bench.reports(reports).values() : java.util.List.<LoadBench.Result>of()) {
            bench.print(result);
        }
    }
}
