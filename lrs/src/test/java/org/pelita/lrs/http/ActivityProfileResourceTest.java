package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.DocumentsFixture.activity;
import static org.pelita.lrs.http.DocumentsFixture.agent;
import static org.pelita.lrs.http.DocumentsFixture.etagOf;
import static org.pelita.lrs.http.DocumentsFixture.query;
import static org.pelita.lrs.http.DocumentsFixture.tick;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;

/**
 * The Activity Profile resource (xAPI 1.0.3 Communication §2.7; 2.0.0 "Activity Profile Resource"): documents by
 * activityId and profileId, lists of profileIds (with since), any content type kept byte for byte. Concurrency and
 * merge rules, shared with the other document resources, are in {@link DocumentsConcurrencyTest} and
 * {@link DocumentsMergeTest}.
 */
class ActivityProfileResourceTest {
    private static final DocumentsFixture.Servers SERVERS = new DocumentsFixture.Servers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    private static String profile(String activityId, String profileId) {
        return "/activities/profile" + query(Map.of("activityId", activityId, "profileId", profileId));
    }

    private static String profiles(String activityId) {
        return "/activities/profile" + query(Map.of("activityId", activityId));
    }

    private static List<String> ids(XapiClient client, String path) {
        XapiClient.Response response = client.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(id -> ids.add(id.asText()));
        return ids;
    }

    static byte[] png() {
        try (InputStream in = ActivityProfileResourceTest.class.getResourceAsStream("/http/documents/pixel.png")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void putThenGetReturnsTheDocument(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        String document = "{\"difficulty\":\"hard\",\"pages\":12}";

        XapiClient.Response put = admin.put(profile(activity, "settings"), document);
        XapiClient.Response get = admin.get(profile(activity, "settings"));

        assertThat(put.status()).isEqualTo(204);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo(document);
        assertThat(get.header("Content-Type")).startsWith("application/json");
        assertThat(get.header("ETag")).isEqualTo(etagOf(document));
        assertThat(admin.get(profile(activity(), "settings")).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aBinaryDocumentComesBackByteForByteWithItsContentTypeAndLastModified(String database) {
        XapiClient admin = admin(database);
        String path = profile(activity(), "icon");
        byte[] png = png();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        XapiClient.Response put = admin.send("PUT", path, png, "image/png");
        Instant after = Instant.now();
        XapiClient.Response get = admin.get(path);

        assertThat(put.status()).isEqualTo(204);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.bytes()).isEqualTo(png);
        assertThat(get.header("Content-Type")).isEqualTo("image/png");
        assertThat(get.header("ETag")).isEqualTo(etagOf(png));
        Instant modified = ZonedDateTime.parse(get.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(modified).isBetween(before, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void listGivesTheProfileIdsOfThisActivityAndSinceOnlyThoseChangedAfterIt(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        admin.put(profile(activity, "early"), "{}");
        String between = tick().toString();
        admin.put(profile(activity, "late"), "{}");
        admin.put(profile(activity(), "elsewhere"), "{}");

        Map<String, String> since = new LinkedHashMap<>();
        since.put("activityId", activity);
        since.put("since", between);

        assertThat(ids(admin, profiles(activity))).containsExactlyInAnyOrder("early", "late");
        assertThat(ids(admin, "/activities/profile" + query(since))).containsExactly("late");
        assertThat(ids(admin, profiles(activity()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aChangeMovesTheDocumentIntoTheSinceList(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        String etag = admin.put(profile(activity, "changed"), "{\"v\":1}").header("ETag");
        admin.put(profile(activity, "unchanged"), "{}");
        String between = tick().toString();

        admin.with("If-Match", etag).put(profile(activity, "changed"), "{\"v\":2}");

        assertThat(ids(admin, "/activities/profile" + query(Map.of("activityId", activity, "since", between)))).containsExactly("changed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void deleteRemovesTheDocument(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        admin.put(profile(activity, "gone"), "{}");
        admin.put(profile(activity, "kept"), "{}");

        XapiClient.Response delete = admin.delete(profile(activity, "gone"));

        assertThat(delete.status()).isEqualTo(204);
        assertThat(admin.get(profile(activity, "gone")).status()).isEqualTo(404);
        assertThat(ids(admin, profiles(activity))).containsExactly("kept");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void deleteWithoutProfileIdIs400AndDeletesNothing(String database) {
        XapiClient admin = admin(database);
        String activity = activity();
        admin.put(profile(activity, "kept"), "{}");

        XapiClient.Response delete = admin.delete(profiles(activity));

        assertThat(delete.status()).isEqualTo(400);
        assertThat(delete.text()).contains("profileId");
        assertThat(ids(admin, profiles(activity))).containsExactly("kept");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void missingOrInvalidParametersAre400AndStoreNothing(String database) {
        XapiClient admin = admin(database);
        String activity = activity();

        XapiClient.Response noActivity = admin.put("/activities/profile" + query(Map.of("profileId", "p")), "{}");
        XapiClient.Response noProfileId = admin.put(profiles(activity), "{}");
        XapiClient.Response notAnIri = admin.put(profile("no iri here", "p"), "{}");
        XapiClient.Response agent = admin.put(profile(activity, "p") + "&" + XapiClient.query("agent", agent()), "{}");
        XapiClient.Response sinceWithId = admin.get(profile(activity, "p") + "&since=2000-01-01T00:00:00Z");

        assertThat(noActivity.status()).isEqualTo(400);
        assertThat(noActivity.text()).contains("activityId");
        assertThat(noProfileId.status()).isEqualTo(400);
        assertThat(noProfileId.text()).contains("profileId");
        assertThat(notAnIri.status()).isEqualTo(400);
        assertThat(agent.status()).isEqualTo(400);
        assertThat(agent.text()).contains("'agent'");
        assertThat(sinceWithId.status()).isEqualTo(400);
        assertThat(ids(admin, profiles(activity))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void aPutWithoutContentTypeIs400(String database) {
        XapiClient admin = admin(database);
        String activity = activity();

        XapiClient.Response put = admin.send("PUT", profile(activity, "p"), "{}".getBytes(), null);

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.text()).contains("Content-Type");
        assertThat(ids(admin, profiles(activity))).isEmpty();
    }
}
