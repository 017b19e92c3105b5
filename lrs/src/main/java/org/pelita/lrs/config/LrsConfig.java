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
 */
public record LrsConfig(String host, int port, String databaseUrl, String databaseUser, String databasePassword,
                        long maxBodyBytes, List<String> corsOrigins, Duration consistencyMargin,
                        String authorityHomePage, String logFormat, int databasePoolSize, String defaultVersion) {
    public LrsConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static LrsConfig defaults() {
        return new LrsConfig("127.0.0.1", 8080, "jdbc:h2:file:./data/lrs", "", "", 10L * 1024 * 1024, List.of(),
                Duration.ZERO, "urn:pelita:lrs", "json", 8, "2.0.0");
    }

    public boolean isPostgres() {
        return databaseUrl.startsWith("jdbc:postgresql:");
    }

    public boolean isH2() {
        return databaseUrl.startsWith("jdbc:h2:");
    }
}
