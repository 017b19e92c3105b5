package org.pelita.lrs.testing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pelita.lrs.Lrs;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.config.LrsConfig;
import org.pelita.lrs.store.CredentialStore;

/**
 * An LRS for a test: on 127.0.0.1, a free port, a fresh database; credentials made on demand (bcrypt with a low work
 * factor, to keep tests fast). Closing it stops the server and drops a PostgreSQL test database.
 */
public final class TestLrs implements AutoCloseable {
    public static final String ADMIN = "test-admin";
    private static final SecretHasher FAST = new SecretHasher(4);

    private final String url;
    private final Lrs lrs;

    private TestLrs(String url, Map<String, String> settings) {
        this.url = url;
        Map<String, String> flags = new LinkedHashMap<>(settings);
        flags.put("db", url);
        flags.put("port", "0");
        flags.put("host", "127.0.0.1");
        LrsConfig config = ConfigLoader.load(Optional.empty(), Map.of(), flags);
        this.lrs = Lrs.start(config, FAST, Clock.systemUTC());
        credential(ADMIN, "all");
    }

    public static TestLrs h2() {
        return new TestLrs(TestDatabases.h2(), Map.of());
    }

    public static TestLrs postgres() {
        return new TestLrs(TestDatabases.postgres(), Map.of());
    }

    /** An LRS on the given database kind ("h2" or "postgres") with extra settings (by their flag names). */
    public static TestLrs on(String database, Map<String, String> settings) {
        return new TestLrs("postgres".equals(database) ? TestDatabases.postgres() : TestDatabases.h2(), settings);
    }

    /** An LRS on an existing database, which {@link #close()} then drops. */
    public static TestLrs at(String url) {
        return new TestLrs(url, Map.of());
    }

    /** Stops the server and leaves its database as it is (for tests that reopen it). */
    public void stop() {
        lrs.close();
    }

    public String databaseUrl() {
        return url;
    }

    public Lrs lrs() {
        return lrs;
    }

    public String base() {
        return "http://127.0.0.1:" + lrs.port();
    }

    /** Creates a credential whose secret is "<key>-secret". */
    public TestLrs credential(String key, String scopes) {
        return credential(key, scopes, null);
    }

    public TestLrs credential(String key, String scopes, String activityPrefix) {
        new CredentialStore(lrs.database()).create(key, FAST.hash(key + "-secret"), scopes, Optional.ofNullable(activityPrefix), Optional.of(key));
        return this;
    }

    /** A client for the xAPI base (…/xapi) with the administrator's credentials, speaking 2.0.0. */
    public XapiClient admin() {
        return client(ADMIN, "2.0.0");
    }

    public XapiClient client(String key, String version) {
        return new XapiClient(base() + "/xapi", key, key == null ? null : key + "-secret", version);
    }

    /** A client for the research API (…/api) with this credential (secret "<key>-secret"), or without credentials for null. */
    public XapiClient research(String key) {
        return new XapiClient(base() + "/api", key, key == null ? null : key + "-secret", null);
    }

    /** A client for the published packages (…/packages) with this credential (secret "<key>-secret"), or none for null. */
    public XapiClient packages(String key) {
        return new XapiClient(base() + "/packages", key, key == null ? null : key + "-secret", null);
    }

    /** A client without credentials or version header (for /health and raw checks). */
    public XapiClient anonymous() {
        return new XapiClient(base(), null, null, null);
    }

    @Override
    public void close() {
        lrs.close();
        TestDatabases.drop(url);
    }

    public static List<String> databases() {
        return List.of("h2", "postgres");
    }
}
