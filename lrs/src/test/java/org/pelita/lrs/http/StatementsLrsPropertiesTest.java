package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;
import static org.pelita.lrs.http.StatementFixtures.posted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.Json;

/**
 * What the LRS sets on the statements it stores (xAPI 1.0.3 Data §2.4.1, §2.4.6.2, §2.4.7–2.4.10; the same in
 * 2.0.0 except the version it writes): id when missing, stored always, timestamp when missing, authority from the
 * credential, version.
 */
class StatementsLrsPropertiesTest {
    private static final String WRITER = "properties-writer";
    private static final StatementServers SERVERS = new StatementServers(Map.of(),
            lrs -> lrs.credential(WRITER, "statements/write statements/read"));

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    private static JsonNode postAndGet(XapiClient client, XapiClient reader, ObjectNode statement) {
        XapiClient.Response post = client.post("/statements", json(statement));
        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        XapiClient.Response get = reader.get(byId(posted(post).get(0)));
        assertThat(get.status()).isEqualTo(200);
        return get.json();
    }

    private static JsonNode expectedAuthority(String key) {
        return Json.parse("{\"objectType\":\"Agent\",\"name\":\"" + key + "\",\"account\":{\"homePage\":\"urn:pelita:lrs\",\"name\":\""
                + key + "\"}}", "authority");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aStatementWithNoneOfThemGetsIdStoredTimestampAuthorityAndVersion(String database) {
        StatementFixtures f = new StatementFixtures();
        XapiClient writer = SERVERS.on(database).client(WRITER, "2.0.0");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        XapiClient.Response post = writer.post("/statements", json(f.statement()));
        Instant after = Instant.now();

        String id = posted(post).get(0);
        JsonNode statement = writer.get(byId(id)).json();
        assertThat(statement.get("id").asText()).isEqualTo(id);
        Instant stored = OffsetDateTime.parse(statement.get("stored").asText()).toInstant();
        assertThat(stored).isBetween(before, after);
        // Data §2.4.7.s3.b2: the timestamp, when not given, is the stored time.
        assertThat(OffsetDateTime.parse(statement.get("timestamp").asText()).toInstant()).isEqualTo(stored);
        assertThat(statement.get("authority")).isEqualTo(expectedAuthority(WRITER));
        assertThat(statement.get("version").asText()).isEqualTo("2.0.0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void storedIsWrittenInUtcWithMilliseconds(String database) {
        JsonNode statement = postAndGet(admin(database), admin(database), new StatementFixtures().statement());

        // Data §4.5.s1.b3 and b6: milliseconds kept, returned in UTC.
        assertThat(statement.get("stored").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void a103RequestStoresVersion100WhenTheStatementHasNone(String database) {
        // 1.0.3 Data §2.4.10.s3.b3: "If they lack a version, the version MUST be set to 1.0.0".
        XapiClient old = SERVERS.on(database).client(TestLrs.ADMIN, "1.0.3");

        JsonNode statement = postAndGet(old, old, new StatementFixtures().statement());

        assertThat(statement.get("version").asText()).isEqualTo("1.0.0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aVersionTheStatementBringsIsKept(String database) {
        // Data §2.4.10.s3.b3: statements keep the version they were accepted with.
        StatementFixtures f = new StatementFixtures();

        assertThat(postAndGet(admin(database), admin(database), f.statement().put("version", "1.0.0")).get("version").asText())
                .isEqualTo("1.0.0");
        assertThat(postAndGet(admin(database), admin(database), f.statement().put("version", "2.0.0")).get("version").asText())
                .isEqualTo("2.0.0");
        XapiClient old = SERVERS.on(database).client(TestLrs.ADMIN, "1.0.3");
        assertThat(postAndGet(old, old, f.statement().put("version", "1.0.3")).get("version").asText()).isEqualTo("1.0.3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void a103RequestWithAStatementOfVersion200Gets400AndStoresNothing(String database) {
        // 1.0.3 Data §2.4.10.s3.b2: reject statements whose version does not start with 1.0.
        XapiClient old = SERVERS.on(database).client(TestLrs.ADMIN, "1.0.3");
        UUID id = UUID.randomUUID();

        XapiClient.Response post = old.post("/statements", json(new StatementFixtures().statementWithId(id).put("version", "2.0.0")));

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.json().get("message").asText()).contains("$.version");
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aStoredTheStatementBringsIsOverwritten(String database) {
        // Data §2.4.8.s3.b2: the LRS MUST overwrite any stored value it receives.
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        JsonNode statement = postAndGet(admin(database), admin(database),
                new StatementFixtures().statement().put("stored", "2001-02-03T04:05:06.789Z"));

        assertThat(OffsetDateTime.parse(statement.get("stored").asText()).toInstant()).isAfterOrEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anAuthorityTheStatementBringsIsReplacedByTheCredentials(String database) {
        // Data §2.4.9.s3.b4: the LRS SHOULD overwrite the authority, based on the credentials used.
        StatementFixtures f = new StatementFixtures();
        ObjectNode statement = f.statement();
        statement.set("authority", f.agent("self-appointed"));
        XapiClient writer = SERVERS.on(database).client(WRITER, "2.0.0");

        JsonNode stored = postAndGet(writer, writer, statement);

        assertThat(stored.get("authority")).isEqualTo(expectedAuthority(WRITER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aTimestampTheStatementBringsComesBackAsTheSameInstantInUtcToTheMillisecond(String database) {
        // Data §4.5.s1.b3, b6 (1.0.3) and IEEE 9274.1.1 §4.2.7 (2.0): precision kept, converted to UTC.
        JsonNode statement = postAndGet(admin(database), admin(database),
                new StatementFixtures().statement().put("timestamp", "2023-05-04T12:00:00.123-05:00"));

        assertThat(statement.get("timestamp").asText()).isEqualTo("2023-05-04T17:00:00.123Z");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aSingleContextActivityComesBackAsAnArrayOfOne(String database) {
        // Data §2.4.6.2: a single Activity object in contextActivities MUST be returned as an array of length one.
        StatementFixtures f = new StatementFixtures();
        ObjectNode statement = f.statement();
        statement.putObject("context").putObject("contextActivities").putObject("parent").put("id", f.activity("module"));

        JsonNode stored = postAndGet(admin(database), admin(database), statement);

        JsonNode parent = stored.get("context").get("contextActivities").get("parent");
        assertThat(parent.isArray()).isTrue();
        assertThat(parent).hasSize(1);
        assertThat(parent.get(0).get("id").asText()).isEqualTo(f.activity("module"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void whatTheLrsDoesNotSetComesBackAsSent(String database) {
        // Format "exact" (the default) returns agents, verbs and activities as received (Communication §2.1.3).
        StatementFixtures f = new StatementFixtures();
        ObjectNode statement = f.statement();
        ((ObjectNode) statement.get("actor")).put("name", "Ada Lovelace");
        ((ObjectNode) statement.get("object")).putObject("definition").putObject("name").put("en-GB", "Course").put("fr", "Cours");
        statement.putObject("result").put("success", true).put("duration", "PT1M30.5S").putObject("score").put("scaled", 0.875);

        JsonNode stored = postAndGet(admin(database), admin(database), statement);

        JsonNode sent = Json.parse(json(statement), "sent"); // numbers read as the LRS reads them
        for (String property : new String[] {"actor", "verb", "object", "result"}) {
            assertThat(stored.get(property)).as(property).isEqualTo(sent.get(property));
        }
    }
}
