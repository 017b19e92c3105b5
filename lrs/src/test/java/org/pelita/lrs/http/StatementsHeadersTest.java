package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;
import static org.pelita.lrs.http.StatementFixtures.posted;
import static org.pelita.lrs.testing.XapiClient.query;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;

/**
 * The headers of statement responses: X-Experience-API-Consistent-Through on every GET of statements, "regardless of
 * the code returned" (xAPI 1.0.3 Communication §2.1.3.s2.b5; 2.0.0 the same), an ISO 8601 time at or after the stored
 * time of every statement already acknowledged; and HEAD, which answers with the headers of the GET and no body
 * (Communication §1.1).
 */
class StatementsHeadersTest {
    private static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";
    private static final StatementServers SERVERS = new StatementServers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    private static String postOne(XapiClient client, StatementFixtures f) {
        XapiClient.Response post = client.post("/statements", json(f.statement()));
        assertThat(post.status()).isEqualTo(200);
        return posted(post).get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void consistentThroughIsOnEveryStatementsGetWhateverItsStatus(String database) {
        StatementFixtures f = new StatementFixtures();
        String id = postOne(admin(database), f);
        OffsetDateTime stored = OffsetDateTime.parse(admin(database).get(byId(id)).json().get("stored").asText());

        List<XapiClient.Response> responses = List.of(
                admin(database).get("/statements?" + query("verb", f.verb("attempted"))),
                admin(database).get(byId(id)),
                admin(database).get(byId(UUID.randomUUID())),
                admin(database).get("/statements?limit=-1"),
                admin(database).head(byId(id)),
                SERVERS.on(database).client(null, "2.0.0").get(byId(id)));

        assertThat(responses).extracting(XapiClient.Response::status).containsExactly(200, 200, 404, 400, 200, 401);
        for (XapiClient.Response response : responses) {
            String header = response.header(CONSISTENT_THROUGH);
            assertThat(header).as("status %d", response.status()).isNotNull();
            // ISO 8601 with a time zone; every statement acknowledged before the request is covered.
            assertThat(OffsetDateTime.parse(header)).as(header).isAfterOrEqualTo(stored);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void everyResponseNamesTheVersionServed(String database) {
        XapiClient.Response post = admin(database).post("/statements", json(new StatementFixtures().statement()));
        XapiClient.Response get = admin(database).get(byId(posted(post).get(0)));
        XapiClient.Response error = admin(database).get(byId("not-a-uuid"));

        for (XapiClient.Response response : List.of(post, get, error)) {
            assertThat(response.header("X-Experience-API-Version")).isEqualTo("2.0.0");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void headOfOneStatementHasTheHeadersOfTheGetAndNoBody(String database) {
        String id = postOne(admin(database), new StatementFixtures());

        XapiClient.Response get = admin(database).get(byId(id));
        XapiClient.Response head = admin(database).head(byId(id));

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bytes()).isEmpty();
        for (String header : List.of("Content-Type", "Last-Modified", "X-Experience-API-Version")) {
            assertThat(head.header(header)).as(header).isNotNull().isEqualTo(get.header(header));
        }
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.bytes().length));
        assertThat(head.header(CONSISTENT_THROUGH)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void headOfAListHasTheHeadersOfTheGetAndNoBody(String database) {
        StatementFixtures f = new StatementFixtures();
        postOne(admin(database), f);
        String list = "/statements?" + query("verb", f.verb("attempted"));

        XapiClient.Response get = admin(database).get(list);
        XapiClient.Response head = admin(database).head(list);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bytes()).isEmpty();
        assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.bytes().length));
        assertThat(head.header(CONSISTENT_THROUGH)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void headAnswersErrorsWithTheirStatusAndNoBody(String database) {
        XapiClient.Response missing = admin(database).head(byId(UUID.randomUUID()));
        XapiClient.Response bad = admin(database).head("/statements?unknown=1");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.bytes()).isEmpty();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.bytes()).isEmpty();
    }
}
