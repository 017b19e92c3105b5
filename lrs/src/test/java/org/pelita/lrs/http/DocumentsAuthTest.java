package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.http.DocumentsFixture.Resource;
import org.pelita.lrs.http.DocumentsFixture.Scope;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * Who may use the document resources (xAPI 1.0.3 Communication §4.2 scopes; docs/lrs.md): {@code state} the
 * State resource, {@code profile} both profile resources, {@code all/read} every GET, {@code all} everything.
 * Statement-only credentials, including the write-only keys restricted to an activity prefix that content packages
 * carry, touch no document. Without valid credentials: 401 with WWW-Authenticate; with too few rights: 403. A
 * refused request changes nothing.
 */
class DocumentsAuthTest {
    private static final DocumentsFixture.Servers SERVERS = new DocumentsFixture.Servers();
    private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();
    private static final String PREFIX = "https://pelita.example.org/test/activities/";

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static TestLrs lrs(String database) {
        TestLrs lrs = SERVERS.on(database);
        if (PREPARED.add(database)) {
            lrs.credential("state-only", "state");
            lrs.credential("profile-only", "profile");
            lrs.credential("reader", "all/read");
            lrs.credential("statement-reader", "statements/read");
            lrs.credential("statement-writer", "statements/write");
            // The activity ids of these tests start with PREFIX: the prefix must not open documents to the key.
            lrs.credential("package-key", "statements/write", PREFIX);
        }
        return lrs;
    }

    private static boolean allowed(String key, Resource resource) {
        return switch (key) {
            case "state-only" -> resource == Resource.STATE;
            case "profile-only" -> resource != Resource.STATE;
            default -> false;
        };
    }

    /** A client's attempts at every operation on a document, each checked, and the document afterwards. */
    private static void assertAccess(TestLrs lrs, String key, Resource resource, boolean canRead, boolean canWrite) {
        XapiClient admin = lrs.admin();
        XapiClient client = lrs.client(key, "2.0.0");
        Scope scope = resource.newScope();
        admin.put(scope.doc("existing"), "{\"by\":\"admin\"}");

        XapiClient.Response get = client.get(scope.doc("existing"));
        XapiClient.Response list = client.get(scope.list());
        XapiClient.Response put = client.put(scope.doc("new"), "{\"by\":\"" + key + "\"}");
        XapiClient.Response post = client.post(scope.doc("existing"), "{\"posted\":true}");
        XapiClient.Response delete = client.delete(scope.doc("existing"));

        String who = key + " on " + resource;
        assertThat(get.status()).as(who + " GET").isEqualTo(canRead ? 200 : 403);
        assertThat(list.status()).as(who + " GET ids").isEqualTo(canRead ? 200 : 403);
        assertThat(put.status()).as(who + " PUT").isEqualTo(canWrite ? 204 : 403);
        assertThat(post.status()).as(who + " POST").isEqualTo(canWrite ? 204 : 403);
        assertThat(delete.status()).as(who + " DELETE").isEqualTo(canWrite ? 204 : 403);
        if (canRead) {
            assertThat(get.text()).isEqualTo("{\"by\":\"admin\"}");
        } else {
            assertThat(get.text()).doesNotContain("admin");
        }
        if (canWrite) {
            assertThat(admin.get(scope.doc("new")).text()).isEqualTo("{\"by\":\"" + key + "\"}");
            assertThat(admin.get(scope.doc("existing")).status()).isEqualTo(404);
        } else {
            assertThat(admin.get(scope.doc("new")).status()).as(who + ": nothing stored").isEqualTo(404);
            assertThat(admin.get(scope.doc("existing")).text()).as(who + ": nothing changed").isEqualTo("{\"by\":\"admin\"}");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void stateScopeUsesStateOnlyAndProfileScopeBothProfilesOnly(String database, Resource resource) {
        TestLrs lrs = lrs(database);
        for (String key : List.of("state-only", "profile-only")) {
            assertAccess(lrs, key, resource, allowed(key, resource), allowed(key, resource));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void statementCredentialsTouchNoDocumentEvenUnderTheirActivityPrefix(String database, Resource resource) {
        TestLrs lrs = lrs(database);
        for (String key : List.of("package-key", "statement-writer", "statement-reader")) {
            assertAccess(lrs, key, resource, false, false);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void allReadMayGetButNotChange(String database, Resource resource) {
        assertAccess(lrs(database), "reader", resource, true, false);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void withoutValidCredentialsEveryRequestIs401AndChangesNothing(String database, Resource resource) {
        TestLrs lrs = lrs(database);
        Scope scope = resource.newScope();
        lrs.admin().put(scope.doc("existing"), "{\"by\":\"admin\"}");
        XapiClient nobody = lrs.client(null, "2.0.0");
        XapiClient wrongSecret = lrs.client("state-only", "2.0.0").with("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("state-only:wrong".getBytes(StandardCharsets.UTF_8)));
        XapiClient unknownKey = lrs.client("nobody-has-this-key", "2.0.0");

        for (XapiClient client : List.of(nobody, wrongSecret, unknownKey)) {
            XapiClient.Response get = client.get(scope.doc("existing"));
            XapiClient.Response put = client.put(scope.doc("new"), "{}");
            XapiClient.Response delete = client.delete(scope.doc("existing"));
            assertThat(get.status()).isEqualTo(401);
            assertThat(get.header("WWW-Authenticate")).startsWith("Basic");
            assertThat(get.text()).doesNotContain("admin");
            assertThat(put.status()).isEqualTo(401);
            assertThat(delete.status()).isEqualTo(401);
        }
        assertThat(lrs.admin().get(scope.doc("new")).status()).isEqualTo(404);
        assertThat(lrs.admin().get(scope.doc("existing")).text()).isEqualTo("{\"by\":\"admin\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databases")
    void malformedBasicCredentialsAre401NotServerErrors(String database) {
        TestLrs lrs = lrs(database);
        String path = Resource.STATE.newScope().doc("s");
        List<String> headers = List.of(
                "Basic",
                "Basic ",
                "Basic !!!not-base64!!!",
                "Basic " + base64("no-colon-here"),
                "Basic " + base64(":secret-without-key"),
                "Basic " + base64("state-only:"),
                "Bearer " + base64("state-only:state-only-secret"),
                "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, ':', (byte) 0x80}));

        for (String header : headers) {
            XapiClient.Response response = lrs.anonymous().with("X-Experience-API-Version", "2.0.0").with("Authorization", header)
                    .put("/xapi" + path, "{}");
            assertThat(response.status()).as(header).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(header).startsWith("Basic");
        }
        assertThat(lrs.admin().get(path).status()).isEqualTo(404);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
