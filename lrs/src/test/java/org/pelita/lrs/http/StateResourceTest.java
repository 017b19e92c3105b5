package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.DocumentsFixture.activity;
import static org.pelita.lrs.http.DocumentsFixture.agent;
import static org.pelita.lrs.http.DocumentsFixture.etagOf;
import static org.pelita.lrs.http.DocumentsFixture.mbox;
import static org.pelita.lrs.http.DocumentsFixture.query;
import static org.pelita.lrs.http.DocumentsFixture.tick;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;

/**
 * The State resource (xAPI 1.0.3 Communication §2.3; 2.0.0 "State Resource"): a document per activity, agent,
 * optional registration and stateId; lists of ids (with since) and deleting all of a context.
 *
 * <p>Registration: a document stored under a registration is found only with that registration, and lists and
 * DELETE without a registration address only the documents stored without one. The specification's "Activity +
 * Agent [+ registration if specified]" is read that way by some LRSs and as "any registration" by others; this
 * LRS takes the stricter reading, and these tests pin it so that a change is deliberate.
 */
class StateResourceTest {
    private static final DocumentsFixture.Servers SERVERS = new DocumentsFixture.Servers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    /** The parameters of a state context; registration may be null. */
    private static Map<String, String> context(String activityId, String agent, String registration) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("activityId", activityId);
        parameters.put("agent", agent);
        if (registration != null) {
            parameters.put("registration", registration);
        }
        return parameters;
    }

    private static String state(Map<String, String> context, String stateId) {
        Map<String, String> all = new LinkedHashMap<>(context);
        all.put("stateId", stateId);
        return "/activities/state" + query(all);
    }

    private static String states(Map<String, String> context) {
        return "/activities/state" + query(context);
    }

    private static List<String> ids(XapiClient client, String path) {
        XapiClient.Response response = client.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void putThenGetReturnsTheDocumentWithItsTypeEtagAndLastModified(String database) {
        XapiClient admin = admin(database);
        Map<String, String> context = context(activity(), agent(), null);
        String document = "{\"bookmark\":\"page-7\",\"score\":0.5}";

        XapiClient.Response put = admin.put(state(context, "resume"), document);
        XapiClient.Response get = admin.get(state(context, "resume"));

        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        assertThat(put.header("ETag")).isEqualTo(etagOf(document));
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo(document);
        assertThat(get.header("Content-Type")).startsWith("application/json");
        assertThat(get.header("ETag")).isEqualTo(etagOf(document));
        assertThat(get.header("Last-Modified")).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void getOfAnAbsentStateIs404(String database) {
        XapiClient.Response response = admin(database).get(state(context(activity(), agent(), null), "never-stored"));

        assertThat(response.status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void deleteOfOneStateRemovesOnlyThatOne(String database) {
        XapiClient admin = admin(database);
        Map<String, String> context = context(activity(), agent(), null);
        admin.put(state(context, "a"), "{\"n\":1}");
        admin.put(state(context, "b"), "{\"n\":2}");

        XapiClient.Response delete = admin.delete(state(context, "a"));

        assertThat(delete.status()).isEqualTo(204);
        assertThat(admin.get(state(context, "a")).status()).isEqualTo(404);
        assertThat(admin.get(state(context, "b")).text()).isEqualTo("{\"n\":2}");
        assertThat(ids(admin, states(context))).containsExactly("b");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void listGivesTheIdsOfThisActivityAndAgentOnly(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        String agent = agent();
        Map<String, String> context = context(activity, agent, null);
        admin.put(state(context, "one"), "{}");
        admin.put(state(context, "two"), "{}");
        admin.put(state(context(activity, agent(), null), "other-agent"), "{}");
        admin.put(state(context(activity(), agent, null), "other-activity"), "{}");

        assertThat(ids(admin, states(context))).containsExactlyInAnyOrder("one", "two");
        assertThat(ids(admin, states(context(activity(), agent(), null)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void listSinceGivesOnlyTheStatesChangedAfterItExclusive(String database) {
        XapiClient admin = admin(database);
        Map<String, String> context = context(activity(), agent(), null);
        admin.put(state(context, "early"), "{}");
        String between = tick().toString();
        admin.put(state(context, "late"), "{}");
        String after = tick().toString();

        Map<String, String> since = new LinkedHashMap<>(context);
        since.put("since", between);
        assertThat(ids(admin, states(since))).containsExactly("late");
        since.put("since", "2000-01-01T00:00:00Z");
        assertThat(ids(admin, states(since))).containsExactlyInAnyOrder("early", "late");
        since.put("since", after);
        assertThat(ids(admin, states(since))).isEmpty();
        since.put("since", "yesterday");
        assertThat(admin.get(states(since)).status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void sinceWithAStateIdIs400(String database) {
        XapiClient admin = admin(database);
        Map<String, String> context = context(activity(), agent(), null);
        admin.put(state(context, "s"), "{}");
        Map<String, String> parameters = new LinkedHashMap<>(context);
        parameters.put("stateId", "s");
        parameters.put("since", "2000-01-01T00:00:00Z");

        XapiClient.Response response = admin.get("/activities/state" + query(parameters));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("since");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void deleteWithoutStateIdDeletesEveryStateOfTheActivityAndAgent(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        String agent = agent();
        Map<String, String> context = context(activity, agent, null);
        Map<String, String> otherAgent = context(activity, agent(), null);
        Map<String, String> otherActivity = context(activity(), agent, null);
        admin.put(state(context, "one"), "{}");
        admin.put(state(context, "two"), "{}");
        admin.put(state(otherAgent, "kept"), "{}");
        admin.put(state(otherActivity, "kept"), "{}");

        XapiClient.Response delete = admin.delete(states(context));

        assertThat(delete.status()).isEqualTo(204);
        assertThat(ids(admin, states(context))).isEmpty();
        assertThat(admin.get(state(context, "one")).status()).isEqualTo(404);
        assertThat(ids(admin, states(otherAgent))).containsExactly("kept");
        assertThat(ids(admin, states(otherActivity))).containsExactly("kept");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void deleteWithARegistrationDeletesOnlyThatRegistrationsStates(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        String agent = agent();
        Map<String, String> first = context(activity, agent, UUID.randomUUID().toString());
        Map<String, String> second = context(activity, agent, UUID.randomUUID().toString());
        Map<String, String> none = context(activity, agent, null);
        admin.put(state(first, "s"), "{\"r\":1}");
        admin.put(state(second, "s"), "{\"r\":2}");
        admin.put(state(none, "s"), "{\"r\":0}");

        assertThat(admin.delete(states(first)).status()).isEqualTo(204);

        assertThat(admin.get(state(first, "s")).status()).isEqualTo(404);
        assertThat(admin.get(state(second, "s")).text()).isEqualTo("{\"r\":2}");
        assertThat(admin.get(state(none, "s")).text()).isEqualTo("{\"r\":0}");

        // Without a registration, DELETE addresses the documents stored without one (see the class comment).
        assertThat(admin.delete(states(none)).status()).isEqualTo(204);
        assertThat(admin.get(state(none, "s")).status()).isEqualTo(404);
        assertThat(admin.get(state(second, "s")).text()).isEqualTo("{\"r\":2}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aStateUnderOneRegistrationIsInvisibleUnderAnotherOrUnderNone(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        String agent = agent();
        Map<String, String> registered = context(activity, agent, UUID.randomUUID().toString());
        Map<String, String> another = context(activity, agent, UUID.randomUUID().toString());
        Map<String, String> none = context(activity, agent, null);

        assertThat(admin.put(state(registered, "progress"), "{\"page\":3}").status()).isEqualTo(204);

        assertThat(admin.get(state(registered, "progress")).text()).isEqualTo("{\"page\":3}");
        assertThat(admin.get(state(another, "progress")).status()).isEqualTo(404);
        assertThat(admin.get(state(none, "progress")).status()).isEqualTo(404);
        assertThat(ids(admin, states(registered))).containsExactly("progress");
        assertThat(ids(admin, states(another))).isEmpty();
        assertThat(ids(admin, states(none))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void theSameStateIdUnderTwoRegistrationsIsTwoDocuments(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        String agent = agent();
        Map<String, String> first = context(activity, agent, UUID.randomUUID().toString());
        Map<String, String> second = context(activity, agent, UUID.randomUUID().toString());

        admin.put(state(first, "s"), "{\"attempt\":1}");
        XapiClient.Response put = admin.put(state(second, "s"), "{\"attempt\":2}");

        // No 409: the second PUT creates a document, it does not overwrite the first.
        assertThat(put.status()).isEqualTo(204);
        assertThat(admin.get(state(first, "s")).text()).isEqualTo("{\"attempt\":1}");
        assertThat(admin.get(state(second, "s")).text()).isEqualTo("{\"attempt\":2}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void anEquivalentAgentObjectNamesTheSameState(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        String mbox = mbox();
        admin.put(state(context(activity, "{\"objectType\":\"Agent\",\"mbox\":\"" + mbox + "\"}", null), "s"), "{\"v\":1}");

        for (String same : List.of(
                "{\"mbox\":\"" + mbox + "\",\"objectType\":\"Agent\"}",
                "  {\n  \"mbox\" :   \"" + mbox + "\"\n}  ",
                "{\"name\":\"Another Name\",\"mbox\":\"" + mbox + "\"}")) {
            XapiClient.Response get = admin.get(state(context(activity, same, null), "s"));
            assertThat(get.status()).as(same).isEqualTo(200);
            assertThat(get.text()).isEqualTo("{\"v\":1}");
        }
        assertThat(admin.get(state(context(activity, agent(), null), "s")).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void anAccountAgentWithItsPropertiesInAnotherOrderNamesTheSameState(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        String name = UUID.randomUUID().toString();
        admin.put(state(context(activity, "{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"" + name + "\"}}", null), "s"),
                "{\"v\":2}");

        XapiClient.Response get = admin.get(state(context(activity,
                "{\"objectType\":\"Agent\",\"account\":{\"name\":\"" + name + "\",\"homePage\":\"https://lms.example.org\"}}", null), "s"));

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo("{\"v\":2}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void anInvalidAgentIs400NamingTheParameterAndStoresNothing(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        for (String invalid : List.of(
                "{\"mbox\":\"mailto:a@example.org\"",
                "not json",
                "{\"mbox\":\"a@example.org\"}",
                "{\"mbox\":\"mailto:a@example.org\",\"openid\":\"https://id.example.org/a\"}",
                "{\"name\":\"No Identifier\"}",
                "[]")) {
            XapiClient.Response put = admin.put(state(context(activity, invalid, null), "s"), "{}");
            assertThat(put.status()).as(invalid).isEqualTo(400);
            assertThat(put.json().get("message").asText()).as(invalid).contains("agent");
            XapiClient.Response get = admin.get(state(context(activity, invalid, null), "s"));
            assertThat(get.status()).as(invalid).isEqualTo(400);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aMissingRequiredParameterIs400AndStoresNothing(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        String agent = agent();
        Map<String, String> context = context(activity, agent, null);

        XapiClient.Response noStateId = admin.put(states(context), "{}");
        XapiClient.Response noAgent = admin.put("/activities/state" + query(Map.of("activityId", activity, "stateId", "s")), "{}");
        XapiClient.Response noActivity = admin.put("/activities/state" + query(Map.of("agent", agent, "stateId", "s")), "{}");
        XapiClient.Response listNoAgent = admin.get("/activities/state" + query(Map.of("activityId", activity)));
        XapiClient.Response postNoStateId = admin.post(states(context), "{}");

        assertThat(noStateId.status()).isEqualTo(400);
        assertThat(noStateId.text()).contains("stateId");
        assertThat(noAgent.status()).isEqualTo(400);
        assertThat(noAgent.text()).contains("agent");
        assertThat(noActivity.status()).isEqualTo(400);
        assertThat(noActivity.text()).contains("activityId");
        assertThat(listNoAgent.status()).isEqualTo(400);
        assertThat(postNoStateId.status()).isEqualTo(400);
        assertThat(ids(admin, states(context))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void anUnknownOrRepeatedParameterIs400NamingItAndStoresNothing(String database) {
        XapiClient admin = admin(database);
        Map<String, String> context = context(activity(), agent(), null);

        XapiClient.Response unknown = admin.put(state(context, "s") + "&profileId=p", "{}");
        XapiClient.Response repeated = admin.put(state(context, "s") + "&stateId=t", "{}");
        XapiClient.Response unknownOnGet = admin.get(states(context) + "&limit=10");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("profileId");
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.text()).contains("stateId");
        assertThat(unknownOnGet.status()).isEqualTo(400);
        assertThat(unknownOnGet.text()).contains("limit");
        assertThat(ids(admin, states(context))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aRegistrationThatIsNotAUuidOrAnActivityIdThatIsNotAnIriIs400(String database) {
        XapiClient admin = admin(database);
        String agent = agent();

        XapiClient.Response registration = admin.put(state(context(activity(), agent, "not-a-uuid"), "s"), "{}");
        XapiClient.Response activityId = admin.put(state(context("not an iri", agent, null), "s"), "{}");

        assertThat(registration.status()).isEqualTo(400);
        assertThat(registration.text()).contains("registration");
        assertThat(activityId.status()).isEqualTo(400);
        assertThat(activityId.text()).contains("activityId");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void headAnswersLikeGetWithoutABody(String database) {
        XapiClient admin = admin(database);
        Map<String, String> context = context(activity(), agent(), null);
        admin.put(state(context, "s"), "{\"a\":1}");

        XapiClient.Response head = admin.head(state(context, "s"));

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo(etagOf("{\"a\":1}"));
        assertThat(head.bytes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aStateIdIsTakenExactlyAsGiven(String database) {
        XapiClient admin = admin(database);
        Map<String, String> context = context(activity(), agent(), null);
        String id = "Ünïcode id with spaces/and?query&chars=1";
        admin.put(state(context, id), "{\"ok\":true}");

        JsonNode list = admin.get(states(context)).json();

        assertThat(admin.get(state(context, id)).text()).isEqualTo("{\"ok\":true}");
        assertThat(admin.get(state(context, id.toLowerCase())).status()).isEqualTo(404);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).asText()).isEqualTo(id);
    }
}
