package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;

/**
 * Request bodies over the configured max-body-bytes get 413 Payload Too Large, whatever their type, and store nothing
 * (docs/lrs.md, "Limits and bad input"); bodies within the limit are served as usual.
 */
class StatementsBodyLimitTest {
    private static final int LIMIT = 4096;
    private static final StatementServers SERVERS = new StatementServers(Map.of("max-body-bytes", String.valueOf(LIMIT)), lrs -> { });

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    /** A statement whose JSON is about {@code bytes} long: its result.response is padding. */
    private static ObjectNode statementOf(UUID id, int bytes) {
        ObjectNode statement = new StatementFixtures().statementWithId(id);
        int base = json(statement).length() + "\"result\":{\"response\":\"\"},".length();
        statement.putObject("result").put("response", "x".repeat(Math.max(0, bytes - base)));
        return statement;
    }

    private static void assertTooLarge(XapiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.json().get("status").asInt()).isEqualTo(413);
        assertThat(response.json().get("message").asText()).contains("larger");
        assertThat(response.header("X-Experience-API-Version")).isEqualTo("2.0.0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aStatementOverTheLimitGets413AndIsNotStored(String database) {
        UUID posted = UUID.randomUUID();
        UUID put = UUID.randomUUID();

        assertTooLarge(admin(database).post("/statements", json(statementOf(posted, LIMIT + 100))));
        assertTooLarge(admin(database).put(byId(put), json(statementOf(put, LIMIT + 100))));

        assertThat(admin(database).get(byId(posted)).status()).isEqualTo(404);
        assertThat(admin(database).get(byId(put)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aMultipartBodyOverTheLimitGets413AndIsNotStored(String database) {
        UUID id = UUID.randomUUID();
        StatementMultipart.Part data = StatementMultipart.part("text/plain", "y".repeat(LIMIT));
        ObjectNode statement = new StatementFixtures().statementWithId(id);
        statement.putArray("attachments").add(StatementMultipart.attachment(data, "https://example.org/pelita-test/usage"));

        assertTooLarge(admin(database).send("POST", "/statements", StatementMultipart.body(json(statement), data), StatementMultipart.CONTENT_TYPE));

        assertThat(admin(database).get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aBodyJustWithinTheLimitIsStored(String database) {
        UUID id = UUID.randomUUID();
        String body = json(statementOf(id, LIMIT - 10));
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isBetween(LIMIT - 200, LIMIT);

        assertThat(admin(database).post("/statements", body).status()).isEqualTo(200);

        assertThat(admin(database).get(byId(id)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aChunkedBodyWithoutContentLengthIsLimitedToo(String database) throws Exception {
        // A body sent in chunks announces no length up front; the limit must hold while reading it.
        UUID id = UUID.randomUUID();
        byte[] body = json(statementOf(id, LIMIT * 4)).getBytes(StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString("test-admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(SERVERS.on(database).base() + "/xapi/statements"))
                .header("Authorization", "Basic " + basic).header("X-Experience-API-Version", "2.0.0").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(404);
    }
}
