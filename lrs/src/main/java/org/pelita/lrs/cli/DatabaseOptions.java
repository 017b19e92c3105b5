package org.pelita.lrs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.config.LrsConfig;
import org.pelita.lrs.store.Database;
import picocli.CommandLine.Option;

/**
 * The database options of the commands that work on the LRS's database without starting it (credentials, compact,
 * erase, rebuild-reports). Settings resolve as the LRS's own do: --config (or ./lrs.yaml), the environment, the flags.
 */
class DatabaseOptions {
    @Option(names = "--config", paramLabel = "<file>",
            description = "The LRS's YAML settings file, for its database settings (default: ./lrs.yaml if present).")
    Path configFile;

    @Option(names = "--db", paramLabel = "<jdbc-url>", description = "The LRS database (default: the LRS's own setting).")
    String db;

    @Option(names = "--db-user")
    String user;

    @Option(names = "--db-password")
    String password;

    /** These options over the environment and the defaults, as the LRS itself reads them. */
    LrsConfig config() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("db", db);
        flags.put("db-user", user);
        flags.put("db-password", password);
        return ConfigLoader.load(Optional.ofNullable(configFile), System.getenv(), flags);
    }

    Database open() {
        return Database.open(config());
    }
}
