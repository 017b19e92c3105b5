package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.http.DocumentsFixture.Resource;
import org.pelita.lrs.http.DocumentsFixture.Scope;
import org.pelita.lrs.testing.XapiClient;

/**
 * Bad input to the document resources gets a clear 4xx and changes nothing: bodies over max-body-bytes (413; this
 * LRS runs with a 4096-byte limit), and a POST whose application/json body is not a JSON object (2.0.0 State,
 * Activity Profile and Agent Profile resources: "If the document being posted ... has a Content-Type of
 * application/json but cannot be parsed as a JSON Object, the LRS MUST respond with 400 ... and MUST NOT update
 * the target document").
 */
class DocumentsBadInputTest {
    private static final int LIMIT = 4096;
    private static final DocumentsFixture.Servers SERVERS = new DocumentsFixture.Servers(Map.of("max-body-bytes", String.valueOf(LIMIT)));
    private static final String STORED = "{\"kept\":true}";

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static byte[] jsonOfSize(int size) {
        String head = "{\"padding\":\"";
        String tail = "\"}";
        char[] padding = new char[size - head.length() - tail.length()];
        Arrays.fill(padding, 'x');
        return (head + new String(padding) + tail).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertUnchanged(XapiClient admin, String path) {
        XapiClient.Response get = admin.get(path);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo(STORED);
        assertThat(get.header("ETag")).isEqualTo(DocumentsFixture.etagOf(STORED));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void aBodyOverTheLimitIs413AndNothingIsStored(String database, Resource resource) {
        XapiClient admin = admin(database);
        Scope scope = resource.newScope();

        XapiClient.Response put = admin.send("PUT", scope.doc("big"), jsonOfSize(LIMIT + 1), "application/json");
        XapiClient.Response binary = admin.send("PUT", scope.doc("big-binary"), new byte[LIMIT * 4], "application/octet-stream");

        assertThat(put.status()).as(put.toString()).isEqualTo(413);
        assertThat(binary.status()).isEqualTo(413);
        assertThat(admin.get(scope.doc("big")).status()).isEqualTo(404);
        assertThat(admin.get(scope.doc("big-binary")).status()).isEqualTo(404);
        assertThat(admin.get(scope.list()).text()).isEqualTo("[]");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void aBodyAtTheLimitIsStored(String database, Resource resource) {
        XapiClient admin = admin(database);
        String path = resource.newScope().doc("at-limit");
        byte[] body = jsonOfSize(LIMIT);

        XapiClient.Response put = admin.send("PUT", path, body, "application/json");

        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        assertThat(admin.get(path).bytes()).isEqualTo(body);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void aPostOverTheLimitIs413AndTheStoredDocumentIsUnchanged(String database, Resource resource) {
        XapiClient admin = admin(database);
        String path = resource.newScope().doc("doc");
        admin.put(path, STORED);

        XapiClient.Response post = admin.send("POST", path, jsonOfSize(LIMIT + 100), "application/json");

        assertThat(post.status()).isEqualTo(413);
        assertUnchanged(admin, path);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void aPostOfMalformedJsonIs400SayingWhereAndTheStoredDocumentIsUnchanged(String database, Resource resource) {
        XapiClient admin = admin(database);
        String path = resource.newScope().doc("doc");
        admin.put(path, STORED);

        XapiClient.Response truncated = admin.post(path, "{\"a\":1,\n\"b\":");
        XapiClient.Response trailing = admin.post(path, "{\"a\":1} {\"b\":2}");
        XapiClient.Response duplicate = admin.post(path, "{\"a\":1,\"a\":2}");
        XapiClient.Response deep = admin.post(path, "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}");
        XapiClient.Response empty = admin.post(path, "");
        XapiClient.Response invalidUtf8 = admin.send("POST", path, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '(', '"', '}'},
                "application/json");

        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.text()).contains("line 2");
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(deep.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(invalidUtf8.status()).isEqualTo(400);
        assertUnchanged(admin, path);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void aPostOfMalformedJsonToAnAbsentDocumentStoresNothing(String database, Resource resource) {
        XapiClient admin = admin(database);
        Scope scope = resource.newScope();

        XapiClient.Response post = admin.post(scope.doc("new"), "{\"a\":");

        assertThat(post.status()).isEqualTo(400);
        assertThat(admin.get(scope.doc("new")).status()).isEqualTo(404);
    }
}
