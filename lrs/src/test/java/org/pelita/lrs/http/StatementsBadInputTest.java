package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;
import static org.pelita.lrs.testing.XapiClient.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;

/**
 * Bad requests to the Statement resource: each gets a 4xx whose JSON body ({"status", "message"}, written by
 * ErrorMapper) names the problem, and nothing is stored. Statements are UTF-8 JSON (1.0.3 Communication §1.4, §1.5);
 * an invalid statement is a 400 (Data §2.2); unknown and repeated parameters are refused (docs/lrs.md).
 */
class StatementsBadInputTest {
    private static final StatementServers SERVERS = new StatementServers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    /** The JSON error body: its status field and its message. */
    private static String message(XapiClient.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode error = response.json();
        assertThat(error.get("status").asInt()).isEqualTo(status);
        return error.get("message").asText();
    }

    private static void assertNotStored(String database, UUID id) {
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void malformedJsonGets400SayingWhere(String database) {
        UUID id = UUID.randomUUID();
        String broken = "{\"id\": \"" + id + "\",\n \"actor\": {\"mbox\": \"mailto:a@example.org\"},\n \"verb\": ,\n \"object\": {}}";

        String message = message(admin(database).post("/statements", broken), 400);

        assertThat(message).contains("not valid JSON").contains("line 3");
        assertNotStored(database, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void duplicateKeysOrTrailingDataGet400(String database) {
        UUID id = UUID.randomUUID();
        String statement = json(new StatementFixtures().statementWithId(id));

        String duplicate = message(admin(database).post("/statements", statement.replaceFirst("\\{", "{\"verb\":{\"id\":\"http://example.org/v\"},")), 400);
        String trailing = message(admin(database).post("/statements", statement + " {}"), 400);

        assertThat(duplicate).contains("verb");
        assertThat(trailing).contains("JSON");
        assertNotStored(database, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void jsonNested10000DeepGets400AndTheLrsCarriesOn(String database) {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        ObjectNode statement = new StatementFixtures().statement();
        UUID id = UUID.randomUUID();
        statement.put("id", id.toString());
        String deepExtension = json(statement).replaceFirst("\\}$", ",\"result\":{\"extensions\":{\"http://example.org/deep\":"
                + "[".repeat(100) + "]".repeat(100) + "}}}");

        assertThat(message(admin(database).post("/statements", deep), 400)).contains("depth");
        assertThat(message(admin(database).put(byId(id), deep), 400)).contains("depth");
        assertThat(message(admin(database).post("/statements", deepExtension), 400)).contains("depth");
        assertNotStored(database, id);
        assertThat(admin(database).put(byId(id), json(statement)).status()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void invalidUtf8Gets400AndStoresNothing(String database) {
        UUID id = UUID.randomUUID();
        ObjectNode statement = new StatementFixtures().statementWithId(id);
        ((ObjectNode) statement.get("actor")).put("name", "NAME");
        byte[] text = json(statement).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String[] halves = new String(text, StandardCharsets.UTF_8).split("NAME");
        body.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {'J', (byte) 0xC3, (byte) 0x28, 'o'}); // 0xC3 must be followed by a continuation byte
        body.writeBytes(halves[1].getBytes(StandardCharsets.UTF_8));

        String message = message(admin(database).send("POST", "/statements", body.toByteArray(), "application/json"), 400);

        assertThat(message).containsIgnoringCase("UTF-8");
        assertNotStored(database, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aStatementBodyThatIsNotJsonOrMultipartGets400(String database) {
        // Communication §1.5: statements are application/json, or multipart/mixed when they carry attachments.
        UUID posted = UUID.randomUUID();
        UUID put = UUID.randomUUID();
        byte[] postBody = json(new StatementFixtures().statementWithId(posted)).getBytes(StandardCharsets.UTF_8);
        byte[] putBody = json(new StatementFixtures().statement()).getBytes(StandardCharsets.UTF_8);

        assertThat(message(admin(database).send("POST", "/statements", postBody, "text/plain"), 400)).contains("text/plain");
        assertThat(message(admin(database).send("PUT", byId(put), putBody, "text/plain"), 400)).contains("text/plain");
        assertThat(message(admin(database).send("POST", "/statements", postBody, null), 400)).contains("Content-Type");
        assertNotStored(database, posted);
        assertNotStored(database, put);
        assertThat(admin(database).send("PUT", byId(put), putBody, "application/json; charset=UTF-8").status()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anEmptyBodyGets400(String database) {
        assertThat(message(admin(database).send("POST", "/statements", new byte[0], "application/json"), 400)).contains("empty");
        assertThat(message(admin(database).send("PUT", byId(UUID.randomUUID()), new byte[0], "application/json"), 400)).contains("empty");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anInvalidStatementGets400NamingThePathAndTheRule(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        ObjectNode statement = f.statementWithId(id);
        ((ObjectNode) statement.get("actor")).put("mbox", "a@example.org");

        String message = message(admin(database).post("/statements", json(statement)), 400);

        assertThat(message).contains("$.actor.mbox").contains("mailto").contains("§");
        assertNotStored(database, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void unknownParametersGet400NamingThem(String database) {
        UUID id = UUID.randomUUID();
        String statement = json(new StatementFixtures().statement());

        assertThat(message(admin(database).get("/statements?verbs=x"), 400)).contains("verbs");
        assertThat(message(admin(database).get("/statements?statementID=" + id), 400)).contains("statementID");
        assertThat(message(admin(database).put(byId(id) + "&format=exact", statement), 400)).contains("format");
        assertThat(message(admin(database).post("/statements?mode=fast", statement), 400)).contains("mode");
        assertNotStored(database, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void repeatedParametersGet400NamingThem(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String verb = query("verb", f.verb("a"));

        assertThat(message(admin(database).get("/statements?" + verb + "&" + verb), 400)).contains("verb");
        assertThat(message(admin(database).get("/statements?limit=1&limit=2"), 400)).contains("limit");
        assertThat(message(admin(database).put("/statements?statementId=" + first + "&statementId=" + second, json(f.statement())), 400))
                .contains("statementId");
        assertNotStored(database, first);
        assertNotStored(database, second);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aStatementIdThatIsNotAUuidGets400(String database) {
        String statement = json(new StatementFixtures().statement());

        for (String id : List.of("42", "not-a-uuid", "3fa85f64-5717-4562-b3fc-2c963f66afa", "{3fa85f64-5717-4562-b3fc-2c963f66afa6}")) {
            assertThat(message(admin(database).put("/statements?" + query("statementId", id), statement), 400)).as(id).contains("statementId");
            assertThat(message(admin(database).get("/statements?" + query("statementId", id)), 400)).as(id).contains("statementId");
            assertThat(message(admin(database).get("/statements?" + query("voidedStatementId", id)), 400)).as(id).contains("voidedStatementId");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void malformedFilterValuesGet400NamingTheParameter(String database) {
        List<String> bad = List.of("agent=" + "not-json", query("agent", "{\"name\":\"No identifier\"}"), "verb=not%20an%20iri",
                "activity=relative/path", "registration=abc", "since=yesterday", "until=2024-13-01T00:00:00Z", "limit=-1", "limit=ten",
                "ascending=yes", "related_agents=1", "attachments=maybe", "format=");

        for (String parameter : bad) {
            String name = parameter.substring(0, parameter.indexOf('='));
            assertThat(message(admin(database).get("/statements?" + parameter), 400)).as(parameter).contains(name);
        }
    }
}
