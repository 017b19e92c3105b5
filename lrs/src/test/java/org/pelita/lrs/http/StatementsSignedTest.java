package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;
import static org.pelita.lrs.http.StatementMultipart.CONTENT_TYPE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.attachment.AttachmentPart;
import org.pelita.lrs.xapi.attachment.Signing;
import org.pelita.lrs.xapi.attachment.TestCertificates;

/**
 * Signed statements over HTTP (xAPI 1.0.3 Data §2.6; 2.0.0 the same with the JWS compact serialization): a statement
 * with a signature attachment (usageType .../signature, application/octet-stream, its JWS in a part) is stored when
 * the JWS payload is the statement and, with an x5c header, the signature verifies; otherwise it is a 400 that
 * stores nothing (§2.6.s5).
 */
class StatementsSignedTest {
    private static final StatementServers SERVERS = new StatementServers();
    private static KeyPair keys;
    private static X509Certificate certificate;

    @BeforeAll
    static void makeKeys() {
        keys = TestCertificates.rsaKeyPair();
        certificate = TestCertificates.selfSigned(keys, "Pelita HTTP test signer");
    }

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static Signing.Signed signed(StatementFixtures f, UUID id) {
        return Signing.sign(f.statementWithId(id), Signing.header(JWSAlgorithm.RS256, certificate), Signing.rsaSigner(keys));
    }

    private static StatementMultipart.Part part(AttachmentPart part) {
        return StatementMultipart.part(part.contentType(), part.content(), part.sha2());
    }

    private static XapiClient.Response post(XapiClient client, ObjectNode statement, AttachmentPart signature) {
        return client.send("POST", "/statements", StatementMultipart.body(json(statement), part(signature)), CONTENT_TYPE);
    }

    private static void assertNotStored(String database, UUID id) {
        assertThat(SERVERS.on(database).admin().get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aValidlySignedStatementIsStoredWithItsSignature(String database) {
        UUID id = UUID.randomUUID();
        Signing.Signed signed = signed(new StatementFixtures(), id);

        for (XapiClient client : List.of(SERVERS.on(database).admin(), SERVERS.on(database).client(TestLrs.ADMIN, "1.0.3"))) {
            XapiClient.Response post = post(client, signed.statement(), signed.part());
            assertThat(post.status()).as(post.toString()).isEqualTo(200);
        }

        List<StatementMultipart.Part> parts = StatementMultipart.parse(SERVERS.on(database).admin().get(byId(id) + "&attachments=true"));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1).header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(parts.get(1).text()).isEqualTo(signed.jws());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aStatementChangedAfterSigningGets400AndStoresNothing(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        Signing.Signed signed = signed(f, id);
        ((ObjectNode) signed.statement().get("verb")).put("id", f.verb("completed"));

        XapiClient.Response post = post(SERVERS.on(database).admin(), signed.statement(), signed.part());

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.json().get("message").asText()).contains("$.attachments[0]").contains("signed statement");
        assertNotStored(database, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aSignatureThatDoesNotVerifyWithItsCertificateGets400AndStoresNothing(String database) {
        UUID id = UUID.randomUUID();
        Signing.Signed signed = signed(new StatementFixtures(), id);
        // Change one character well inside the signature (the last one may only carry padding bits).
        String jws = signed.jws();
        int at = jws.lastIndexOf('.') + 20;
        String tampered = jws.substring(0, at) + (jws.charAt(at) == 'A' ? 'B' : 'A') + jws.substring(at + 1);
        ObjectNode statement = signed.statement();
        statement.remove("attachments");
        Signing.Signed resent = Signing.attach(statement, tampered, "application/octet-stream");

        XapiClient.Response post = post(SERVERS.on(database).admin(), resent.statement(), resent.part());

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.json().get("message").asText()).contains("$.attachments[0]");
        assertNotStored(database, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aSignatureThatIsNotOctetStreamOrNotSentGets400(String database) {
        // §2.6.s4.b1: the signature attachment's contentType is application/octet-stream; §2.6.s5.b3: the LRS
        // decodes the JWS, so its data must come with the statement.
        StatementFixtures f = new StatementFixtures();
        UUID textId = UUID.randomUUID();
        Signing.Signed signed = signed(f, textId);
        ObjectNode statement = signed.statement();
        statement.remove("attachments");
        Signing.Signed asText = Signing.attach(statement, signed.jws(), "text/plain");
        UUID jsonId = UUID.randomUUID();
        Signing.Signed withoutPart = signed(f, jsonId);

        XapiClient.Response text = post(SERVERS.on(database).admin(), asText.statement(), asText.part());
        XapiClient.Response json = SERVERS.on(database).admin().post("/statements", json(withoutPart.statement()));

        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("message").asText()).contains("application/octet-stream");
        assertThat(json.status()).isEqualTo(400);
        assertNotStored(database, textId);
        assertNotStored(database, jsonId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aSignaturePartThatIsNotAJwsGets400(String database) {
        UUID id = UUID.randomUUID();
        ObjectNode statement = new StatementFixtures().statementWithId(id);
        Signing.Signed garbage = Signing.attach(statement, "not a JWS", "application/octet-stream");

        XapiClient.Response post = post(SERVERS.on(database).admin(), garbage.statement(), garbage.part());

        assertThat(post.status()).isEqualTo(400);
        assertNotStored(database, id);
    }
}
