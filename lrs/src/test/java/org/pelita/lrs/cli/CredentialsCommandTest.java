package org.pelita.lrs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.cli.CommandLineRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.cli.CommandLineRun.Result;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * {@code pelita-lrs credentials create | list | revoke} (docs/lrs.md "Credentials"), run in-process against the
 * database of a running test LRS, which must accept what the command creates. The commands never prompt: without
 * --secret, create makes a random secret and prints it once (the documented behaviour, so they work in scripts).
 * One test runs the command as a separate process against the H2 file the LRS holds open (H2's AUTO_SERVER).
 */
class CredentialsCommandTest {
    private static final Map<String, TestLrs> SERVERS = new ConcurrentHashMap<>();
    private static final String PREFIX = "https://pelita.example.org/modules/cli-test/";

    static Stream<String> databases() {
        return TestLrs.databases().stream();
    }

    static TestLrs lrs(String database) {
        return SERVERS.computeIfAbsent(database, d -> TestLrs.on(d, Map.of()));
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(TestLrs::close);
    }

    private static String key() {
        return "cli-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The line of `credentials list` for this key, or null. */
    private static String listed(String url, String key) {
        Result list = run("credentials", "list", "--db", url);
        assertThat(list.exit()).as(list.err()).isEqualTo(0);
        return list.out().lines().filter(line -> line.startsWith(key + " ")).findFirst().orElse(null);
    }

    private static XapiClient client(TestLrs lrs, String key, String secret) {
        return lrs.client(key, "2.0.0").with("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    private static String anyActivity() {
        return "/activities?" + XapiClient.query("activityId", "https://pelita.example.org/activities/a");
    }

    private static String statementAbout(String activityId) {
        return "{\"actor\":{\"mbox\":\"mailto:learner@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":{\"id\":\"" + activityId + "\"}}";
    }

    /** The LRS's settings file names the database, so the commands work from any folder (an operator's shell). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theCommandsReadTheDatabaseFromTheSettingsFileGivenWithConfig(String database) throws IOException {
        TestLrs lrs = lrs(database);
        String key = key();
        Path settings = Files.createTempFile("lrs-", ".yaml");
        Files.writeString(settings, "db: \"" + lrs.databaseUrl() + "\"\n");

        Result create = run("credentials", "create", "--config", settings.toString(), "--key", key, "--scope", "statements/read");

        assertThat(create.exit()).as(create.err()).isEqualTo(0);
        assertThat(listed(lrs.databaseUrl(), key)).contains("statements/read");
        Result missing = run("credentials", "list", "--config", settings + ".absent");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains(".absent");
        Files.delete(settings);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void createdCredentialsAreListedWithoutTheirSecretAndTheRunningLrsAcceptsThem(String database) {
        TestLrs lrs = lrs(database);
        String key = key();
        String secret = "S-" + UUID.randomUUID();

        Result create = run("credentials", "create", "--db", lrs.databaseUrl(), "--key", key, "--secret", secret, "--scope", "all",
                "--label", "CLI test");
        String line = listed(lrs.databaseUrl(), key);
        Result list = run("credentials", "list", "--db", lrs.databaseUrl());

        assertThat(create.exit()).as(create.err()).isEqualTo(0);
        assertThat(create.out()).contains("key: " + key).contains("scopes: all").doesNotContain(secret);
        assertThat(line).contains("active").contains("all").contains("CLI test");
        assertThat(list.out()).doesNotContain(secret);
        String hash = new org.pelita.lrs.store.CredentialStore(lrs.lrs().database()).byKey(key).orElseThrow().secretHash();
        assertThat(hash).startsWith("$2").doesNotContain(secret);
        assertThat(new SecretHasher(4).matches(secret, hash)).isTrue();
        assertThat(client(lrs, key, secret).get(anyActivity()).status()).isEqualTo(200);
        assertThat(client(lrs, key, "wrong").get(anyActivity()).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRevokedCredentialIsListedAsRevokedAndRefused(String database) {
        TestLrs lrs = lrs(database);
        String key = key();
        run("credentials", "create", "--db", lrs.databaseUrl(), "--key", key, "--secret", "s", "--scope", "state");

        Result revoke = run("credentials", "revoke", "--db", lrs.databaseUrl(), "--key", key);
        Result again = run("credentials", "revoke", "--db", lrs.databaseUrl(), "--key", key);

        assertThat(revoke.exit()).as(revoke.err()).isEqualTo(0);
        assertThat(revoke.out()).contains("revoked " + key);
        assertThat(listed(lrs.databaseUrl(), key)).contains("revoked");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("no active credential with the key '" + key + "'");
        assertThat(client(lrs, key, "s").get(anyActivity()).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTakenKeyIsRefusedWithAMessageAndTheFirstCredentialKept(String database) {
        TestLrs lrs = lrs(database);
        String key = key();
        run("credentials", "create", "--db", lrs.databaseUrl(), "--key", key, "--secret", "first", "--scope", "all");

        Result second = run("credentials", "create", "--db", lrs.databaseUrl(), "--key", key, "--secret", "second", "--scope", "state");

        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.err()).contains("a credential with the key '" + key + "' exists already");
        assertThat(listed(lrs.databaseUrl(), key)).contains(" all ");
        assertThat(client(lrs, key, "first").get(anyActivity()).status()).isEqualTo(200);
        assertThat(client(lrs, key, "second").get(anyActivity()).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void withoutASecretARandomOneIsPrintedOnceAndWorks(String database) {
        TestLrs lrs = lrs(database);
        String key = key();

        Result create = run("credentials", "create", "--db", lrs.databaseUrl(), "--key", key, "--scope", "all/read");
        Matcher secret = Pattern.compile("secret: ([0-9a-f]{48})").matcher(create.out());

        assertThat(create.exit()).as(create.err()).isEqualTo(0);
        assertThat(secret.find()).as(create.out()).isTrue();
        assertThat(listed(lrs.databaseUrl(), key)).doesNotContain(secret.group(1));
        assertThat(client(lrs, key, secret.group(1)).get(anyActivity()).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUnknownScopeIsRefusedListingTheValidOnesAndNothingIsCreated(String database) {
        TestLrs lrs = lrs(database);
        String key = key();

        Result create = run("credentials", "create", "--db", lrs.databaseUrl(), "--key", key, "--secret", "s", "--scope", "state,everything");

        assertThat(create.exit()).isNotEqualTo(0);
        assertThat(create.err()).contains("unknown scope 'everything'")
                .contains("statements/write", "statements/read/mine", "statements/read", "state", "define", "profile", "all/read", "all");
        assertThat(listed(lrs.databaseUrl(), key)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anActivityPrefixMakesAWriteOnlyKeyForThoseActivities(String database) {
        TestLrs lrs = lrs(database);
        String key = key();

        Result create = run("credentials", "create", "--db", lrs.databaseUrl(), "--key", key, "--secret", "pkg", "--scope",
                "statements/write", "--activity-prefix", PREFIX);
        XapiClient pkg = client(lrs, key, "pkg");
        XapiClient.Response inside = pkg.post("/statements", statementAbout(PREFIX + "page-1"));
        XapiClient.Response outside = pkg.post("/statements", statementAbout("https://pelita.example.org/modules/other/page-1"));
        XapiClient.Response read = pkg.get("/statements");

        assertThat(create.exit()).as(create.err()).isEqualTo(0);
        assertThat(create.out()).contains(PREFIX);
        assertThat(listed(lrs.databaseUrl(), key)).contains("statements/write").contains(PREFIX);
        assertThat(inside.status()).as(inside.toString()).isEqualTo(200);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(read.status()).isEqualTo(403);
    }

    /** define with a prefix: the package's own activity definitions become the LRS's (the names reports show), no others. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPackageKeyMayAlsoDefineItsOwnActivitiesAndNoOthers(String database) {
        TestLrs lrs = lrs(database);
        String key = key();
        String tag = key();
        String own = PREFIX + tag;
        String other = "https://pelita.example.org/modules/other/" + tag;

        Result create = run("credentials", "create", "--db", lrs.databaseUrl(), "--key", key, "--secret", "pkg", "--scope",
                "statements/write define", "--activity-prefix", PREFIX);
        String statement = "{\"actor\":{\"mbox\":\"mailto:l@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":{\"id\":\"" + own + "\",\"definition\":{\"name\":{\"en\":\"Own\"}}},"
                + "\"context\":{\"contextActivities\":{\"parent\":[{\"id\":\"" + other + "\",\"definition\":{\"name\":{\"en\":\"Hijacked\"}}}]}}}";
        XapiClient.Response post = client(lrs, key, "pkg").post("/statements", statement);

        assertThat(create.exit()).as(create.err()).isEqualTo(0);
        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        XapiClient admin = lrs.admin();
        assertThat(admin.get("/activities?activityId=" + java.net.URLEncoder.encode(own, java.nio.charset.StandardCharsets.UTF_8)).text())
                .contains("Own");
        assertThat(admin.get("/activities?activityId=" + java.net.URLEncoder.encode(other, java.nio.charset.StandardCharsets.UTF_8)).text())
                .doesNotContain("Hijacked");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anActivityPrefixWithAnyOtherScopeIsRefused(String database) {
        TestLrs lrs = lrs(database);
        String key = key();

        Result create = run("credentials", "create", "--db", lrs.databaseUrl(), "--key", key, "--secret", "s", "--scope", "all",
                "--activity-prefix", PREFIX);

        assertThat(create.exit()).isNotEqualTo(0);
        assertThat(create.err()).contains("--activity-prefix is for write-only keys");
        assertThat(listed(lrs.databaseUrl(), key)).isNull();
    }

    @Test
    void missingRequiredOptionsOrAKeyThatCannotGoInABasicHeaderAreRefused() {
        String url = lrs("h2").databaseUrl();

        Result noKey = run("credentials", "create", "--db", url, "--scope", "all");
        Result noScope = run("credentials", "create", "--db", url, "--key", key());
        Result colon = run("credentials", "create", "--db", url, "--key", "has:colon", "--secret", "s", "--scope", "all");
        Result revokeNoKey = run("credentials", "revoke", "--db", url);

        assertThat(noKey.exit()).isNotEqualTo(0);
        assertThat(noKey.err()).contains("--key");
        assertThat(noScope.exit()).isNotEqualTo(0);
        assertThat(noScope.err()).contains("--scope");
        assertThat(colon.exit()).isNotEqualTo(0);
        assertThat(colon.err()).contains("the key may use letters, digits");
        assertThat(listed(url, "has:colon")).isNull();
        assertThat(revokeNoKey.exit()).isNotEqualTo(0);
    }

    /**
     * The documented way to add a credential to a running LRS on H2: the command, another process, opens the file the
     * LRS holds through H2's automatic server (the LRS opens H2 with AUTO_SERVER=TRUE).
     */
    @Test
    void aSeparateProcessCreatesACredentialInTheH2FileARunningLrsHoldsAndTheLrsAcceptsIt() throws Exception {
        TestLrs lrs = lrs("h2");
        String key = key();

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.pelita.lrs.cli.PelitaLrs",
                "credentials", "create", "--db", lrs.databaseUrl(), "--key", key, "--secret", "from-outside", "--scope", "state")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);

        assertThat(ended).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(0);
        assertThat(output).contains("key: " + key);
        String state = "/activities/state?" + XapiClient.query("activityId", "https://pelita.example.org/a/" + key) + "&"
                + XapiClient.query("agent", "{\"mbox\":\"mailto:learner@example.org\"}") + "&stateId=s";
        XapiClient client = client(lrs, key, "from-outside");
        assertThat(client.put(state, "{\"from\":\"outside\"}").status()).isEqualTo(204);
        assertThat(client.get(state).text()).isEqualTo("{\"from\":\"outside\"}");
    }
}
