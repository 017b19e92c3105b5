package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.array;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;
import static org.pelita.lrs.http.StatementMultipart.CONTENT_TYPE;
import static org.pelita.lrs.http.StatementMultipart.attachment;
import static org.pelita.lrs.http.StatementMultipart.body;
import static org.pelita.lrs.http.StatementMultipart.part;
import static org.pelita.lrs.testing.XapiClient.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.Json;

/**
 * Statements with attachments (xAPI 1.0.3 Data §2.4.11, Communication §1.5.2, GET "attachments"): the data travels in
 * multipart/mixed parts matched to attachment objects by SHA-2 only; a part that does not match its hash, an
 * attachment without data or fileUrl, and a part no attachment names are 400s that store nothing; GET with
 * attachments=true answers multipart/mixed with each attachment's data once.
 */
class StatementsAttachmentsTest {
    private static final String USAGE = "https://example.org/pelita-test/attachment-usage/certificate";
    private static final StatementServers SERVERS = new StatementServers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    private static ObjectNode withAttachments(ObjectNode statement, ObjectNode... attachments) {
        ArrayNode list = statement.has("attachments") ? (ArrayNode) statement.get("attachments") : statement.putArray("attachments");
        for (ObjectNode attachment : attachments) {
            list.add(attachment);
        }
        return statement;
    }

    private static XapiClient.Response postMultipart(XapiClient client, String path, String json, StatementMultipart.Part... parts) {
        return client.send("POST", path, body(json, parts), CONTENT_TYPE);
    }

