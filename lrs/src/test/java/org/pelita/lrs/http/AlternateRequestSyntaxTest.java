package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * The Alternate Request Syntax of xAPI 1.0.3 (Communication §1.3): a POST whose only query parameter is "method",
 * with headers, parameters and content as form fields. xAPI 2.0.0 removed it, so a 2.0.0 request using it is a 400
 * (the ADL 2.0 suite expects a 4xx).
 */
class AlternateRequestSyntaxTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final StatementServers SERVERS = new StatementServers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    /** A client that sends nothing in headers: credentials and version go in the form, as a browser's form post would. */
    private static XapiClient bare(String database) {
        return SERVERS.on(database).client(null, null);
    }

    private static String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((TestLrs.ADMIN + ":" + TestLrs.ADMIN + "-secret").getBytes(StandardCharsets.UTF_8));
    }

    /** The form fields of a request from a 1.0.3 client: Authorization and version, then the given ones. */
    private static Map<String, String> fields(String version, String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Authorization", authorization());
        if (version != null) {
            fields.put("X-Experience-API-Version", version);
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static byte[] form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add(XapiClient.query(name, value)));
        return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
    }

    private static XapiClient.Response alternate(XapiClient client, String method, Map<String, String> fields) {
        return client.send("POST", "/statements?method=" + method, form(fields), FORM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void a103PutInTheAlternateSyntaxStoresTheStatement(String database) {
        UUID id = UUID.randomUUID();
        StatementFixtures f = new StatementFixtures();

        XapiClient.Response put = alternate(bare(database), "PUT", fields("1.0.3", "Content-Type", "application/json",
                "statementId", id.toString(), "content", json(f.statement())));

        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        assertThat(put.header("X-Experience-API-Version")).isEqualTo("1.0.3");
        XapiClient.Response get = SERVERS.on(database).admin().get(byId(id));
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().get("actor").get("mbox").asText()).isEqualTo(f.mbox("learner"));
        assertThat(get.json().get("version").asText()).isEqualTo("1.0.0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void a103GetInTheAlternateSyntaxTakesItsParametersFromTheForm(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        assertThat(SERVERS.on(database).admin().put(byId(id), json(f.statement())).status()).isEqualTo(204);

        XapiClient.Response single = alternate(bare(database), "GET", fields("1.0.3", "statementId", id.toString()));
        XapiClient.Response list = alternate(bare(database), "GET", fields("1.0.3", "verb", f.verb("attempted")));

        assertThat(single.status()).isEqualTo(200);
        assertThat(single.json().get("id").asText()).isEqualTo(id.toString());
        assertThat(list.status()).isEqualTo(200);
        assertThat(StatementFixtures.ids(list)).containsExactly(id.toString());
        assertThat(list.header("X-Experience-API-Consistent-Through")).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void theHeadersMayAlsoComeAsHeaders(String database) {
        // §1.3.s3.b6: the listed headers MAY be form fields; sending them as headers is just as good.
        UUID id = UUID.randomUUID();
        XapiClient client = SERVERS.on(database).client(TestLrs.ADMIN, "1.0.3");

        XapiClient.Response put = client.send("POST", "/statements?method=PUT",
                form(Map.of("statementId", id.toString(), "content", json(new StatementFixtures().statement()))), FORM);

        assertThat(put.status()).isEqualTo(204);
        assertThat(SERVERS.on(database).admin().get(byId(id)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anUnknownFormFieldGets400AndStoresNothing(String database) {
        // §1.3.s3.b14: other form fields are query parameters, and PUT statements takes none but statementId.
        UUID id = UUID.randomUUID();

        XapiClient.Response put = alternate(bare(database), "PUT", fields("1.0.3", "statementId", id.toString(),
                "content", json(new StatementFixtures().statement()), "color", "blue"));

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().get("message").asText()).contains("color");
        assertThat(SERVERS.on(database).admin().get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anotherQueryParameterBesideMethodGets400AndStoresNothing(String database) {
        // §1.3.s3.b3: the request MUST NOT have query parameters other than method.
        UUID id = UUID.randomUUID();

        XapiClient.Response put = bare(database).send("POST", "/statements?method=PUT&statementId=" + id,
                form(fields("1.0.3", "content", json(new StatementFixtures().statement()))), FORM);

        assertThat(put.status()).isEqualTo(400);
        assertThat(SERVERS.on(database).admin().get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPutWithoutContentOrWithAnotherBodyTypeGets400(String database) {
        UUID id = UUID.randomUUID();

        XapiClient.Response noContent = alternate(bare(database), "PUT", fields("1.0.3", "statementId", id.toString()));
        XapiClient.Response notAForm = bare(database).send("POST", "/statements?method=PUT",
                form(fields("1.0.3", "statementId", id.toString(), "content", json(new StatementFixtures().statement()))), "text/plain");
        XapiClient.Response postMethod = alternate(bare(database), "POST", fields("1.0.3", "content", json(new StatementFixtures().statement())));

        assertThat(noContent.status()).isEqualTo(400);
        assertThat(notAForm.status()).isEqualTo(400);
        assertThat(postMethod.status()).isEqualTo(400);
        assertThat(SERVERS.on(database).admin().get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void a20RequestInTheAlternateSyntaxGets400AndStoresNothing(String database) {
        UUID id = UUID.randomUUID();
        String content = json(new StatementFixtures().statement());

        XapiClient.Response byHeader = SERVERS.on(database).client(TestLrs.ADMIN, "2.0.0").send("POST", "/statements?method=PUT",
                form(Map.of("statementId", id.toString(), "content", content)), FORM);
        XapiClient.Response get = SERVERS.on(database).client(TestLrs.ADMIN, "2.0.0").send("POST", "/statements?method=GET",
                form(Map.of("statementId", id.toString())), FORM);

        assertThat(byHeader.status()).isEqualTo(400);
        assertThat(byHeader.json().get("message").asText()).contains("2.0.0");
        assertThat(get.status()).isEqualTo(400);
        assertThat(SERVERS.on(database).admin().get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void a20VersionGivenAsAFormFieldIsRefusedToo(String database) {
        UUID id = UUID.randomUUID();

        XapiClient.Response put = alternate(bare(database), "PUT", fields("2.0.0", "statementId", id.toString(),
                "content", json(new StatementFixtures().statement())));

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().get("message").asText()).contains("2.0.0");
        assertThat(SERVERS.on(database).admin().get(byId(id)).status()).isEqualTo(404);
    }
}
