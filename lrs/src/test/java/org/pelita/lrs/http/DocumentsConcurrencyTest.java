package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.DocumentsFixture.etagOf;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.http.DocumentsFixture.Resource;
import org.pelita.lrs.http.DocumentsFixture.Scope;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * Concurrency control of the document resources (xAPI 1.0.3 Communication §3.1; 2.0.0 "Concurrency"): GET gives
 * the ETag (the quoted lower-case hex SHA-1 of the content), If-Match and If-None-Match guard PUT, POST and DELETE
 * (412 and no change when they fail), and a PUT without either header may be refused.
 *
 * <p>Which PUTs need a precondition header differs by version. 1.0.3 §3.1 exempts the State resource ("will permit
 * PUT, POST and DELETE requests without concurrency headers") and requires one on every Activity and Agent Profile
 * PUT: 409 when the document exists; when it does not, this LRS answers 400 (the client broke a MUST). 2.0.0 drops
 * the State exemption: a PUT without either header to any existing document gets 409 (the 2.0 conformance suite
 * checks all three resources), and creates an absent one. POST and DELETE never need a header.
 */
class DocumentsConcurrencyTest {
    private static final DocumentsFixture.Servers SERVERS = new DocumentsFixture.Servers();
    private static final String OLD = "{\"old\":1}";
    private static final String NEW = "{\"new\":2}";

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    /** Stores OLD whatever the version's rules (If-None-Match: * is always accepted for an absent document). */
    private static String storeOld(XapiClient admin, String path) {
        XapiClient.Response put = admin.with("If-None-Match", "*").put(path, OLD);
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        return put.header("ETag");
    }

    /** Every cell of "does this request need a precondition header": version × resource × method × document present. */
    static Stream<Arguments> unconditionalRequests() {
        List<Arguments> cells = new ArrayList<>();
        for (String database : TestLrs.databases()) {
            for (String version : List.of("1.0.3", "2.0.0")) {
                for (Resource resource : Resource.values()) {
                    for (String method : List.of("PUT", "POST", "DELETE")) {
                        for (boolean exists : List.of(true, false)) {
                            cells.add(Arguments.of(database, version, resource, method, exists, expected(version, resource, method, exists)));
                        }
                    }
                }
            }
        }
        return cells.stream();
    }

    private static int expected(String version, Resource resource, String method, boolean exists) {
        if (!"PUT".equals(method)) {
            return 204;
        }
        if ("2.0.0".equals(version)) {
            return exists ? 409 : 204;
        }
        if (resource == Resource.STATE) {
            return 204;
        }
        return exists ? 409 : 400;
    }

    @ParameterizedTest(name = "{0} {1} {3} {2} exists={4} -> {5}")
    @MethodSource("unconditionalRequests")
    void aRequestWithoutPreconditionHeadersGetsTheStatusItsVersionAndResourceSay(String database, String version, Resource resource,
                                                                                  String method, boolean exists, int status) {
        XapiClient client = SERVERS.on(database).client(TestLrs.ADMIN, version);
        Scope scope = resource.newScope();
        String path = scope.doc("doc");
        if (exists) {
            storeOld(admin(database), path);
        }

        XapiClient.Response response = "DELETE".equals(method) ? client.delete(path) : client.send(method, path,
                NEW.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
        XapiClient.Response after = admin(database).get(path);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        if (status == 409) {
            // The answer explains what to do (1.0.3 §3.1: check the resource, send If-Match with its ETag).
            assertThat(response.text()).contains("If-Match");
        }
        String expectedAfter = switch (status) {
            case 204 -> switch (method) {
                case "PUT" -> NEW;
                case "POST" -> exists ? "{\"old\":1,\"new\":2}" : NEW;
                default -> null;
            };
            case 409 -> OLD;
            default -> null;
        };
        if (expectedAfter == null) {
            assertThat(after.status()).as("nothing is stored").isEqualTo(404);
        } else {
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.text()).isEqualTo(expectedAfter);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void getCarriesTheQuotedLowerCaseSha1OfTheContentAsEtag(String database, Resource resource) {
        XapiClient admin = admin(database);
        Scope scope = resource.newScope();
        byte[] binary = {0, (byte) 0xff, 0x10, (byte) 0x80};
        storeOld(admin, scope.doc("json"));
        admin.with("If-None-Match", "*").send("PUT", scope.doc("binary"), binary, "application/octet-stream");

        XapiClient.Response json = admin.get(scope.doc("json"));
        XapiClient.Response bytes = admin.get(scope.doc("binary"));

        assertThat(json.header("ETag")).matches("\"[0-9a-f]{40}\"").isEqualTo(etagOf(OLD));
        assertThat(bytes.header("ETag")).isEqualTo(etagOf(binary));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void putWithTheCurrentEtagReplacesAndAStaleOneIs412AndChangesNothing(String database, Resource resource) {
        XapiClient admin = admin(database);
        String path = resource.newScope().doc("doc");
        String first = storeOld(admin, path);

        XapiClient.Response current = admin.with("If-Match", first).put(path, NEW);
        XapiClient.Response stale = admin.with("If-Match", first).put(path, "{\"third\":3}");

        assertThat(current.status()).as(current.toString()).isEqualTo(204);
        assertThat(current.header("ETag")).isEqualTo(etagOf(NEW));
        assertThat(stale.status()).isEqualTo(412);
        XapiClient.Response after = admin.get(path);
        assertThat(after.text()).isEqualTo(NEW);
        assertThat(after.header("ETag")).isEqualTo(etagOf(NEW));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void ifMatchAcceptsAListOfEtagsAndTheWildcard(String database, Resource resource) {
        XapiClient admin = admin(database);
        String path = resource.newScope().doc("doc");
        String first = storeOld(admin, path);

        XapiClient.Response list = admin.with("If-Match", "\"0000000000000000000000000000000000000000\", " + first).put(path, NEW);
        XapiClient.Response wildcard = admin.with("If-Match", "*").put(path, "{\"third\":3}");

        assertThat(list.status()).isEqualTo(204);
        assertThat(wildcard.status()).isEqualTo(204);
        assertThat(admin.get(path).text()).isEqualTo("{\"third\":3}");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void ifMatchOnAnAbsentDocumentIs412AndCreatesNothing(String database, Resource resource) {
        XapiClient admin = admin(database);
        String path = resource.newScope().doc("absent");

        XapiClient.Response etag = admin.with("If-Match", etagOf(OLD)).put(path, OLD);
        XapiClient.Response wildcard = admin.with("If-Match", "*").put(path, OLD);

        assertThat(etag.status()).isEqualTo(412);
        assertThat(wildcard.status()).isEqualTo(412);
        assertThat(admin.get(path).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void ifNoneMatchStarCreatesAnAbsentDocumentAndIs412OnAnExistingOne(String database, Resource resource) {
        XapiClient admin = admin(database);
        String path = resource.newScope().doc("doc");

        XapiClient.Response create = admin.with("If-None-Match", "*").put(path, OLD);
        XapiClient.Response again = admin.with("If-None-Match", "*").put(path, NEW);

        assertThat(create.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(412);
        assertThat(admin.get(path).text()).isEqualTo(OLD);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void ifNoneMatchWithTheCurrentEtagIs412(String database, Resource resource) {
        XapiClient admin = admin(database);
        String path = resource.newScope().doc("doc");
        String etag = storeOld(admin, path);

        XapiClient.Response response = admin.with("If-None-Match", etag).put(path, NEW);

        assertThat(response.status()).isEqualTo(412);
        assertThat(admin.get(path).text()).isEqualTo(OLD);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void postHonoursIfMatchAndIfNoneMatch(String database, Resource resource) {
        XapiClient admin = admin(database);
        String path = resource.newScope().doc("doc");
        String etag = storeOld(admin, path);

        XapiClient.Response stale = admin.with("If-Match", etagOf("{\"other\":0}")).post(path, NEW);
        XapiClient.Response exists = admin.with("If-None-Match", "*").post(path, NEW);
        String unchanged = admin.get(path).text();
        XapiClient.Response current = admin.with("If-Match", etag).post(path, NEW);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(exists.status()).isEqualTo(412);
        assertThat(unchanged).isEqualTo(OLD);
        assertThat(current.status()).isEqualTo(204);
        assertThat(admin.get(path).text()).isEqualTo("{\"old\":1,\"new\":2}");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void deleteHonoursIfMatch(String database, Resource resource) {
        XapiClient admin = admin(database);
        String path = resource.newScope().doc("doc");
        String etag = storeOld(admin, path);

        XapiClient.Response stale = admin.with("If-Match", etagOf("{\"other\":0}")).delete(path);
        String kept = admin.get(path).text();
        XapiClient.Response current = admin.with("If-Match", etag).delete(path);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(kept).isEqualTo(OLD);
        assertThat(current.status()).isEqualTo(204);
        assertThat(admin.get(path).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.pelita.lrs.http.DocumentsFixture#databasesAndResources")
    void preconditionsWorkTheSameIn103(String database, Resource resource) {
        XapiClient v1 = SERVERS.on(database).client(TestLrs.ADMIN, "1.0.3");
        String path = resource.newScope().doc("doc");

        XapiClient.Response create = v1.with("If-None-Match", "*").put(path, OLD);
        XapiClient.Response stale = v1.with("If-Match", etagOf("{\"other\":0}")).put(path, NEW);
        XapiClient.Response current = v1.with("If-Match", etagOf(OLD)).put(path, NEW);

        assertThat(create.status()).isEqualTo(204);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(current.status()).isEqualTo(204);
        assertThat(v1.get(path).text()).isEqualTo(NEW);
        assertThat(v1.get(path).header("ETag")).isEqualTo(etagOf(NEW));
    }
}
