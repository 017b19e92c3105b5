package org.pelita.lrs.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.auth.Scope;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.store.Database;
import org.pelita.lrs.store.StatementStore;
import org.pelita.lrs.store.StatementWriter;
import org.pelita.lrs.testing.TestDatabases;
import org.pelita.lrs.xapi.Agents;
import org.pelita.lrs.xapi.ConflictException;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.StatementKeys;
import org.pelita.lrs.xapi.XapiVersion;
import org.pelita.lrs.xapi.validation.StatementValidator;

/**
 * The Statement resource's rules over the store (xAPI 1.0.3 Communication §2.1.1–2.1.2, Data §2.3): what the LRS sets
 * on a stored statement, all-or-nothing batches, immutability, and the checks made before anything is written.
 */
class StatementServiceTest {
    private static final String VERB = "http://adlnet.gov/expapi/verbs/experienced";
    private static final Instant NOW = Instant.parse("2032-02-29T12:34:56.789Z");
    private static final Map<String, Setup> SETUPS = new HashMap<>();

    private record Setup(String url, Database database, StatementWriter writer, StatementStore store, StatementService service) {
    }

    private static synchronized Setup setup(String kind) {
        return SETUPS.computeIfAbsent(kind, k -> {
            String url = "postgres".equals(k) ? TestDatabases.postgres() : TestDatabases.h2();
            Database database = Database.open(ConfigLoader.load(Optional.empty(), Map.of(), Map.of("db", url)));
            StatementWriter writer = new StatementWriter(database, "postgres".equals(k) ? 2 : 1, (stored, incoming) -> incoming, body -> {
                JsonNode statement = Json.parse(body, "statement");
                return new StatementWriter.BodyKeys(StatementKeys.of(statement), StatementKeys.target(statement).orElse(null));
            });
            StatementStore store = new StatementStore(database);
            StatementValidator validator = new StatementValidator(XapiVersion.V2_0_0);
            StatementService service = new StatementService(store, writer, (received, version) -> {
                if (received.json().isArray()) {
                    for (int i = 0; i < received.json().size(); i++) {
                        validator.validate(received.json().get(i), "$[" + i + "]");
                    }
                } else {
                    validator.validate(received.json(), "$");
                }
            }, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
            return new Setup(url, database, writer, store, service);
        });
    }

    @AfterAll
    static void close() {
        SETUPS.values().forEach(s -> {
            s.writer().close();
            s.database().close();
            TestDatabases.drop(s.url());
        });
    }

    private static final Principal WRITER = principal("service-writer");

    private static Principal principal(String key) {
        ObjectNode authority = Json.MAPPER.createObjectNode().put("objectType", "Agent");
        authority.putObject("account").put("homePage", "urn:pelita:lrs").put("name", key);
        return new Principal(key, Set.of(Scope.ALL), Optional.empty(), authority, Agents.identifier(authority).orElseThrow());
    }

    private static Received received(String json) {
        return new Received(Json.parse(json, "statements"), List.of(), false);
    }

    private static String statement(UUID id, String actor) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"actor\":{\"mbox\":\"mailto:" + actor + "@example.org\"},"
                + "\"verb\":{\"id\":\"" + VERB + "\"},\"object\":{\"id\":\"https://pelita.example.org/service-test/" + actor + "\"}}";
    }

    private static boolean stored(Setup s, UUID id) {
        return s.store().byId(id, false).isPresent();
    }

