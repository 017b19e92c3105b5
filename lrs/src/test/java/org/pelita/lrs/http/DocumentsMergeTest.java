package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.DocumentsFixture.etagOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.http.DocumentsFixture.Resource;
import org.pelita.lrs.http.DocumentsFixture.Scope;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.Json;

/**
 * POST to a document resource merges JSON objects (xAPI 1.0.3 Communication §2.2 "JSON Procedure with
 * Requirements"; 2.0.0 the same): when both the stored and the posted document are JSON objects, the posted
 * top-level properties are added or overwrite the stored ones (one level deep only); when either is not JSON the
 * LRS answers 400 and keeps the stored document; a POST to an absent document stores it as a PUT would.
 */
class DocumentsMergeTest {
    private static final DocumentsFixture.Servers SERVERS = new DocumentsFixture.Servers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    private static JsonNode json(String text) {
        return Json.parse(text, "the expected document");
    }

    private static XapiClient.Response send(XapiClient client, String method, String path, String body, String type) {
        return client.send(method, path, body.getBytes(StandardCharsets.UTF_8), type);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void postOfAJsonObjectOnAJsonObjectMergesTheTopLevelOverwritingProperties(String database, Resource resource) {
        XapiClient admin = admin(database);
        Scope scope = resource.newScope();
        String path = scope.doc("merged");
        assertThat(admin.post(path, "{\"kept\":1,\"replaced\":\"old\",\"nested\":{\"x\":1,\"y\":1}}").status()).isEqualTo(204);

        XapiClient.Response post = admin.post(path, "{\"replaced\":\"new\",\"nested\":{\"z\":2},\"added\":[1,2]}");
        XapiClient.Response get = admin.get(path);

        assertThat(post.status()).as(post.toString()).isEqualTo(204);
        assertThat(get.status()).isEqualTo(200);
        // Only the top level merges: "nested" is replaced as a whole, not merged with the stored one.
        assertThat(get.json()).isEqualTo(json("{\"kept\":1,\"replaced\":\"new\",\"nested\":{\"z\":2},\"added\":[1,2]}"));
        assertThat(get.header("Content-Type")).startsWith("application/json");
        assertThat(get.header("ETag")).isEqualTo(etagOf(get.bytes()));
        assertThat(post.header("ETag")).isEqualTo(get.header("ETag"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void postOnAnAbsentDocumentCreatesIt(String database, Resource resource) {
        XapiClient admin = admin(database);
        Scope scope = resource.newScope();

        XapiClient.Response post = admin.post(scope.doc("new"), "{\"first\":true}");
        XapiClient.Response get = admin.get(scope.doc("new"));

        assertThat(post.status()).isEqualTo(204);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo("{\"first\":true}");
        assertThat(get.header("ETag")).isEqualTo(etagOf("{\"first\":true}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void postOfANonJsonDocumentOnAbsentStoresItAsGiven(String database, Resource resource) {
        XapiClient admin = admin(database);
        Scope scope = resource.newScope();

        XapiClient.Response post = send(admin, "POST", scope.doc("text"), "plain words", "text/plain");
        XapiClient.Response get = admin.get(scope.doc("text"));

        assertThat(post.status()).isEqualTo(204);
        assertThat(get.text()).isEqualTo("plain words");
        assertThat(get.header("Content-Type")).startsWith("text/plain");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void aContentTypeWithACharsetStillCountsAsJson(String database, Resource resource) {
        XapiClient admin = admin(database);
        Scope scope = resource.newScope();
        String path = scope.doc("charset");
        assertThat(send(admin, "POST", path, "{\"a\":1}", "application/json; charset=utf-8").status()).isEqualTo(204);

        XapiClient.Response post = send(admin, "POST", path, "{\"b\":2}", "Application/JSON;charset=UTF-8");

        assertThat(post.status()).as(post.toString()).isEqualTo(204);
        assertThat(admin.get(path).json()).isEqualTo(json("{\"a\":1,\"b\":2}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void postOfJsonOnAStoredNonJsonDocumentIs400AndKeepsIt(String database, Resource resource) {
        XapiClient admin = admin(database);
        Scope scope = resource.newScope();
        String path = scope.doc("text");
        send(admin, "POST", path, "not json at all", "text/plain");

        XapiClient.Response post = admin.post(path, "{\"a\":1}");
        XapiClient.Response get = admin.get(path);

        assertThat(post.status()).isEqualTo(400);
        assertThat(get.text()).isEqualTo("not json at all");
        assertThat(get.header("Content-Type")).startsWith("text/plain");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void postOfNonJsonOnAStoredJsonDocumentIs400AndKeepsIt(String database, Resource resource) {
        XapiClient admin = admin(database);
        Scope scope = resource.newScope();
        String path = scope.doc("json");
        admin.post(path, "{\"a\":1}");

        XapiClient.Response text = send(admin, "POST", path, "{\"b\":2}", "text/plain");
        XapiClient.Response binary = admin.send("POST", path, new byte[] {1, 2, 3}, "application/octet-stream");
        XapiClient.Response get = admin.get(path);

        assertThat(text.status()).isEqualTo(400);
        assertThat(binary.status()).isEqualTo(400);
        assertThat(get.text()).isEqualTo("{\"a\":1}");
        assertThat(get.header("ETag")).isEqualTo(etagOf("{\"a\":1}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void postOfJsonThatIsNotAnObjectIs400AndKeepsTheStoredDocument(String database, Resource resource) {
        XapiClient admin = admin(database);
        Scope scope = resource.newScope();
        String path = scope.doc("json");
        admin.post(path, "{\"a\":1}");

        XapiClient.Response array = admin.post(path, "[1,2]");
        XapiClient.Response number = admin.post(path, "42");

        assertThat(array.status()).isEqualTo(400);
        assertThat(number.status()).isEqualTo(400);
        assertThat(admin.get(path).text()).isEqualTo("{\"a\":1}");
    }
}