    private static void assertNotStored(String database, UUID id) {
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aStatementWithItsAttachmentIsStoredAndReturnedWithAttachmentsTrue(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        StatementMultipart.Part certificate = part("text/plain", "Certificate of completion " + f.tag());
        ObjectNode statement = withAttachments(f.statementWithId(id), attachment(certificate, USAGE));

        XapiClient.Response post = postMultipart(admin(database), "/statements", json(statement), certificate);

        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        XapiClient.Response get = admin(database).get(byId(id) + "&attachments=true");
        assertThat(get.status()).isEqualTo(200);
        List<StatementMultipart.Part> parts = StatementMultipart.parse(get);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).header("Content-Type")).startsWith("application/json");
        JsonNode returned = Json.parse(parts.get(0).content(), "statement");
        assertThat(returned.get("id").asText()).isEqualTo(id.toString());
        assertThat(returned.get("attachments").get(0).get("sha2").asText()).isEqualTo(certificate.header("X-Experience-API-Hash"));
        assertThat(parts.get(1).header("X-Experience-API-Hash")).isEqualTo(certificate.header("X-Experience-API-Hash"));
        assertThat(parts.get(1).header("Content-Type")).isEqualTo("text/plain");
        assertThat(parts.get(1).header("Content-Transfer-Encoding")).isEqualTo("binary");
        assertThat(parts.get(1).content()).isEqualTo(certificate.content());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void withoutAttachmentsTrueTheAnswerIsJsonWithoutTheData(String database) {
        // Communication §2.1.3.s2.b7: attachments=false (the default) means application/json and no raw data.
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        StatementMultipart.Part certificate = part("text/plain", "Certificate " + f.tag());
        assertThat(postMultipart(admin(database), "/statements", json(withAttachments(f.statementWithId(id), attachment(certificate, USAGE))),
                certificate).status()).isEqualTo(200);

        for (String path : List.of(byId(id), byId(id) + "&attachments=false")) {
            XapiClient.Response get = admin(database).get(path);
            assertThat(get.header("Content-Type")).startsWith("application/json");
            assertThat(get.text()).doesNotContain("Certificate " + f.tag());
            assertThat(get.json().get("attachments").get(0).get("sha2").asText()).isEqualTo(certificate.header("X-Experience-API-Hash"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aListWithAttachmentsTrueCarriesEachAttachmentOnce(String database) {
        // Two statements share one attachment (Communication §1.5.2.s2.b2.b5: data is matched by SHA-2, so one part
        // serves both); a third brings its own.
        StatementFixtures f = new StatementFixtures();
        StatementMultipart.Part shared = part("text/plain", "shared " + f.tag());
        StatementMultipart.Part own = part("application/pdf", "%PDF-1.4 own " + f.tag());
        String statements = array(withAttachments(f.statement("a", "did", "one"), attachment(shared, USAGE)),
                withAttachments(f.statement("b", "did", "two"), attachment(shared, USAGE)),
                withAttachments(f.statement("c", "did", "three"), attachment(own, USAGE)));

        XapiClient.Response post = postMultipart(admin(database), "/statements", statements, shared, own);

        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        XapiClient.Response get = admin(database).get("/statements?" + query("verb", f.verb("did")) + "&attachments=true");
        List<StatementMultipart.Part> parts = StatementMultipart.parse(get);
        assertThat(Json.parse(parts.get(0).content(), "result").get("statements")).hasSize(3);
        assertThat(parts.subList(1, parts.size())).extracting(p -> p.header("X-Experience-API-Hash"))
                .containsExactlyInAnyOrder(shared.header("X-Experience-API-Hash"), own.header("X-Experience-API-Hash"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void putWithAnAttachmentWorksLikePost(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        StatementMultipart.Part data = part("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xFF},
                StatementMultipart.sha256(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xFF}));

        XapiClient.Response put = admin(database).send("PUT", byId(id), body(json(withAttachments(f.statement(), attachment(data, USAGE))), data),
                CONTENT_TYPE);

        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        List<StatementMultipart.Part> parts = StatementMultipart.parse(admin(database).get(byId(id) + "&attachments=true"));
        assertThat(parts.get(1).content()).isEqualTo(data.content());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void sha384AndSha512HashesAreCheckedToo(String database) {
        // Communication §1.5.2: the SHA-2 of the data; SHA-256, SHA-384 and SHA-512 are the usual ones.
        StatementFixtures f = new StatementFixtures();
        for (String algorithm : List.of("SHA-384", "SHA-512")) {
            byte[] content = ("data hashed with " + algorithm).getBytes(StandardCharsets.UTF_8);
            String hash = StatementMultipart.hex(algorithm, content);
            StatementMultipart.Part data = part("text/plain", content, hash);
            ObjectNode described = attachment(data, USAGE).put("sha2", hash);
            UUID good = UUID.randomUUID();
            UUID bad = UUID.randomUUID();

            XapiClient.Response accepted = postMultipart(admin(database), "/statements", json(withAttachments(f.statementWithId(good), described)), data);
            StatementMultipart.Part wrong = part("text/plain", "other data".getBytes(StandardCharsets.UTF_8), hash);
            XapiClient.Response refused = postMultipart(admin(database), "/statements", json(withAttachments(f.statementWithId(bad), described)), wrong);

            assertThat(accepted.status()).as(algorithm).isEqualTo(200);
            assertThat(refused.status()).as(algorithm).isEqualTo(400);
            assertNotStored(database, bad);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPartWhoseDataDoesNotMatchItsHashGets400AndStoresNothing(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        StatementMultipart.Part declared = part("text/plain", "the real certificate");
        StatementMultipart.Part forged = part("text/plain", "a forged certificate".getBytes(StandardCharsets.UTF_8),
                declared.header("X-Experience-API-Hash"));

        XapiClient.Response post = postMultipart(admin(database), "/statements", json(withAttachments(f.statementWithId(id),
                attachment(declared, USAGE))), forged);

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.json().get("message").asText()).contains("X-Experience-API-Hash");
        assertNotStored(database, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anAttachmentWithoutItsPartOrFileUrlGets400AndStoresNothing(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID multipart = UUID.randomUUID();
        UUID plain = UUID.randomUUID();
        StatementMultipart.Part missing = part("text/plain", "never sent");

        XapiClient.Response inMultipart = postMultipart(admin(database), "/statements",
                json(withAttachments(f.statementWithId(multipart), attachment(missing, USAGE))));
        XapiClient.Response inJson = admin(database).post("/statements", json(withAttachments(f.statementWithId(plain), attachment(missing, USAGE))));

        assertThat(inMultipart.status()).isEqualTo(400);
        assertThat(inMultipart.json().get("message").asText()).contains("$.attachments[0]");
        assertThat(inJson.status()).isEqualTo(400);
        assertThat(inJson.json().get("message").asText()).contains("multipart/mixed");
        assertNotStored(database, multipart);
        assertNotStored(database, plain);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPartNoAttachmentNamesGets400AndStoresNothing(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        StatementMultipart.Part declared = part("text/plain", "declared");
        StatementMultipart.Part extra = part("text/plain", "extra");

        XapiClient.Response post = postMultipart(admin(database), "/statements",
                json(withAttachments(f.statementWithId(id), attachment(declared, USAGE))), declared, extra);

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.json().get("message").asText()).contains(extra.header("X-Experience-API-Hash"));
        assertNotStored(database, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPartWithoutHashOrBinaryEncodingGets400(String database) {
        // Communication §1.5.2.s2.b2.b3, b4: each attachment part has X-Experience-API-Hash and
        // Content-Transfer-Encoding: binary.
        StatementFixtures f = new StatementFixtures();
        StatementMultipart.Part data = part("text/plain", "data");
        StatementMultipart.Part noHash = new StatementMultipart.Part(Map.of("Content-Type", "text/plain",
                "Content-Transfer-Encoding", "binary"), data.content());
        StatementMultipart.Part base64 = new StatementMultipart.Part(Map.of("Content-Type", "text/plain",
                "Content-Transfer-Encoding", "base64", "X-Experience-API-Hash", data.header("X-Experience-API-Hash")), data.content());

        for (StatementMultipart.Part bad : List.of(noHash, base64)) {
            UUID id = UUID.randomUUID();
            XapiClient.Response post = postMultipart(admin(database), "/statements", json(withAttachments(f.statementWithId(id),
                    attachment(data, USAGE))), bad);
            assertThat(post.status()).isEqualTo(400);
            assertNotStored(database, id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void fileUrlOnlyAttachmentsMayComeAsPlainJson(String database) {
        // Communication §1.5.1.s1.b2: application/json with only attachments that have a fileUrl is accepted.
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        ObjectNode remote = attachment(part("application/pdf", "kept elsewhere"), USAGE).put("fileUrl", "https://files.example.org/" + f.tag() + ".pdf");

        XapiClient.Response post = admin(database).post("/statements", json(withAttachments(f.statementWithId(id), remote)));

        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        XapiClient.Response get = admin(database).get(byId(id) + "&attachments=true");
        List<StatementMultipart.Part> parts = StatementMultipart.parse(get);
        assertThat(parts).hasSize(1);
        assertThat(Json.parse(parts.get(0).content(), "statement").get("attachments").get(0).get("fileUrl").asText()).contains(f.tag());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anAttachmentWhoseSha2IsInUpperCaseIsStoredAndReturned(String database) {
        // Hashes are hex and compared without regard to case; the data must still be kept with the statement.
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        StatementMultipart.Part data = part("text/plain", "upper-case hash " + f.tag());
        ObjectNode described = attachment(data, USAGE);
        described.put("sha2", described.get("sha2").asText().toUpperCase());

        XapiClient.Response post = postMultipart(admin(database), "/statements", json(withAttachments(f.statementWithId(id), described)), data);

        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        List<StatementMultipart.Part> parts = StatementMultipart.parse(admin(database).get(byId(id) + "&attachments=true"));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1).content()).isEqualTo(data.content());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void theAttachmentOfASubStatementIsStoredAndReturned(String database) {
        // A SubStatement may have attachments (1.0.3 Data §2.4.4.3 forbids only id, stored, version and authority);
        // attachments=true returns "all Attachments" (Communication §2.1.3.s2.b6).
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        StatementMultipart.Part plan = part("text/plain", "the plan " + f.tag());
        ObjectNode statement = f.statementWithId(id);
        statement.set("object", withAttachments(f.statement("learner", "will-do", "course"), attachment(plan, USAGE)).put("objectType", "SubStatement"));

        XapiClient.Response post = postMultipart(admin(database), "/statements", json(statement), plan);

        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        List<StatementMultipart.Part> parts = StatementMultipart.parse(admin(database).get(byId(id) + "&attachments=true"));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1).content()).isEqualTo(plan.content());
    }
}
