package org.pelita.lrs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.config.ConfigException;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.config.LrsConfig;
import org.pelita.lrs.demo.Demo;
import org.pelita.lrs.demo.PackagerCli;
import org.pelita.lrs.demo.SampleModule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pelita-lrs demo}: the README's first command. Builds every sample module as a web package reporting to
 * this LRS, serves them with a landing page, and prints where to sign in to the dashboard. See docs/demo.md.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Build the sample modules (web target) and start the LRS on H2 with a page from which each can be taken in the browser.",
                "Credentials, secrets and packages are kept in --data and reused on the next start."})
public final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<address>",
            description = "127.0.0.1 (default) or localhost: the packages report over plain http, which browsers allow only there.")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "<n>", description = "TCP port (default ${DEFAULT-VALUE}; 0 for any free port).")
    String port;

    @Option(names = "--data", defaultValue = "data/demo", paramLabel = "<dir>",
            description = "The demo's folder: database, secrets, unzipped packages (default ${DEFAULT-VALUE}). Delete it to start afresh.")
    Path data;

    @Option(names = "--db", paramLabel = "<jdbc-url>", description = "The LRS database (default jdbc:h2:file:<data>/lrs).")
    String db;

    @Option(names = "--samples", defaultValue = "samples", paramLabel = "<dir>",
            description = "A folder of module folders to build (default ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--packager", paramLabel = "<jar>",
            description = "The packager's jar (default: packager/target/pelita-packager.jar, as mvn package builds it).")
    Path packager;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Before anything logs: logback reads it once. Text lines show each statement arriving as the learner works.
        if (System.getProperty("pelita.log.format") == null) {
            System.setProperty("pelita.log.format", "text");
        }
        LrsConfig config;
        try {
            config = config(System.getenv());
            Demo.check(config, samples);
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("pelita-lrs demo: " + e.getMessage());
            return 2;
        }
        out.printf("Pelita demo: building the samples in %s and starting the LRS on %s%n", samples, config.databaseUrl());
        out.flush();
        Demo demo;
        try (PackagerCli cli = PackagerCli.locate(Optional.ofNullable(packager))) {
            demo = Demo.start(config, data, samples, cli, new SecretHasher(), out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("pelita-lrs demo: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 2 : 1;
        }
        demo.lrs().bootstrap().ifPresent(admin -> out.printf("%n  First start: an administrator credential was created (scope all). It is shown only now.%n"
                + "  key:    %s%n  secret: %s%n", admin.key(), admin.secret()));
        out.printf("%n  Take a sample module:  %s%n", demo.landingUrl());
        for (SampleModule sample : demo.samples()) {
            out.printf("    %-20s %s%n", sample.id(), demo.sampleUrl(sample.id()));
        }
        out.printf("  Dashboard:             %s%n", demo.dashboardUrl());
        out.printf("    sign in with key:    %s%n", Demo.READER_KEY);
        out.printf("             secret:     %s%n", demo.readerSecret());
        if (!demo.published().isEmpty()) {
            String first = demo.published().keySet().iterator().next();
            out.printf("  Packages for an LMS:   %s (and every sample, target and language)%n",
                    demo.latestPackageUrl(first, "scorm12", demo.samples().stream().filter(s -> s.id().equals(first)).findFirst()
                            .map(s -> s.languages().get(0)).orElse("en")));
            out.printf("    download with key:   %s%n", Demo.LMS_KEY);
            out.printf("             secret:     %s%n", demo.lmsSecret());
        }
        out.printf("  Data (database, secrets, packages): %s (delete it to start afresh)%n", data.toAbsolutePath().normalize());
        out.printf("  Ctrl-C stops.%n%n");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    /** The LRS's settings (file, environment) with the demo's host, port and database over them. */
    LrsConfig config(Map<String, String> env) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("host", host);
        flags.put("port", port);
        flags.put("db", db != null ? db : "jdbc:h2:file:" + data.toAbsolutePath().normalize().resolve("lrs"));
        return ConfigLoader.load(Optional.empty(), env, flags);
    }
}
