package org.pelita.lrs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pelita.lrs.Lrs;
import org.pelita.lrs.config.ConfigException;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.config.LrsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar pelita-lrs.jar} starts the LRS (on H2 in ./data unless told otherwise); subcommands run the demo
 * (samples served with the LRS), manage credentials, compact H2 files, erase a learner, rebuild the reports' rows and run
 * the load benchmark. No logger field here: logging is configured from the flags first.
 */
@Command(name = "pelita-lrs", mixinStandardHelpOptions = true, versionProvider = PelitaLrs.Version.class,
        description = {"An xAPI 1.0.3 and 2.0.0 Learning Record Store.",
                "Settings come from defaults, a YAML file (--config, or ./lrs.yaml), PELITA_LRS_* environment variables and flags, later ones winning."},
        subcommands = {DemoCommand.class, CredentialsCommand.class, CompactCommand.class, EraseCommand.class, RebuildReportsCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class PelitaLrs implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "<file>", description = "YAML settings file (default: ./lrs.yaml if present).")
    Path config;

    @Option(names = "--host", paramLabel = "<address>", description = "Interface to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "<n>", description = "TCP port (default 8080; 0 for any free port).")
    String port;

    @Option(names = "--db", paramLabel = "<jdbc-url>", description = "jdbc:h2:... (default jdbc:h2:file:./data/lrs) or jdbc:postgresql://host/db.")
    String db;

    @Option(names = "--db-user", paramLabel = "<user>")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "<password>", description = "Better given as PELITA_LRS_DB_PASSWORD.")
    String dbPassword;

    @Option(names = "--max-body-bytes", paramLabel = "<n>", description = "Largest request body accepted (default 10485760).")
    String maxBodyBytes;

    @Option(names = "--cors-origins", paramLabel = "<origins>", description = "Comma-separated origins allowed from browsers, or *.")
    String corsOrigins;

    @Option(names = "--log-format", paramLabel = "json|text")
    String logFormat;

    @Option(names = "--default-version", paramLabel = "2.0.0|1.0.3",
            description = "Version named in responses to requests without a valid X-Experience-API-Version (default 2.0.0).")
    String defaultVersion;

    @Option(names = "--packages-download", paramLabel = "key|public",
            description = "Who may download published packages: key (a credential with scope packages; the default) or public.")
    String packagesDownload;

    @Option(names = "--first-admin-file", paramLabel = "<file>", defaultValue = "first-admin.txt",
            description = "Where a first start writes the administrator's secret when the output is not a terminal"
                    + " (default: ${DEFAULT-VALUE} in the working directory).")
    Path firstAdminFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PelitaLrs()).execute(args));
    }

    Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("host", host);
        flags.put("port", port);
        flags.put("db", db);
        flags.put("db-user", dbUser);
        flags.put("db-password", dbPassword);
        flags.put("max-body-bytes", maxBodyBytes);
        flags.put("cors-origins", corsOrigins);
        flags.put("log-format", logFormat);
        flags.put("default-version", defaultVersion);
        flags.put("packages-download", packagesDownload);
        return flags;
    }

    LrsConfig resolve() {
        return ConfigLoader.load(Optional.ofNullable(config), System.getenv(), flags());
    }

    @Override
    public Integer call() throws InterruptedException {
        LrsConfig settings;
        try {
            settings = resolve();
        } catch (ConfigException e) {
            System.err.println("pelita-lrs: " + e.getMessage());
            return 2;
        }
        System.setProperty("pelita.log.format", settings.logFormat());
        Lrs lrs = Lrs.start(settings);
        lrs.bootstrap().ifPresent(admin -> FirstAdminNotice.announce(admin, System.console() != null, firstAdminFile, System.out));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            lrs.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PelitaLrs.class.getPackage().getImplementationVersion();
            return new String[] {"pelita-lrs " + (version == null ? "development" : version)};
        }
    }
}
