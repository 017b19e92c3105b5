package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.DocumentsFixture.activity;
import static org.pelita.lrs.http.DocumentsFixture.agent;
import static org.pelita.lrs.http.DocumentsFixture.etagOf;
import static org.pelita.lrs.http.DocumentsFixture.mbox;
import static org.pelita.lrs.http.DocumentsFixture.query;
import static org.pelita.lrs.http.DocumentsFixture.tick;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;

/**
 * The Agent Profile resource (xAPI 1.0.3 Communication §2.6; 2.0.0 "Agent Profile Resource"): documents by agent
 * and profileId. The agent is an Agent (a Group is refused), identified by its inverse functional identifier, so
 * equivalent JSON names the same profile. Concurrency and merge rules are in {@link DocumentsConcurrencyTest} and
 * {@link DocumentsMergeTest}.
 */
class AgentProfileResourceTest {
    private static final DocumentsFixture.Servers SERVERS = new DocumentsFixture.Servers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    private static String profile(String agent, String profileId) {
        return "/agents/profile" + query(Map.of("agent", agent, "profileId", profileId));
    }

    private static String profiles(String agent) {
        return "/agents/profile" + query(Map.of("agent", agent));
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
    void putThenGetReturnsTheDocumentForThatAgentOnly(String database) {
        XapiClient admin = admin(database);
        String agent = agent();
        String document = "{\"language\":\"fr\",\"theme\":\"dark\"}";

        XapiClient.Response put = admin.put(profile(agent, "preferences"), document);
        XapiClient.Response get = admin.get(profile(agent, "preferences"));

        assertThat(put.status()).isEqualTo(204);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo(document);
        assertThat(get.header("ETag")).isEqualTo(etagOf(document));
        assertThat(admin.get(profile(agent(), "preferences")).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aBinaryDocumentComesBackByteForByteWithItsContentTypeAndLastModified(String database) {
        XapiClient admin = admin(database);
        String path = profile(agent(), "avatar");
        byte[] png = ActivityProfileResourceTest.png();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        XapiClient.Response put = admin.send("PUT", path, png, "image/png");
        Instant after = Instant.now();
        XapiClient.Response get = admin.get(path);

        assertThat(put.status()).isEqualTo(204);
        assertThat(get.bytes()).isEqualTo(png);
        assertThat(get.header("Content-Type")).isEqualTo("image/png");
        assertThat(get.header("ETag")).isEqualTo(etagOf(png));
        Instant modified = ZonedDateTime.parse(get.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(modified).isBetween(before, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void listGivesTheProfileIdsOfThisAgentAndSinceOnlyThoseChangedAfterIt(String database) {
        XapiClient admin = admin(database);
        String agent = agent();
        admin.put(profile(agent, "early"), "{}");
        String between = tick().toString();
        admin.put(profile(agent, "late"), "{}");
        admin.put(profile(agent(), "someone-else"), "{}");

        assertThat(ids(admin, profiles(agent))).containsExactlyInAnyOrder("early", "late");
        assertThat(ids(admin, "/agents/profile" + query(Map.of("agent", agent, "since", between)))).containsExactly("late");
        assertThat(ids(admin, profiles(agent()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void anEquivalentAgentObjectNamesTheSameProfile(String database) {
        XapiClient admin = admin(database);
        String mbox = mbox();
        admin.put(profile("{\"objectType\":\"Agent\",\"mbox\":\"" + mbox + "\"}", "p"), "{\"v\":1}");

        XapiClient.Response reordered = admin.get(profile("{ \"mbox\" : \"" + mbox + "\" ,\n \"objectType\" : \"Agent\" }", "p"));
        XapiClient.Response named = admin.get(profile("{\"name\":\"Ada\",\"mbox\":\"" + mbox + "\"}", "p"));

        assertThat(reordered.status()).isEqualTo(200);
        assertThat(reordered.text()).isEqualTo("{\"v\":1}");
        assertThat(named.text()).isEqualTo("{\"v\":1}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aGroupAsAgentIs400AndStoresNothing(String database) {
        XapiClient admin = admin(database);
        String group = "{\"objectType\":\"Group\",\"mbox\":\"" + mbox() + "\"}";

        XapiClient.Response put = admin.put(profile(group, "p"), "{}");
        XapiClient.Response list = admin.get(profiles(group));

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.text()).contains("agent");
        assertThat(list.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void deleteRemovesTheDocumentAndWithoutProfileIdIs400(String database) {
        XapiClient admin = admin(database);
        String agent = agent();
        admin.put(profile(agent, "gone"), "{}");
        admin.put(profile(agent, "kept"), "{}");

        XapiClient.Response delete = admin.delete(profile(agent, "gone"));
        XapiClient.Response deleteAll = admin.delete(profiles(agent));

        assertThat(delete.status()).isEqualTo(204);
        assertThat(deleteAll.status()).isEqualTo(400);
        assertThat(ids(admin, profiles(agent))).containsExactly("kept");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void missingOrInvalidParametersAre400AndStoreNothing(String database) {
        XapiClient admin = admin(database);
        String agent = agent();

        XapiClient.Response noAgent = admin.put("/agents/profile" + query(Map.of("profileId", "p")), "{}");
        XapiClient.Response noProfileId = admin.put(profiles(agent), "{}");
        XapiClient.Response badJson = admin.put(profile("{\"mbox\":", "p"), "{}");
        XapiClient.Response activityId = admin.put(profile(agent, "p") + "&" + XapiClient.query("activityId", activity()), "{}");

        assertThat(noAgent.status()).isEqualTo(400);
        assertThat(noAgent.text()).contains("agent");
        assertThat(noProfileId.status()).isEqualTo(400);
        assertThat(noProfileId.text()).contains("profileId");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.text()).contains("agent");
        assertThat(activityId.status()).isEqualTo(400);
        assertThat(activityId.text()).contains("'activityId'");
        assertThat(ids(admin, profiles(agent))).isEmpty();
    }
}
