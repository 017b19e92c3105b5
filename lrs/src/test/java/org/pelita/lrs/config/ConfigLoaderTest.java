package org.pelita.lrs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Settings in layers (docs/lrs.md "Settings"): defaults, then a YAML file, then PELITA_LRS_* environment variables,
 * then flags, later ones winning; every value checked, with a message that names the setting.
 */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path file = dir.resolve("lrs.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static Map<String, String> flags(String... nameValue) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            flags.put(nameValue[i], nameValue[i + 1]);
        }
        return flags;
    }

    private static LrsConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        return ConfigLoader.load(file, env, flags);
    }

    @Test
    void withoutSettingsTheLrsListensLocallyOnH2UnderData() {
        LrsConfig config = ConfigLoader.resolve(Map.of());

        assertThat(config.databaseUrl()).isEqualTo("jdbc:h2:file:./data/lrs");
        assertThat(config.isH2()).isTrue();
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(config.corsOrigins()).isEmpty();
        assertThat(config.defaultVersion()).isEqualTo("2.0.0");
        assertThat(config.logFormat()).isEqualTo("json");
    }

    @Test
    void laterLayersWinDefaultsThenFileThenEnvironmentThenFlags() throws IOException {
        Path file = file("port: 1111\nhost: 10.0.0.1\nlog-format: text\n");
        Map<String, String> env = Map.of("PELITA_LRS_PORT", "2222", "PELITA_LRS_HOST", "10.0.0.2");
        Map<String, String> flags = flags("port", "3333");

        LrsConfig all = load(Optional.of(file), env, flags);
        LrsConfig noFlags = load(Optional.of(file), env, Map.of());
        LrsConfig fileOnly = load(Optional.of(file), Map.of(), Map.of());

        assertThat(all.port()).isEqualTo(3333);
        assertThat(all.host()).isEqualTo("10.0.0.2");
        assertThat(all.logFormat()).isEqualTo("text");
        assertThat(all.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(noFlags.port()).isEqualTo(2222);
        assertThat(fileOnly.port()).isEqualTo(1111);
        assertThat(fileOnly.host()).isEqualTo("10.0.0.1");
    }

    @Test
    void aFlagGivenAsNullOrABlankEnvironmentVariableLeavesTheLayerBelow() throws IOException {
        Path file = file("port: 1111\n");
        Map<String, String> nullFlag = new LinkedHashMap<>();
        nullFlag.put("port", null);

        LrsConfig config = load(Optional.of(file), Map.of("PELITA_LRS_PORT", "  "), nullFlag);

        assertThat(config.port()).isEqualTo(1111);
    }

    @Test
    void everySettingHasItsEnvironmentVariable() {
        Map<String, String> env = Map.of(
                "PELITA_LRS_DB", "jdbc:postgresql://db.internal:5432/lrs",
                "PELITA_LRS_DB_USER", "lrs",
                "PELITA_LRS_DB_PASSWORD", "pw",
                "PELITA_LRS_DB_POOL_SIZE", "3",
                "PELITA_LRS_MAX_BODY_BYTES", "2048",
                "PELITA_LRS_CORS_ORIGINS", "https://lms.example.org, http://localhost:3000",
                "PELITA_LRS_CONSISTENCY_MARGIN_MS", "1000",
                "PELITA_LRS_AUTHORITY_HOME_PAGE", "https://lrs.example.org",
                "PELITA_LRS_DEFAULT_VERSION", "1.0.3");

        LrsConfig config = load(Optional.empty(), env, Map.of());

        assertThat(config.isPostgres()).isTrue();
        assertThat(config.databaseUser()).isEqualTo("lrs");
        assertThat(config.databasePassword()).isEqualTo("pw");
        assertThat(config.databasePoolSize()).isEqualTo(3);
        assertThat(config.maxBodyBytes()).isEqualTo(2048);
        assertThat(config.corsOrigins()).containsExactly("https://lms.example.org", "http://localhost:3000");
        assertThat(config.consistencyMargin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.authorityHomePage()).isEqualTo("https://lrs.example.org");
        assertThat(config.defaultVersion()).isEqualTo("1.0.3");
    }

    @Test
    void corsOriginsMayBeAYamlList() throws IOException {
        Path file = file("cors-origins: [https://moodle.example.org, https://learn.example.org:8443]\n");

        assertThat(load(Optional.of(file), Map.of(), Map.of()).corsOrigins())
                .containsExactly("https://moodle.example.org", "https://learn.example.org:8443");
    }

    @Test
    void anUnknownSettingInTheFileIsAnErrorNamingTheFileAndTheSetting() throws IOException {
        Path file = file("port: 8080\nmax-body-size: 100\n");

        assertThatThrownBy(() -> load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'max-body-size'")
                .hasMessageContaining("max-body-bytes");
    }

    @Test
    void aNamedFileThatDoesNotExistOrIsNotYamlSettingsIsAnError() throws IOException {
        Path missing = dir.resolve("missing.yaml");
        Path list = file("- port\n- host\n");

        assertThatThrownBy(() -> load(Optional.of(missing), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> load(Optional.of(list), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(list.toString());
        Path broken = file("port: [8080\n");
        assertThatThrownBy(() -> load(Optional.of(broken), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void anEmptyFileOrOneWithOnlyCommentsChangesNothing() throws IOException {
        assertThat(load(Optional.of(file("")), Map.of(), Map.of()).port()).isEqualTo(8080);
        assertThat(load(Optional.of(file("# port: 9090\n# host: 0.0.0.0\n")), Map.of(), Map.of()).port()).isEqualTo(8080);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "port|70000|port must be a whole number from 0 to 65535, not '70000'",
        "port|-1|port must be a whole number from 0 to 65535",
        "port|eighty|port must be a whole number from 0 to 65535, not 'eighty'",
        "db|jdbc:mysql://localhost/lrs|db 'jdbc:mysql://localhost/lrs' is not an H2 or PostgreSQL JDBC URL",
        "db|./data/lrs|is not an H2 or PostgreSQL JDBC URL",
        "cors-origins|https://lms.example.org/course|cors-origins: 'https://lms.example.org/course' is not an origin",
        "cors-origins|lms.example.org|cors-origins: 'lms.example.org' is not an origin",
        "max-body-bytes|100|max-body-bytes must be a whole number from 1024",
        "db-pool-size|0|db-pool-size must be a whole number from 1 to 200",
        "consistency-margin-ms|600000|consistency-margin-ms must be a whole number from 0 to 60000",
        "log-format|xml|log-format must be json or text, not 'xml'",
        "default-version|1.0.2|default-version must be 2.0.0 or 1.0.3, not '1.0.2'",
        "packages-download|anyone|packages-download must be key (a credential with scope packages, all/read or all) or public, not 'anyone'",
        "packages-max-bytes|10|packages-max-bytes must be a whole number from 1024",
    })
    void aBadValueIsRefusedWithAMessageNamingTheSetting(String setting, String value, String message) {
        assertThatThrownBy(() -> load(Optional.empty(), Map.of(), flags(setting, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void packagesNeedAKeyUnlessTheOperatorMakesThemPublic() {
        assertThat(load(Optional.empty(), Map.of(), Map.of()).packagesPublic()).isFalse();
        assertThat(load(Optional.empty(), Map.of("PELITA_LRS_PACKAGES_DOWNLOAD", "public"), Map.of()).packagesPublic()).isTrue();
    }

    @Test
    void aBadValueInTheEnvironmentIsRefusedToo() {
        assertThatThrownBy(() -> load(Optional.empty(), Map.of("PELITA_LRS_PORT", "70000"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("port");
    }

    @Test
    void theWildcardAndPortsAreValidOrigins() {
        for (String origins : List.of("*", "http://localhost:8080", "https://a.example.org,https://b.example.org")) {
            assertThat(load(Optional.empty(), Map.of(), flags("cors-origins", origins)).corsOrigins()).isNotEmpty();
        }
    }
}
