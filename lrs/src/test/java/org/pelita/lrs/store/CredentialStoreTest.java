package org.pelita.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.auth.Authenticator;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.auth.Scope;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.testing.TestDatabases;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.xapi.UnauthorizedException;

/**
 * The credential store on H2 and PostgreSQL: a key is unique (a second create is refused, the first kept), a
 * revoked credential no longer authenticates, and the secret is only ever stored as a bcrypt hash.
 */
class CredentialStoreTest {
    private static final SecretHasher HASHER = new SecretHasher(4);
    private static final Map<String, Database> DATABASES = new ConcurrentHashMap<>();
    private static final Map<String, String> URLS = new ConcurrentHashMap<>();

    static Database database(String kind) {
        return DATABASES.computeIfAbsent(kind, d -> {
            String url = "postgres".equals(d) ? TestDatabases.postgres() : TestDatabases.h2();
            URLS.put(d, url);
            return Database.open(ConfigLoader.load(Optional.empty(), Map.of(), Map.of("db", url)));
        });
    }

    static Stream<String> databases() {
        return TestLrs.databases().stream();
    }

    @AfterAll
    static void close() {
        DATABASES.values().forEach(Database::close);
        URLS.values().forEach(TestDatabases::drop);
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    private static Principal authenticate(Database database, String key, String secret) {
        // A new Authenticator each time: its short-lived cache of verified secrets is AuthenticatorTest's subject.
        String header = "Basic " + java.util.Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Authenticator(new CredentialStore(database), HASHER, "urn:test", Clock.systemUTC()).authenticate(header);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCreatedCredentialIsFoundByItsKey(String kind) {
        CredentialStore store = new CredentialStore(database(kind));
        String key = key();
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);

        boolean created = store.create(key, HASHER.hash("s3cret"), "statements/write", Optional.of("https://pelita.example.org/m/"),
                Optional.of("Module key"));
        StoredCredential credential = store.byKey(key).orElseThrow();

        assertThat(created).isTrue();
        assertThat(credential.key()).isEqualTo(key);
        assertThat(credential.scopes()).isEqualTo("statements/write");
        assertThat(credential.activityPrefix()).contains("https://pelita.example.org/m/");
        assertThat(credential.label()).contains("Module key");
        assertThat(credential.revoked()).isEmpty();
        assertThat(credential.created()).isAfter(before);
        assertThat(store.byKey(key.toUpperCase())).isEmpty();
        assertThat(store.isEmpty()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSecondCredentialWithTheSameKeyIsRefusedAndTheFirstKept(String kind) {
        Database database = database(kind);
        CredentialStore store = new CredentialStore(database);
        String key = key();
        store.create(key, HASHER.hash("first"), "all", Optional.empty(), Optional.of("first"));

        boolean second = store.create(key, HASHER.hash("second"), "state", Optional.empty(), Optional.of("second"));

        assertThat(second).isFalse();
        assertThat(store.byKey(key).orElseThrow().scopes()).isEqualTo("all");
        assertThat(store.all().stream().filter(c -> c.key().equals(key))).hasSize(1);
        assertThat(authenticate(database, key, "first").key()).isEqualTo(key);
        assertThatThrownBy(() -> authenticate(database, key, "second")).isInstanceOf(UnauthorizedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void allListsCredentialsInCreationOrderWithHashesOnly(String kind) {
        CredentialStore store = new CredentialStore(database(kind));
        List<String> keys = List.of(key(), key(), key());
        for (String key : keys) {
            store.create(key, HASHER.hash(key + "-plain"), "all/read", Optional.empty(), Optional.empty());
        }

        List<StoredCredential> listed = store.all().stream().filter(c -> keys.contains(c.key())).toList();

        assertThat(listed).extracting(StoredCredential::key).containsExactlyElementsOf(keys);
        assertThat(listed).allSatisfy(c -> assertThat(c.secretHash()).doesNotContain("-plain").startsWith("$2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRevokedCredentialIsMarkedOnceAndNoLongerAuthenticates(String kind) {
        Database database = database(kind);
        CredentialStore store = new CredentialStore(database);
        String key = key();
        store.create(key, HASHER.hash("secret"), "state profile", Optional.empty(), Optional.empty());
        Principal before = authenticate(database, key, "secret");

        boolean revoked = store.revoke(key);
        boolean again = store.revoke(key);

        assertThat(before.scopes()).containsExactlyInAnyOrder(Scope.STATE, Scope.PROFILE);
        assertThat(revoked).isTrue();
        assertThat(again).isFalse();
        assertThat(store.byKey(key).orElseThrow().revoked()).isPresent();
        assertThat(store.revoke(key())).isFalse();
        assertThatThrownBy(() -> authenticate(database, key, "secret")).isInstanceOf(UnauthorizedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSecretIsStoredAsABcryptHashAndNeverInClear(String kind) {
        Database database = database(kind);
        String key = key();
        String secret = "plain-" + UUID.randomUUID();
        new CredentialStore(database).create(key, HASHER.hash(secret), "all", Optional.empty(), Optional.of("label"));

        Record row = database.sql().fetchOne("select * from credential where api_key = ?", key);
        String hash = row.get("secret_hash", String.class);

        assertThat(hash).matches("\\$2[aby]\\$04\\$[./A-Za-z0-9]{53}");
        assertThat(HASHER.matches(secret, hash)).isTrue();
        for (Object value : row.intoArray()) {
            assertThat(String.valueOf(value)).doesNotContain(secret);
        }
    }
}
