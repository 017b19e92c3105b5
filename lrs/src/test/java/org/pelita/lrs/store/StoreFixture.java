package org.pelita.lrs.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.auth.Scope;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.service.Received;
import org.pelita.lrs.service.StatementService;
import org.pelita.lrs.testing.TestDatabases;
import org.pelita.lrs.xapi.Agents;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.StatementComparison;
import org.pelita.lrs.xapi.StatementKeys;
import org.pelita.lrs.xapi.StatementNormalizer;
import org.pelita.lrs.xapi.StatementQueryParser;
import org.pelita.lrs.xapi.Times;
import org.pelita.lrs.xapi.XapiVersion;
import org.pelita.lrs.xapi.validation.AgentValidator;
import org.pelita.lrs.xapi.validation.StatementValidator;

/**
 * The statement store of one fresh database (H2 or PostgreSQL), wired as {@code Lrs} wires it: a {@link Database}, a
 * {@link StatementStore}, a {@link StatementWriter} (two writer threads on PostgreSQL, one on H2) and services over
 * them. Statements are built the way the service builds them (normaliser, keys, comparison hash), so the tests store
 * real data.
 */
final class StoreFixture implements AutoCloseable {
    static final String VOIDED = StatementService.VOIDED;
    private static final StatementValidator VALIDATOR = new StatementValidator(XapiVersion.V2_0_0);

    final String kind;
    final String url;
    final Database database;
    final StatementStore store;
    final StatementWriter writer;
    final StatementQueryParser parser = new StatementQueryParser(100, 500, AgentValidator::validateActor);

    private StoreFixture(String kind) {
        this.kind = kind;
        this.url = "postgres".equals(kind) ? TestDatabases.postgres() : TestDatabases.h2();
        this.database = open(url);
        this.store = new StatementStore(database);
        // Activity definitions are not what these tests look at: the newest definition wins.
        this.writer = new StatementWriter(database, isPostgres() ? 2 : 1, (stored, incoming) -> incoming,
                StoreFixture::bodyKeys);
    }

    /** As the LRS wires it (LrsRules.bodyKeys). */
    static StatementWriter.BodyKeys bodyKeys(String body) {
        JsonNode statement = Json.parse(body, "statement");
        return new StatementWriter.BodyKeys(StatementKeys.of(statement), StatementKeys.target(statement).orElse(null));
    }

    static Database open(String url) {
        return Database.open(ConfigLoader.load(Optional.empty(), Map.of(), Map.of("db", url)));
    }

    boolean isPostgres() {
        return "postgres".equals(kind);
    }

    /** A service whose stored times come from the given clock (never going backwards, as in the LRS). */
    StatementService service(Clock clock) {
        return new StatementService(store, writer, (received, version) -> {
            JsonNode json = received.json();
            if (json.isArray()) {
                for (int i = 0; i < json.size(); i++) {
                    VALIDATOR.validate(json.get(i), "$[" + i + "]");
                }
            } else {
                VALIDATOR.validate(json, "$");
            }
        }, clock, Duration.ZERO);
    }

    StatementService service() {
        return service(Clock.systemUTC());
    }

    /** POSTs statements (a JSON object or array) through a service on the system clock; their ids. */
    List<UUID> post(Principal who, String json) {
        return service().post(received(json), who, XapiVersion.V2_0_0);
    }

    static Received received(String json) {
        return new Received(Json.parse(json, "statements"), List.of(), false);
    }

    @Override
    public void close() {
        writer.close();
        database.close();
        TestDatabases.drop(url);
    }

    // ---- principals ------------------------------------------------------------------------------------------

    /** A credential's principal with the authority the Authenticator would give it (an account on the LRS). */
    static Principal principal(String key, Scope... scopes) {
        ObjectNode authority = Json.MAPPER.createObjectNode();
        authority.put("objectType", "Agent");
        ObjectNode account = authority.putObject("account");
        account.put("homePage", "urn:pelita:lrs");
        account.put("name", key);
        return new Principal(key, Set.of(scopes), Optional.empty(), authority, Agents.identifier(authority).orElseThrow());
    }