    /** Data §2.4.1, §2.4.7–2.4.10: the LRS sets a missing id and timestamp, and always stored, authority and version. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void theStoredStatementCarriesWhatTheLrsSets(String kind) {
        Setup s = setup(kind);
        UUID given = UUID.randomUUID();

        List<UUID> ids = s.service().post(received("[" + statement(given, "a") + "," + statement(null, "b") + "]"), WRITER, XapiVersion.V2_0_0);

        assertThat(ids).hasSize(2).first().isEqualTo(given);
        for (UUID id : ids) {
            JsonNode body = Json.parse(s.store().byId(id, false).orElseThrow().body(), "statement");
            assertThat(body.get("id").asText()).isEqualTo(id.toString());
            assertThat(body.get("stored").asText()).isEqualTo("2032-02-29T12:34:56.789Z");
            assertThat(body.get("timestamp").asText()).isEqualTo("2032-02-29T12:34:56.789Z");
            assertThat(body.get("version").asText()).isEqualTo("2.0.0");
            assertThat(body.get("authority")).isEqualTo(WRITER.authority());
        }
    }

    /** Communication §2.1.2: a batch with one id twice is refused whole. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aBatchNamingAnIdTwiceIsRefusedAndNothingIsStored(String kind) {
        Setup s = setup(kind);
        UUID twice = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        assertThatThrownBy(() -> s.service().post(received("[" + statement(other, "c") + "," + statement(twice, "d") + ","
                + statement(twice, "e") + "]"), WRITER, XapiVersion.V2_0_0)).isInstanceOf(InvalidRequestException.class);

        assertThat(stored(s, twice)).isFalse();
        assertThat(stored(s, other)).isFalse();
    }

    /** A statement breaking a rule anywhere in a batch: nothing of the batch is stored. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void anInvalidStatementInABatchRefusesTheWholeBatch(String kind) {
        Setup s = setup(kind);
        UUID valid = UUID.randomUUID();
        UUID invalid = UUID.randomUUID();
        String broken = statement(invalid, "f").replace("\"verb\":{\"id\":\"" + VERB + "\"}", "\"verb\":{\"id\":\"not an IRI\"}");

        assertThatThrownBy(() -> s.service().post(received("[" + statement(valid, "g") + "," + broken + "]"), WRITER, XapiVersion.V2_0_0))
                .isInstanceOf(InvalidRequestException.class);

        assertThat(stored(s, valid)).isFalse();
        assertThat(stored(s, invalid)).isFalse();
    }

    /** Data §2.3.1: the same statement again is accepted; a different one with a stored id is a conflict and changes nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aStoredIdTakesTheSameStatementAgainButRefusesAnother(String kind) {
        Setup s = setup(kind);
        UUID id = UUID.randomUUID();
        s.service().put(id, received(statement(null, "h")), WRITER, XapiVersion.V2_0_0);
        String first = s.store().byId(id, false).orElseThrow().body();

        s.service().put(id, received(statement(id, "h")), principal("another-writer"), XapiVersion.V2_0_0);
        UUID fresh = UUID.randomUUID();
        assertThatThrownBy(() -> s.service().post(received("[" + statement(fresh, "i") + "," + statement(id, "someone-else") + "]"), WRITER,
                XapiVersion.V2_0_0)).isInstanceOf(ConflictException.class).hasMessageContaining(id.toString());

        assertThat(s.store().byId(id, false).orElseThrow().body()).isEqualTo(first);
        assertThat(stored(s, fresh)).isFalse();
    }

    /** Data §2.3.2: a voiding statement's object must be a StatementRef; refused before anything is stored. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aVoidingStatementWhoseObjectIsNotAStatementRefIsRefused(String kind) {
        Setup s = setup(kind);
        UUID id = UUID.randomUUID();
        String voidingAnActivity = statement(id, "j").replace(VERB, StatementService.VOIDED);

        assertThatThrownBy(() -> s.service().post(received(voidingAnActivity), WRITER, XapiVersion.V2_0_0)).isInstanceOf(InvalidRequestException.class);

        assertThat(stored(s, id)).isFalse();
    }

    /** PUT: the statement's id, if it has one, must be the statementId parameter. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aPutWhoseBodyNamesAnotherIdIsRefused(String kind) {
        Setup s = setup(kind);
        UUID parameter = UUID.randomUUID();
        UUID inBody = UUID.randomUUID();

        assertThatThrownBy(() -> s.service().put(parameter, received(statement(inBody, "k")), WRITER, XapiVersion.V2_0_0))
                .isInstanceOf(InvalidRequestException.class);

        assertThat(stored(s, parameter)).isFalse();
        assertThat(stored(s, inBody)).isFalse();
    }
}
