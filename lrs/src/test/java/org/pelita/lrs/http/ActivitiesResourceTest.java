package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.DocumentsFixture.activity;
import static org.pelita.lrs.http.DocumentsFixture.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.Json;

/**
 * The Activities resource (xAPI 1.0.3 Communication §2.5; 2.0.0 "Activities Resource"): GET ?activityId= returns
 * the Activity with the canonical definition the LRS keeps, built from the definitions statements bring (language
 * maps merged per language, Data §2.4.4.1), or, for an activity it knows no definition of, an Activity with just
 * objectType and id (§2.5 "MUST still return an Activity Object").
 *
 * <p>Only credentials allowed to define may change a canonical definition: 1.0.3 Communication §4.2 (scope
 * {@code define}: "If storing a Statement when this is not granted, ids will be saved ... but [the LRS] SHOULD NOT
 * update its canonical representation of any Actors or Activities"). {@code all} includes {@code define}.
 */
class ActivitiesResourceTest {
    private static final DocumentsFixture.Servers SERVERS = new DocumentsFixture.Servers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();

    /** The LRS of the database, with the credentials these tests use (made once per LRS). */
    private static TestLrs lrs(String database) {
        TestLrs lrs = SERVERS.on(database);
        if (PREPARED.add(database)) {
            lrs.credential("writer", "statements/write");
            lrs.credential("definer", "statements/write define");
            lrs.credential("define-only", "define");
        }
        return lrs;
    }

    private static String statement(String object) {
        return "{\"actor\":{\"mbox\":\"mailto:learner@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":" + object + "}";
    }

    private static String activityWith(String id, String definition) {
        return "{\"objectType\":\"Activity\",\"id\":\"" + id + "\",\"definition\":" + definition + "}";
    }

    private static void post(XapiClient client, String statement) {
        XapiClient.Response response = client.post("/statements", statement);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static JsonNode get(XapiClient client, String activityId) {
        XapiClient.Response response = client.get("/activities" + query(Map.of("activityId", activityId)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode json(String text) {
        return Json.parse(text, "the expected activity");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void anActivityComesBackWithTheDefinitionsOfItsStatementsMerged(String database) {
        XapiClient admin = lrs(database).admin();
        String id = activity();
        post(admin, statement(activityWith(id, "{\"name\":{\"en-US\":\"Fire safety\"},\"type\":\"http://adlnet.gov/expapi/activities/module\"}")));
        post(admin, statement(activityWith(id, "{\"name\":{\"fr-FR\":\"Sécurité incendie\"},\"description\":{\"en-US\":\"What to do\"}}")));

        JsonNode activity = get(admin, id);

        assertThat(activity).isEqualTo(json("{\"objectType\":\"Activity\",\"id\":\"" + id + "\",\"definition\":{"
                + "\"name\":{\"en-US\":\"Fire safety\",\"fr-FR\":\"Sécurité incendie\"},"
                + "\"type\":\"http://adlnet.gov/expapi/activities/module\",\"description\":{\"en-US\":\"What to do\"}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aContextActivitysDefinitionIsKeptToo(String database) {
        XapiClient admin = lrs(database).admin();
        String parent = activity();
        post(admin, "{\"actor\":{\"mbox\":\"mailto:learner@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":{\"id\":\"" + activity() + "\"},"
                + "\"context\":{\"contextActivities\":{\"parent\":[" + activityWith(parent, "{\"name\":{\"en\":\"Course\"}}") + "]}}}");

        assertThat(get(admin, parent).path("definition")).isEqualTo(json("{\"name\":{\"en\":\"Course\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void anUnknownActivityIsAnActivityWithItsIdOnly(String database) {
        XapiClient admin = lrs(database).admin();
        String id = activity();

        JsonNode activity = get(admin, id);

        assertThat(activity).isEqualTo(json("{\"objectType\":\"Activity\",\"id\":\"" + id + "\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void statementsFromACredentialWithoutDefineDoNotSetADefinition(String database) {
        TestLrs lrs = lrs(database);
        String id = activity();

        post(lrs.client("writer", "2.0.0"), statement(activityWith(id, "{\"name\":{\"en-US\":\"Not canonical\"}}")));

        assertThat(get(lrs.admin(), id)).isEqualTo(json("{\"objectType\":\"Activity\",\"id\":\"" + id + "\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void statementsFromACredentialWithoutDefineDoNotChangeADefinition(String database) {
        TestLrs lrs = lrs(database);
        String id = activity();
        post(lrs.admin(), statement(activityWith(id, "{\"name\":{\"en-US\":\"Canonical\"}}")));

        post(lrs.client("writer", "2.0.0"), statement(activityWith(id, "{\"name\":{\"en-US\":\"Overwritten?\",\"de\":\"Neu\"}}")));

        assertThat(get(lrs.admin(), id).path("definition")).isEqualTo(json("{\"name\":{\"en-US\":\"Canonical\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void statementsFromACredentialWithDefineSetTheDefinition(String database) {
        TestLrs lrs = lrs(database);
        String id = activity();

        post(lrs.client("definer", "2.0.0"), statement(activityWith(id, "{\"name\":{\"en-US\":\"Defined\"}}")));

        assertThat(get(lrs.admin(), id).path("definition")).isEqualTo(json("{\"name\":{\"en-US\":\"Defined\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aMissingOrInvalidActivityIdOrAnUnknownParameterIs400(String database) {
        XapiClient admin = lrs(database).admin();

        XapiClient.Response missing = admin.get("/activities");
        XapiClient.Response notAnIri = admin.get("/activities?activityId=not%20an%20iri");
        XapiClient.Response unknown = admin.get("/activities" + query(Map.of("activityId", activity(), "agent", "{}")));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("activityId");
        assertThat(notAnIri.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("'agent'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aWriteOnlyCredentialMayNotReadActivitiesAndDefineMay(String database) {
        TestLrs lrs = lrs(database);
        String path = "/activities" + query(Map.of("activityId", activity()));

        assertThat(lrs.client("writer", "2.0.0").get(path).status()).isEqualTo(403);
        assertThat(lrs.client("define-only", "2.0.0").get(path).status()).isEqualTo(200);
        assertThat(lrs.client(null, "2.0.0").get(path).status()).isEqualTo(401);
    }
}
