package org.pelita.lrs.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@link LrsConfig} in layers: defaults, then a YAML file (given, or ./lrs.yaml if present), then
 * environment variables PELITA_LRS_*, then command-line flags. Every value is checked; an unknown key in the
 * file is an error (a typo would otherwise be silently ignored).
 */
public final class ConfigLoader {
    /** Setting name (as in the file and flags) → environment variable. */
    static final Map<String, String> KEYS = keys();

    private ConfigLoader() {
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String key : List.of("host", "port", "db", "db-user", "db-password", "max-body-bytes", "cors-origins",
                "consistency-margin-ms", "authority-home-page", "log-format", "db-pool-size", "default-version", "packages-download",
                "packages-max-bytes")) {
            keys.put(key, "PELITA_LRS_" + key.toUpperCase().replace('-', '_'));
        }
        return Map.copyOf(keys);
    }

    /**
     * @param file  a YAML file named by the user (must exist), or empty to read ./lrs.yaml when it exists
     * @param flags settings given on the command line, by name
     */
    public static LrsConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        Path path = file.orElse(Path.of("lrs.yaml"));
        if (file.isPresent() || Files.isRegularFile(path)) {
            values.putAll(readFile(path));
        }
        KEYS.forEach((key, variable) -> {
            if (env.containsKey(variable) && !env.get(variable).isBlank()) {
                values.put(key, env.get(variable));
            }
        });
        flags.forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
            }
        });
        return resolve(values);
    }

    static Map<String, String> readFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("configuration file " + path + " does not exist");
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
            Map<String, String> values = new LinkedHashMap<>();
            // An empty file, or one with only comments, reads as a missing node: no settings.
            if (root == null || root.isNull() || root.isMissingNode()) {
                return values;
            }
            if (!root.isObject()) {
                throw new ConfigException(path + ": expected settings as `key: value` lines");
            }
            root.fields().forEachRemaining(e -> {
                if (!KEYS.containsKey(e.getKey())) {
                    throw new ConfigException(path + ": unknown setting '" + e.getKey() + "'; known settings: "
                            + String.join(", ", KEYS.keySet()));
                }
                JsonNode v = e.getValue();
                values.put(e.getKey(), v.isArray() ? String.join(",", toList(v)) : v.asText());
            });
            return values;
        } catch (IOException e) {
            throw new ConfigException(path + " is not valid YAML: " + e.getMessage());
        }
    }

    private static List<String> toList(JsonNode array) {
        java.util.ArrayList<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    static LrsConfig resolve(Map<String, String> values) {
        LrsConfig d = LrsConfig.defaults();
        String db = values.getOrDefault("db", d.databaseUrl());
        if (!db.startsWith("jdbc:h2:") && !db.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("db '" + db + "' is not an H2 or PostgreSQL JDBC URL (jdbc:h2:... or jdbc:postgresql://host/db)");
        }
        String format = values.getOrDefault("log-format", d.logFormat());
        if (!Set.of("json", "text").contains(format)) {
            throw new ConfigException("log-format must be json or text, not '" + format + "'");
        }
        String defaultVersion = values.getOrDefault("default-version", d.defaultVersion());
        if (!Set.of("2.0.0", "1.0.3").contains(defaultVersion)) {
            throw new ConfigException("default-version must be 2.0.0 or 1.0.3, not '" + defaultVersion + "'");
        }
        String packagesDownload = values.getOrDefault("packages-download", d.packagesDownload());
        if (!Set.of("key", "public").contains(packagesDownload)) {
            throw new ConfigException("packages-download must be key (a credential with scope packages, all/read or all) or public, not '"
                    + packagesDownload + "'");
        }
        List<String> origins = values.containsKey("cors-origins")
                ? Arrays.stream(values.get("cors-origins").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()
                : d.corsOrigins();
        for (String origin : origins) {
            if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
                throw new ConfigException("cors-origins: '" + origin + "' is not an origin (scheme://host[:port], no path) or *");
            }
        }
        return new LrsConfig(
                values.getOrDefault("host", d.host()),
                integer(values, "port", d.port(), 0, 65535),
                db,
                values.getOrDefault("db-user", d.databaseUser()),
                values.getOrDefault("db-password", d.databasePassword()),
                integer(values, "max-body-bytes", d.maxBodyBytes(), 1024, Integer.MAX_VALUE),
                origins,
                Duration.ofMillis(integer(values, "consistency-margin-ms", d.consistencyMargin().toMillis(), 0, 60_000)),
                values.getOrDefault("authority-home-page", d.authorityHomePage()),
                format,
                (int) integer(values, "db-pool-size", d.databasePoolSize(), 1, 200),
                defaultVersion,
                packagesDownload,
                integer(values, "packages-max-bytes", d.packagesMaxBytes(), 1024, Long.MAX_VALUE / 2));
    }

    private static int integer(Map<String, String> values, String key, int fallback, long min, long max) {
        return (int) integer(values, key, (long) fallback, min, max);
    }

    private static long integer(Map<String, String> values, String key, long fallback, long min, long max) {
        if (!values.containsKey(key)) {
            return fallback;
        }
        try {
            long value = Long.parseLong(values.get(key).trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key + " must be a whole number from " + min + " to " + max + ", not '" + values.get(key) + "'");
    }
}
