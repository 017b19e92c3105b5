package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * X-Experience-API-Version (xAPI 1.0.3 Communication §3.3; 2.0.0 the same for 2.0.x): every request names its
 * version, every response the version served; 1.0.x is served as 1.0.3 and 2.0.x as 2.0.0, anything else, or no
 * header, is a 400 (§3.3.s3.b4, b4.1, b6, b7), except on /about, which any client may ask.
 */
class VersionHeaderTest {
    private static final String VERSION = "X-Experience-API-Version";
    private static final StatementServers SERVERS = new StatementServers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database, String version) {
        return SERVERS.on(database).admin().with(VERSION, version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aRequestWithoutTheHeaderGets400AndStoresNothing(String database) {
        UUID id = UUID.randomUUID();

        XapiClient.Response put = admin(database, null).put(byId(id), json(new StatementFixtures().statement()));
        XapiClient.Response get = admin(database, null).get(byId(id));

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().get("message").asText()).contains(VERSION);
        assertThat(put.header(VERSION)).isEqualTo("2.0.0");
        assertThat(get.status()).isEqualTo(400);
        assertThat(admin(database, "2.0.0").get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aboutAnswersWithoutTheHeader(String database) {
        XapiClient.Response about = SERVERS.on(database).client(null, null).get("/about");

        assertThat(about.status()).isEqualTo(200);
        assertThat(about.header(VERSION)).isEqualTo("2.0.0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void any20VersionIsServedAs200(String database) {
        for (String version : List.of("2.0.0", "2.0.3", "2.0")) {
            UUID id = UUID.randomUUID();
            XapiClient.Response put = admin(database, version).put(byId(id), json(new StatementFixtures().statement()));
            XapiClient.Response get = admin(database, version).get(byId(id));

            assertThat(put.status()).as(version).isEqualTo(204);
            assertThat(put.header(VERSION)).as(version).isEqualTo("2.0.0");
            assertThat(get.header(VERSION)).as(version).isEqualTo("2.0.0");
            assertThat(get.json().get("version").asText()).as(version).isEqualTo("2.0.0");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void any10VersionIsServedAs103(String database) {
        // §3.3.s3.b3, b5: 1.0 is taken as 1.0.0, and every 1.0.x is accepted; the response names the latest patch.
        for (String version : List.of("1.0.3", "1.0.2", "1.0.1", "1.0.0", "1.0")) {
            UUID id = UUID.randomUUID();
            XapiClient.Response put = admin(database, version).put(byId(id), json(new StatementFixtures().statement()));
            XapiClient.Response get = admin(database, version).get(byId(id));

            assertThat(put.status()).as(version).isEqualTo(204);
            assertThat(put.header(VERSION)).as(version).isEqualTo("1.0.3");
            assertThat(get.header(VERSION)).as(version).isEqualTo("1.0.3");
            assertThat(get.json().get("version").asText()).as(version).isEqualTo("1.0.0");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anyOtherVersionGets400AndStoresNothing(String database) {
        for (String version : List.of("3.0.0", "2.1.0", "1.1.0", "0.95", "0.9", "1.0.x", "1", "two", "")) {
            UUID id = UUID.randomUUID();
            XapiClient.Response put = admin(database, version).put(byId(id), json(new StatementFixtures().statement()));

            assertThat(put.status()).as("'%s'", version).isEqualTo(400);
            assertThat(put.json().get("message").asText()).as(version).contains(VERSION);
            assertThat(admin(database, "2.0.0").get(byId(id)).status()).as(version).isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void contextAgentsAreA20PropertyThat103Rejects(String database) {
        // contextAgents and contextGroups are new in 2.0.0; under 1.0.3 they are unknown properties (Data §2.2).
        StatementFixtures f = new StatementFixtures();
        ObjectNode statement = f.statement();
        statement.putObject("context").putArray("contextAgents").addObject().put("objectType", "contextAgent").set("agent", f.agent("coach"));
        UUID old = UUID.randomUUID();
        UUID current = UUID.randomUUID();

        XapiClient.Response rejected = admin(database, "1.0.3").put(byId(old), json(statement));
        XapiClient.Response accepted = admin(database, "2.0.0").put(byId(current), json(statement));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.header(VERSION)).isEqualTo("1.0.3");
        assertThat(rejected.json().get("message").asText()).contains("$.context.contextAgents");
        assertThat(admin(database, "2.0.0").get(byId(old)).status()).isEqualTo(404);
        assertThat(accepted.status()).isEqualTo(204);
        assertThat(admin(database, "1.0.3").get(byId(current)).json().get("context").has("contextAgents")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void statementsStoredUnderEitherVersionAreReadUnderTheOther(String database) {
        UUID old = UUID.randomUUID();
        UUID current = UUID.randomUUID();
        assertThat(admin(database, "1.0.3").put(byId(old), json(new StatementFixtures().statement())).status()).isEqualTo(204);
        assertThat(admin(database, "2.0.0").put(byId(current), json(new StatementFixtures().statement())).status()).isEqualTo(204);

        assertThat(admin(database, "2.0.0").get(byId(old)).json().get("version").asText()).isEqualTo("1.0.0");
        assertThat(admin(database, "1.0.3").get(byId(current)).json().get("version").asText()).isEqualTo("2.0.0");
        assertThat(SERVERS.on(database).client(TestLrs.ADMIN, "1.0.3").get(byId(current)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void responsesToRequestsNoResourceServesNameTheVersionToo(String database) {
        // §3.3.s3.b1: the LRS MUST include the header in every response, not only in those of its resources.
        XapiClient admin = admin(database, "2.0.0");

        List<XapiClient.Response> responses = List.of(admin.delete("/statements"), admin.send("PATCH", "/statements", null, null),
                admin.get("/statement"), admin.send("OPTIONS", "/statements", null, null));

        assertThat(responses).extracting(XapiClient.Response::status).containsExactly(404, 404, 404, 204);
        for (XapiClient.Response response : responses) {
            assertThat(response.header(VERSION)).as(response.toString()).isEqualTo("2.0.0");
        }
    }
}
