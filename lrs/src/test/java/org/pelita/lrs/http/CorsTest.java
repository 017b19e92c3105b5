package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;

/**
 * Cross-origin requests from content served by an LMS (Fetch standard, CORS protocol): an allowed origin's preflight
 * is answered with the methods and headers xAPI clients send, its requests carry Access-Control-Allow-Origin and
 * expose the xAPI response headers; any other origin gets none of them.
 */
class CorsTest {
    private static final String ALLOWED = "https://lms.example.org";
    private static final String OTHER = "https://evil.example.com";
    private static final StatementServers SERVERS = new StatementServers(Map.of("cors-origins", ALLOWED), lrs -> { });

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient.Response preflight(String database, String origin, String method) {
        return SERVERS.on(database).client(null, null).with("Origin", origin).with("Access-Control-Request-Method", method)
                .with("Access-Control-Request-Headers", "authorization, content-type, x-experience-api-version")
                .send("OPTIONS", "/statements", null, null);
    }

    private static List<String> list(String header) {
        return header == null ? List.of() : Arrays.stream(header.split(",")).map(String::trim).map(String::toLowerCase).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPreflightFromAnAllowedOriginIsAnsweredWithWhatXapiClientsNeed(String database) {
        XapiClient.Response response = preflight(database, ALLOWED, "PUT");

        assertThat(response.status()).isBetween(200, 204);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(list(response.header("Access-Control-Allow-Methods"))).contains("get", "head", "put", "post", "delete");
        assertThat(list(response.header("Access-Control-Allow-Headers")))
                .contains("authorization", "content-type", "x-experience-api-version", "if-match", "if-none-match");
        assertThat(Integer.parseInt(response.header("Access-Control-Max-Age"))).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPreflightFromAnotherOriginGetsNoAllowHeaders(String database) {
        XapiClient.Response response = preflight(database, OTHER, "POST");

        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.header("Access-Control-Allow-Methods")).isNull();
        assertThat(response.header("Access-Control-Allow-Headers")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void requestsFromAnAllowedOriginMayReadTheXapiHeaders(String database) {
        UUID id = UUID.randomUUID();
        XapiClient lms = SERVERS.on(database).admin().with("Origin", ALLOWED);

        List<XapiClient.Response> responses = List.of(lms.put(byId(id), json(new StatementFixtures().statement())), lms.get(byId(id)),
                lms.get(byId(UUID.randomUUID())), SERVERS.on(database).client(null, "2.0.0").with("Origin", ALLOWED).get("/statements"));

        assertThat(responses).extracting(XapiClient.Response::status).containsExactly(204, 200, 404, 401);
        for (XapiClient.Response response : responses) {
            // Errors too: a script can only read a 401 or 404 that carries the CORS headers.
            assertThat(response.header("Access-Control-Allow-Origin")).as("status %d", response.status()).isEqualTo(ALLOWED);
            assertThat(list(response.header("Access-Control-Expose-Headers")))
                    .contains("x-experience-api-consistent-through", "etag", "last-modified", "x-experience-api-version");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void requestsFromAnotherOriginGetNoCorsHeadersButAreOtherwiseServed(String database) {
        UUID id = UUID.randomUUID();
        XapiClient evil = SERVERS.on(database).admin().with("Origin", OTHER);

        XapiClient.Response put = evil.put(byId(id), json(new StatementFixtures().statement()));

        // Same-origin policy is the browser's to enforce; the LRS only withholds the permission to read.
        assertThat(put.status()).isEqualTo(204);
        assertThat(put.header("Access-Control-Allow-Origin")).isNull();
        assertThat(put.header("Access-Control-Expose-Headers")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void withoutConfiguredOriginsNoCorsHeadersAreSent(String database) {
        try (StatementServers plain = new StatementServers()) {
            XapiClient.Response get = plain.on(database).admin().with("Origin", ALLOWED).get("/statements");

            assertThat(get.status()).isEqualTo(200);
            assertThat(get.header("Access-Control-Allow-Origin")).isNull();
        }
    }
}
