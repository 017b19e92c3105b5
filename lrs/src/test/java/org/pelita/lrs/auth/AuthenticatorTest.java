package org.pelita.lrs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.store.CredentialStore;
import org.pelita.lrs.store.Database;
import org.pelita.lrs.testing.TestDatabases;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.xapi.UnauthorizedException;

/**
 * HTTP Basic authentication (RFC 7617) against stored credentials: anything that is not a well-formed header with
 * a live key and its secret is a 401 (UnauthorizedException), never another error; a verified secret is
 * remembered for {@link Authenticator#RECHECK_AFTER}, so revocation takes effect within that time (docs/lrs.md).
 */
class AuthenticatorTest {
    private static final SecretHasher HASHER = new SecretHasher(4);
    private static final Map<String, Database> DATABASES = new ConcurrentHashMap<>();
    private static final Map<String, String> URLS = new ConcurrentHashMap<>();

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-06-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static Stream<String> databases() {
        return TestLrs.databases().stream();
    }

    static CredentialStore store(String kind) {
        return new CredentialStore(DATABASES.computeIfAbsent(kind, d -> {
            String url = "postgres".equals(d) ? TestDatabases.postgres() : TestDatabases.h2();
            URLS.put(d, url);
            return Database.open(ConfigLoader.load(Optional.empty(), Map.of(), Map.of("db", url)));
        }));
    }

    @AfterAll
    static void close() {
        DATABASES.values().forEach(Database::close);
        URLS.values().forEach(TestDatabases::drop);
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    /** A new credential with the given secret; its key. */
    private static String credential(CredentialStore store, String secret, String scopes) {
        String key = "k-" + UUID.randomUUID();
        store.create(key, HASHER.hash(secret), scopes, Optional.empty(), Optional.of("Test label"));
        return key;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void validCredentialsGiveThePrincipalWithItsScopesAndAuthority(String kind) {
        CredentialStore store = store(kind);
        String key = credential(store, "open sesame", "statements/write define unknown-scope");
        Authenticator authenticator = new Authenticator(store, HASHER, "https://lrs.example.org", new ManualClock());

        Principal principal = authenticator.authenticate(basic(key + ":open sesame"));

        assertThat(principal.key()).isEqualTo(key);
        // An unknown scope name in the row grants nothing; the known ones are kept.
        assertThat(principal.scopes()).containsExactlyInAnyOrder(Scope.STATEMENTS_WRITE, Scope.DEFINE);
        assertThat(principal.authority().path("name").asText()).isEqualTo("Test label");
        assertThat(principal.authority().path("account").path("homePage").asText()).isEqualTo("https://lrs.example.org");
        assertThat(principal.authority().path("account").path("name").asText()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSchemeIsCaseInsensitiveAndTheSecretMayHoldColons(String kind) {
        CredentialStore store = store(kind);
        String key = credential(store, "a:b:c", "all");
        Authenticator authenticator = new Authenticator(store, HASHER, "urn:test", new ManualClock());

        assertThat(authenticator.authenticate("basic " + basic(key + ":a:b:c").substring(6)).key()).isEqualTo(key);
        assertThat(authenticator.authenticate("BASIC " + basic(key + ":a:b:c").substring(6)).key()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void malformedOrWrongCredentialsAreUnauthorizedNeverAnotherError(String kind) {
        CredentialStore store = store(kind);
        String key = credential(store, "right", "all");
        Authenticator authenticator = new Authenticator(store, HASHER, "urn:test", new ManualClock());
        String[] headers = {
            null,
            "",
            "Basic",
            "Basic ",
            "Basic !!!",
            "Basic " + "a".repeat(5),
            basic("no-colon"),
            basic(":right"),
            basic(key + ":"),
            basic(key + ":wrong"),
            basic(key + " :right"),
            basic("unknown-key:right"),
            "Bearer " + basic(key + ":right").substring(6),
            "Digest username=\"" + key + "\"",
            "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xc3, '(', ':', (byte) 0xff}),
        };

        for (String header : headers) {
            assertThatThrownBy(() -> authenticator.authenticate(header)).as(String.valueOf(header))
                    .isInstanceOf(UnauthorizedException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRememberedSecretDoesNotLetAnotherSecretIn(String kind) {
        CredentialStore store = store(kind);
        String key = credential(store, "right", "all");
        Authenticator authenticator = new Authenticator(store, HASHER, "urn:test", new ManualClock());

        authenticator.authenticate(basic(key + ":right"));

        assertThatThrownBy(() -> authenticator.authenticate(basic(key + ":wrong"))).isInstanceOf(UnauthorizedException.class);
        assertThat(authenticator.authenticate(basic(key + ":right")).key()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRevokedCredentialStopsWorkingWithinTheRecheckTime(String kind) {
        CredentialStore store = store(kind);
        String key = credential(store, "right", "all");
        ManualClock clock = new ManualClock();
        Authenticator authenticator = new Authenticator(store, HASHER, "urn:test", clock);
        authenticator.authenticate(basic(key + ":right"));

        store.revoke(key);
        clock.advance(Authenticator.RECHECK_AFTER.minusSeconds(1));
        Principal stillRemembered = authenticator.authenticate(basic(key + ":right"));
        clock.advance(Duration.ofSeconds(2));

        assertThat(stillRemembered.key()).isEqualTo(key);
        assertThatThrownBy(() -> authenticator.authenticate(basic(key + ":right"))).isInstanceOf(UnauthorizedException.class);
    }
}