    static Principal admin() {
        return principal("store-test-admin", Scope.ALL);
    }

    // ---- statements built as the service builds them ---------------------------------------------------------

    /** The statement as the service would store it: normalised with this id, stored time and authority. */
    static NewStatement prepare(String json, UUID id, OffsetDateTime stored, Principal who) {
        ObjectNode statement = StatementNormalizer.normalize(Json.parse(json, "statement"), id, Times.format(stored),
                who.authority(), XapiVersion.V2_0_0);
        JsonNode object = statement.path("object");
        UUID target = "StatementRef".equals(object.path("objectType").asText()) ? UUID.fromString(object.path("id").asText()) : null;
        boolean voiding = VOIDED.equals(statement.path("verb").path("id").asText());
        Map<String, String> definitions = new LinkedHashMap<>();
        if (object.has("definition")) {
            ObjectNode activity = Json.MAPPER.createObjectNode();
            activity.put("objectType", "Activity");
            activity.put("id", object.path("id").asText());
            activity.set("definition", object.get("definition"));
            definitions.put(object.path("id").asText(), Json.write(activity));
        }
        return new NewStatement(id, stored, who.authorityId(), voiding ? target : null, target,
                statement.path("version").asText(), StatementComparison.hash(statement), Json.write(statement),
                StatementKeys.of(statement), List.of(), definitions);
    }

    static NewStatement prepare(String json, UUID id) {
        return prepare(json, id, now(), admin());
    }

    static OffsetDateTime now() {
        return Times.truncate(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** A simple statement: mailto:{actor}@example.org did {verb} {activity}. */
    static String statement(String actor, String verb, String activity) {
        return "{\"actor\":{\"mbox\":\"mailto:" + actor + "@example.org\"},"
                + "\"verb\":{\"id\":\"" + verb + "\"},"
                + "\"object\":{\"id\":\"" + activity + "\"}}";
    }

    static String statement(UUID id, String actor, String verb, String activity) {
        return "{\"id\":\"" + id + "\"," + statement(actor, verb, activity).substring(1);
    }

    /** A statement whose object is a StatementRef: voiding when the verb is {@link #VOIDED}. */
    static String reference(UUID id, String actor, String verb, UUID target) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:" + actor + "@example.org\"},"
                + "\"verb\":{\"id\":\"" + verb + "\"},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}";
    }

    static String voiding(UUID id, String actor, UUID target) {
        return reference(id, actor, VOIDED, target);
    }

    /** IRIs unique to one test, so tests sharing a database do not see each other's statements. */
    static String unique(String what) {
        return "https://pelita.example.org/store-test/" + what + "/" + UUID.randomUUID();
    }

    static String uniqueName(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** One fixture per database kind for a test class, opened on first use and closed in its @AfterAll. */
    static final class PerDatabase implements AutoCloseable {
        private final Map<String, StoreFixture> fixtures = new ConcurrentHashMap<>();

        StoreFixture get(String kind) {
            return fixtures.computeIfAbsent(kind, StoreFixture::new);
        }

        @Override
        public void close() {
            fixtures.values().forEach(StoreFixture::close);
            fixtures.clear();
        }
    }

    /** A clock the test moves by hand: statements get exactly the stored times the test chooses. */
    static final class ManualClock extends Clock {
        private final AtomicLong millis;

        ManualClock(OffsetDateTime start) {
            this.millis = new AtomicLong(start.toInstant().toEpochMilli());
        }

        void set(OffsetDateTime time) {
            millis.set(time.toInstant().toEpochMilli());
        }

        void advance(Duration duration) {
            millis.addAndGet(duration.toMillis());
        }

        OffsetDateTime time() {
            return OffsetDateTime.ofInstant(instant(), ZoneOffset.UTC);
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
