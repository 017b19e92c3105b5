package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.byVoidedId;
import static org.pelita.lrs.http.StatementFixtures.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;

/**
 * GET statements with statementId or voidedStatementId (xAPI 1.0.3 Communication §2.1.3, §2.1.4): one statement,
 * 404 when there is none of that kind, and no other parameter but format and attachments (§2.1.3.s2.b1, b2).
 */
class StatementsSingleGetTest {
    private static final StatementServers SERVERS = new StatementServers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    private static UUID put(XapiClient client, StatementFixtures f) {
        UUID id = UUID.randomUUID();
        assertThat(client.put(byId(id), json(f.statement())).status()).isEqualTo(204);
        return id;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void statementIdReturnsThatStatementAloneWithLastModifiedAtItsStoredTime(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = put(admin(database), f);

        XapiClient.Response get = admin(database).get(byId(id));

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Content-Type")).startsWith("application/json");
        assertThat(get.json().get("id").asText()).isEqualTo(id.toString());
        assertThat(get.json().has("statements")).isFalse();
        // §2.1.3.s2.b8: Last-Modified matches the stored time (an HTTP date has whole seconds).
        Instant stored = OffsetDateTime.parse(get.json().get("stored").asText()).toInstant();
        Instant lastModified = ZonedDateTime.parse(get.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(lastModified).isEqualTo(stored.truncatedTo(ChronoUnit.SECONDS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anUnknownStatementIdGets404(String database) {
        UUID id = UUID.randomUUID();

        XapiClient.Response get = admin(database).get(byId(id));

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.json().get("message").asText()).contains(id.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void voidedStatementIdOfAStatementThatIsNotVoidedGets404(String database) {
        UUID id = put(admin(database), new StatementFixtures());

        assertThat(admin(database).get(byVoidedId(id)).status()).isEqualTo(404);
        assertThat(admin(database).get(byVoidedId(UUID.randomUUID())).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aVoidedStatementIsFoundByVoidedStatementIdOnly(String database) {
        // §2.1.4.s1.b1: a voided statement is returned only when asked for by voidedStatementId.
        StatementFixtures f = new StatementFixtures();
        UUID id = put(admin(database), f);
        assertThat(admin(database).post("/statements", json(f.voiding(id))).status()).isEqualTo(200);

        XapiClient.Response byStatementId = admin(database).get(byId(id));
        XapiClient.Response byVoided = admin(database).get(byVoidedId(id));

        assertThat(byStatementId.status()).isEqualTo(404);
        assertThat(byStatementId.json().get("message").asText()).contains("voidedStatementId");
        assertThat(byVoided.status()).isEqualTo(200);
        assertThat(byVoided.json().get("id").asText()).isEqualTo(id.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void statementIdWithAnyFilterOrPagingParameterGets400(String database) {
        UUID id = put(admin(database), new StatementFixtures());

        for (String other : List.of("verb=http%3A%2F%2Fexample.org%2Fv", "registration=" + UUID.randomUUID(), "limit=1", "ascending=true",
                "since=2020-01-01T00:00:00Z", "until=2030-01-01T00:00:00Z", "related_agents=true", "related_activities=false",
                "activity=http%3A%2F%2Fexample.org%2Fa", "agent=%7B%22mbox%22%3A%22mailto%3Aa%40example.org%22%7D")) {
            XapiClient.Response get = admin(database).get(byId(id) + "&" + other);
            assertThat(get.status()).as(other).isEqualTo(400);
            assertThat(get.json().get("message").asText()).as(other).contains(other.substring(0, other.indexOf('=')));
            assertThat(admin(database).get(byVoidedId(id) + "&" + other).status()).as(other).isEqualTo(400);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void statementIdAndVoidedStatementIdTogetherGet400(String database) {
        UUID id = put(admin(database), new StatementFixtures());

        assertThat(admin(database).get(byId(id) + "&voidedStatementId=" + id).status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void statementIdTakesFormatAndAttachments(String database) {
        UUID id = put(admin(database), new StatementFixtures());

        XapiClient.Response get = admin(database).get(byId(id) + "&format=ids&attachments=false");

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Content-Type")).startsWith("application/json");
        assertThat(get.json().get("id").asText()).isEqualTo(id.toString());
    }
}
