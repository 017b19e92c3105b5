package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.DocumentsFixture.mbox;
import static org.pelita.lrs.http.DocumentsFixture.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.Json;

/**
 * The Agents resource (xAPI 1.0.3 Communication §2.4; 2.0.0 "Agents Resource"): GET ?agent= returns a Person
 * object, each property an array. The LRS links no identifiers across agents, so the Person holds what the agent
 * given holds (§2.4.s3.b3: it "MUST still return a Person Object ... that will only include the information
 * associated with the requested Agent"). The parameter "is a normal Agent Object ... It is not a Person Object,
 * nor is it a Group" (§2.4.s2): anything else is a 400.
 */
class AgentsResourceTest {
    private static final DocumentsFixture.Servers SERVERS = new DocumentsFixture.Servers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    private static XapiClient.Response person(XapiClient client, String agent) {
        return client.get("/agents" + query(Map.of("agent", agent)));
    }

    private static JsonNode json(String text) {
        return Json.parse(text, "the expected Person");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void anAgentWithAnMboxIsAPersonWithArrays(String database) {
        String mbox = mbox();

        XapiClient.Response response = person(admin(database), "{\"objectType\":\"Agent\",\"name\":\"Ada Lovelace\",\"mbox\":\"" + mbox + "\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json()).isEqualTo(json("{\"objectType\":\"Person\",\"name\":[\"Ada Lovelace\"],\"mbox\":[\"" + mbox + "\"]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void eachKindOfIdentifierBecomesAnArray(String database) {
        XapiClient admin = admin(database);

        JsonNode sha1 = person(admin, "{\"mbox_sha1sum\":\"ebd31e95054c018b10727ccffd2ef2ec3a016ee9\"}").json();
        JsonNode openid = person(admin, "{\"openid\":\"https://openid.example.org/ada\"}").json();
        JsonNode account = person(admin, "{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"ada\"}}").json();

        assertThat(sha1).isEqualTo(json("{\"objectType\":\"Person\",\"mbox_sha1sum\":[\"ebd31e95054c018b10727ccffd2ef2ec3a016ee9\"]}"));
        assertThat(openid).isEqualTo(json("{\"objectType\":\"Person\",\"openid\":[\"https://openid.example.org/ada\"]}"));
        assertThat(account).isEqualTo(json("{\"objectType\":\"Person\",\"account\":[{\"homePage\":\"https://lms.example.org\",\"name\":\"ada\"}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void anInvalidAgentIs400NamingTheParameter(String database) {
        XapiClient admin = admin(database);
        for (String invalid : List.of(
                "{\"mbox\":",
                "{\"mbox\":\"ada@example.org\"}",
                "{\"name\":\"Nobody\"}",
                "{\"mbox\":\"mailto:a@example.org\",\"openid\":\"https://openid.example.org/a\"}",
                "{\"objectType\":\"Person\",\"mbox\":[\"mailto:a@example.org\"]}")) {
            XapiClient.Response response = person(admin, invalid);
            assertThat(response.status()).as(invalid).isEqualTo(400);
            assertThat(response.text()).as(invalid).contains("agent");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aGroupIs400(String database) {
        XapiClient admin = admin(database);

        XapiClient.Response identified = person(admin, "{\"objectType\":\"Group\",\"mbox\":\"mailto:team@example.org\"}");
        XapiClient.Response anonymous = person(admin, "{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:a@example.org\"}]}");

        assertThat(identified.status()).as(identified.toString()).isEqualTo(400);
        assertThat(identified.text()).contains("Group");
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aMissingAgentOrAnUnknownParameterIs400(String database) {
        XapiClient admin = admin(database);

        XapiClient.Response missing = admin.get("/agents");
        XapiClient.Response unknown = admin.get("/agents" + query(Map.of("agent", "{\"mbox\":\"mailto:a@example.org\"}", "profileId", "p")));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("agent");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("'profileId'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aWriteOnlyCredentialMayNotReadAgents(String database) {
        SERVERS.on(database).credential("agents-writer-" + database, "statements/write");
        String agent = "{\"mbox\":\"" + mbox() + "\"}";

        XapiClient.Response writer = person(SERVERS.on(database).client("agents-writer-" + database, "2.0.0"), agent);
        XapiClient.Response anonymous = person(SERVERS.on(database).client(null, "2.0.0"), agent);

        assertThat(writer.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
