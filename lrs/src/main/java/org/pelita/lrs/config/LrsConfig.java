package org.pelita.lrs.config;

import java.time.Duration;
import java.util.List;

/**
 * The LRS's settings, resolved from defaults, a YAML file, environment variables and command-line flags
 * (later layers win) and checked before anything starts.
 *
 * @param host               interface to listen on (127.0.0.1 by default: put a TLS reverse proxy in front)
 * @param port               TCP port (0 = any free port)
 * @param databaseUrl        JDBC URL: H2 (embedded, the default, in ./data) or PostgreSQL
 * @param maxBodyBytes       requests above this get 413
 * @param corsOrigins        origins allowed to call the LRS from a browser ("*" for any)
 * @param consistencyMargin  how far X-Experience-API-Consistent-Through stays behind the clock: time for
 *                           writes in flight in other processes sharing the database to commit
 * @param authorityHomePage  the homePage of the account in the authority the LRS sets on statements
 * @param logFormat          "json" (one JSON object per line) or "text"
 * @param defaultVersion     the xAPI version named in responses to requests that give none (or an unknown one):
 *                           the 1.0.3 and 2.0.0 conformance suites expect different answers there
 * @param packagesDownload   who may download published packages (docs/packages.md): "key" (a credential with scope
 *                           packages, all/read or all) or "public" (anyone)
 * @param packagesMaxBytes   a release uploaded for publishing above this size gets 413
 */
public record LrsConfig(String host, int port, String databaseUrl, String databaseUser, String databasePassword,
                        long maxBodyBytes, List<String> corsOrigins, Duration consistencyMargin,
                        String authorityHomePage, String logFormat, int databasePoolSize, String defaultVersion,
                        String packagesDownload, long packagesMaxBytes) {
    public LrsConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static LrsConfig defaults() {
        return new LrsConfig("127.0.0.1", 8080, "jdbc:h2:file:./data/lrs", "", "", 10L * 1024 * 1024, List.of(),
                Duration.ZERO, "urn:pelita:lrs", "json", 8, "2.0.0", "key", 200L * 1024 * 1024);
    }

    public boolean isPostgres() {
        return databaseUrl.startsWith("jdbc:postgresql:");
    }

    /** Whether anyone may download published packages, without a key. */
    public boolean packagesPublic() {
        return "public".equals(packagesDownload);
    }

    public boolean isH2() {
        return databaseUrl.startsWith("jdbc:h2:");
    }
}
