package org.pelita.lrs.xapi.attachment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObjectJSON;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.XapiVersion;

class SignatureRulesTest {
    private static KeyPair signerKeys;
    private static KeyPair otherKeys;
    private static X509Certificate signerCertificate;
    private static X509Certificate otherCertificate;

    @BeforeAll
    static void makeKeysAndCertificates() {
        signerKeys = TestCertificates.rsaKeyPair();
        otherKeys = TestCertificates.rsaKeyPair();
        signerCertificate = TestCertificates.selfSigned(signerKeys, "Pelita test signer");
        otherCertificate = TestCertificates.selfSigned(otherKeys, "Someone else");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512"})
    void acceptsAStatementSignedWithAnRsaAlgorithm(String algorithm) {
        // XAPI-00117: the suite signs with RS256, RS384 and RS512 and sends no x5c.
        Signing.Signed signed = Signing.sign(Signing.statement(), Signing.header(JWSAlgorithm.parse(algorithm)),
                Signing.rsaSigner(signerKeys));

        for (XapiVersion version : XapiVersion.values()) {
            assertThatCode(() -> SignatureRules.verify(signed.statement(), signed.parts(), version, "$"))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void acceptsASignatureThatVerifiesWithItsX5cCertificate() {
        Signing.Signed signed = Signing.sign(Signing.statement(), Signing.header(JWSAlgorithm.RS256, signerCertificate),
                Signing.rsaSigner(signerKeys));

        assertThatCode(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V2_0_0, "$"))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsAnX5cChainWhereEachCertificateIsSignedByTheNext() {
        KeyPair authority = TestCertificates.rsaKeyPair();
        X509Certificate root = TestCertificates.selfSigned(authority, "Test authority");
        X509Certificate leaf = TestCertificates.issue(signerKeys.getPublic(), "Signer", authority.getPrivate(), "Test authority");
        Signing.Signed signed = Signing.sign(Signing.statement(), Signing.header(JWSAlgorithm.RS512, leaf, root),
                Signing.rsaSigner(signerKeys));

        assertThatCode(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V1_0_3, "$"))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsTheSignedStatementOfTheSpecsAppendixD() {
        // 1.0.3 Data Appendix D: a 1024-bit key, an x5c chain of two SHA1withRSA certificates long expired, and a
        // payload with CRLF line ends. It must still verify: a signature is durable evidence (§2.6.s2).
        JsonNode statement = Json.parse(Fixtures.bytes("spec-appendix-d-signed-statement.json"), "statement");
        byte[] jws = Fixtures.bytes("spec-appendix-d.jws");
        AttachmentPart part = new AttachmentPart(Sha2.sha256Hex(jws), "application/octet-stream", jws);

        for (XapiVersion version : XapiVersion.values()) {
            assertThatCode(() -> SignatureRules.verify(statement, List.of(part), version, "$")).doesNotThrowAnyException();
        }
    }

    @Test
    void rejectsAnHmacAlgorithm() throws Exception {
        // XAPI-00117: the suite's "Rejects signed statement with another algorithm" signs with HS256.
        Signing.Signed signed = Signing.sign(Signing.statement(), Signing.header(JWSAlgorithm.HS256),
                new MACSigner(new byte[32]));

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V2_0_0, "$"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("$.attachments[0]: the JWS algorithm is HS256; signed statements must use RS256, RS384 or RS512");
    }

    @Test
    void rejectsASignatureAttachmentWhoseContentTypeIsNotOctetStream() {
        // XAPI-00115: the suite's "bad content type" sends text/plain; charset=ascii.
        ObjectNode statement = Signing.statement();
        Signing.Signed good = Signing.sign(statement, Signing.header(JWSAlgorithm.RS256), Signing.rsaSigner(signerKeys));
        statement.remove("attachments");
        Signing.Signed signed = Signing.attach(statement, good.jws(), "text/plain; charset=ascii");

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V1_0_3, "$"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("$.attachments[0].contentType: a signature attachment must have contentType"
                        + " application/octet-stream, not text/plain; charset=ascii");
    }

    @Test
    void rejectsASignatureAttachmentWhoseDataIsNotInTheRequest() {
        // XAPI-00115: "does not have a signature attached"; a fileUrl does not excuse it, the LRS must decode the JWS.
        Signing.Signed signed = Signing.sign(Signing.statement(), Signing.header(JWSAlgorithm.RS256),
                Signing.rsaSigner(signerKeys));
        ((ObjectNode) signed.statement().get("attachments").get(0)).put("fileUrl", "http://example.com/signature");

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), null, XapiVersion.V2_0_0, "$[3]"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("$[3].attachments[0]: the signature's data is not in the request");
    }

    @Test
    void rejectsAPayloadThatIsNotJson() {
        // XAPI-00116: the suite's breakJson turns the first " of the payload into '.
        ObjectNode statement = Signing.statement();
        byte[] broken = Json.write(statement).replaceFirst("\"", "'").getBytes(StandardCharsets.UTF_8);
        Signing.Signed signed = Signing.sign(statement, broken, Signing.header(JWSAlgorithm.RS256),
                Signing.rsaSigner(signerKeys));

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V1_0_3, "$"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("$.attachments[0]: the signed statement (the JWS payload) is not valid JSON");
    }

    @Test
    void rejectsAPayloadThatIsNotAnObject() {
        Signing.Signed signed = Signing.sign(Signing.statement(), "[]".getBytes(StandardCharsets.UTF_8),
                Signing.header(JWSAlgorithm.RS256), Signing.rsaSigner(signerKeys));

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V1_0_3, "$"))
                .hasMessage("$.attachments[0]: the signed statement (the JWS payload) is not a JSON object");
    }

    @Test
    void rejectsAStatementChangedAfterSigning() {
        Signing.Signed signed = Signing.sign(Signing.statement(), Signing.header(JWSAlgorithm.RS256, signerCertificate),
                Signing.rsaSigner(signerKeys));
        ((ObjectNode) signed.statement().get("actor")).put("mbox", "mailto:someone.else@adlnet.gov");

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V2_0_0, "$"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("$.attachments[0]: the signed statement (the JWS payload) is not the statement: $.actor.mbox is"
                        + " \"mailto:xapi@adlnet.gov\" in the signed statement and \"mailto:someone.else@adlnet.gov\" in the"
                        + " statement");
    }

    @Test
    void rejectsAPayloadTamperedWithAfterSigning() {
        // The payload says what the statement says, but the signature no longer covers it.
        ObjectNode statement = Signing.statement();
        Signing.Signed original = Signing.sign(statement.deepCopy(), Signing.header(JWSAlgorithm.RS256, signerCertificate),
                Signing.rsaSigner(signerKeys));
        String[] segments = original.jws().split("\\.");
        ((ObjectNode) statement.get("actor")).put("name", "Mallory");
        String tampered = segments[0] + "." + Base64URL.encode(Json.write(statement)) + "." + segments[2];
        Signing.Signed signed = Signing.attach(statement, tampered, "application/octet-stream");

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V2_0_0, "$"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("$.attachments[0]: the JWS signature does not verify with the key of the first certificate in"
                        + " the header's x5c");
    }

    @Test
    void rejectsAnX5cCertificateOfAnotherKey() {
        Signing.Signed signed = Signing.sign(Signing.statement(), Signing.header(JWSAlgorithm.RS256, otherCertificate),
                Signing.rsaSigner(signerKeys));

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V1_0_3, "$"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("does not verify with the key of the first certificate");
    }

    @Test
    void rejectsAnX5cChainOutOfOrder() {
        X509Certificate leaf = TestCertificates.issue(signerKeys.getPublic(), "Signer", otherKeys.getPrivate(), "Other");
        Signing.Signed signed = Signing.sign(Signing.statement(),
                Signing.header(JWSAlgorithm.RS256, leaf, signerCertificate), Signing.rsaSigner(signerKeys));

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V2_0_0, "$"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("x5c certificate 1 is not signed by certificate 2");
    }

    @Test
    void acceptsAStatementThatGainedThePropertiesTheLrsSets() {
        Signing.Signed signed = Signing.sign(Signing.statement(), Signing.header(JWSAlgorithm.RS256, signerCertificate),
                Signing.rsaSigner(signerKeys));
        ObjectNode stored = signed.statement();
        stored.put("stored", "2026-11-27T10:00:00.000Z");
        stored.put("timestamp", "2026-11-27T10:00:00.000Z");
        stored.put("version", "2.0.0");
        stored.putObject("authority").put("objectType", "Agent").put("mbox", "mailto:lrs@example.com");

        assertThatCode(() -> SignatureRules.verify(stored, signed.parts(), XapiVersion.V2_0_0, "$")).doesNotThrowAnyException();
    }

    @Test
    void acceptsASignedStatementWithoutIdThatTheLrsGaveAnId() {
        ObjectNode statement = Signing.statement();
        statement.remove("id");
        Signing.Signed signed = Signing.sign(statement, Signing.header(JWSAlgorithm.RS256), Signing.rsaSigner(signerKeys));
        signed.statement().put("id", "2e0e0f0b-6a6e-4e55-9d8a-1f0dbd1e6c3a");

        assertThatCode(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V1_0_3, "$"))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsADifferentIdFromTheSignedOne() {
        Signing.Signed signed = Signing.sign(Signing.statement(), Signing.header(JWSAlgorithm.RS256), Signing.rsaSigner(signerKeys));
        signed.statement().put("id", "2e0e0f0b-6a6e-4e55-9d8a-1f0dbd1e6c3a");

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V1_0_3, "$"))
                .hasMessageContaining("$.id is");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void ignoresDurationPrecisionBeyondHundredthsOfASecond(XapiVersion version) {
        // 4.2.7-Additional-Requirements-for-Data-Types.js signs P1DT12H36M0.12S and sends P1DT12H36M0.1237S
        // (1.0.3 Data §4.6.s1.b5; IEEE 9274.1.1 §4.2.7).
        ObjectNode statement = Signing.statement();
        statement.putObject("result").put("duration", "P1DT12H36M0.12S");
        Signing.Signed signed = Signing.sign(statement, Signing.header(JWSAlgorithm.RS256), Signing.rsaSigner(signerKeys));
        ((ObjectNode) signed.statement().get("result")).put("duration", "P1DT12H36M0.1237S");

        assertThatCode(() -> SignatureRules.verify(signed.statement(), signed.parts(), version, "$"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void comparesDurationsAsStringsOtherwise(XapiVersion version) {
        // 1.0.3 Data §2.3.1.b8: the LRS cannot convert between units, so PT1M is not PT60S.
        ObjectNode statement = Signing.statement();
        statement.putObject("result").put("duration", "PT1M");
        Signing.Signed signed = Signing.sign(statement, Signing.header(JWSAlgorithm.RS256), Signing.rsaSigner(signerKeys));
        ((ObjectNode) signed.statement().get("result")).put("duration", "PT60S");

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), version, "$"))
                .hasMessageContaining("$.result.duration is \"PT1M\" in the signed statement and \"PT60S\" in the statement");
    }

    @Test
    void acceptsTheJwsJsonSerializationIn103Only() throws Exception {
        // 1.0.3 Data §2.6.s4.b2 only discourages it (SHOULD*); 2.0.0 requires the compact serialization.
        ObjectNode statement = Signing.statement();
        JWSObjectJSON json = new JWSObjectJSON(new Payload(Json.write(statement)));
        json.sign(Signing.header(JWSAlgorithm.RS256, signerCertificate), Signing.rsaSigner(signerKeys));
        Signing.Signed signed = Signing.attach(statement, json.serializeGeneral(), "application/octet-stream");

        assertThatCode(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V1_0_3, "$"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V2_0_0, "$"))
                .hasMessage("$.attachments[0]: the signature is a JWS JSON Serialization; xAPI 2.0.0 requires the JWS"
                        + " Compact Serialization");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a jws", "a.b", "eyJhbGciOiJSUzI1NiJ9..c2ln", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln.more",
            "eyJhbGciOiJSUzI1NiJ9.e30.c", "bm90IGpzb24.e30.c2ln"})
    void rejectsDataThatIsNotACompactJws(String data) {
        Signing.Signed signed = Signing.attach(Signing.statement(), data, "application/octet-stream");

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V2_0_0, "$"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("$.attachments[0]: the signature");
    }

    @Test
    void rejectsCriticalHeaderParameters() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).criticalParams(java.util.Set.of("exp"))
                .customParam("exp", 1).build();
        Signing.Signed signed = Signing.sign(Signing.statement(), header, Signing.rsaSigner(signerKeys));

        assertThatThrownBy(() -> SignatureRules.verify(signed.statement(), signed.parts(), XapiVersion.V2_0_0, "$"))
                .hasMessageContaining("as critical, which this LRS does not process");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void leavesStatementsWithoutSignatureAlone(XapiVersion version) {
        JsonNode statement = Json.parse(Signing.DEFAULT_STATEMENT, "statement");

        assertThatCode(() -> SignatureRules.verify(statement, null, version, "$")).doesNotThrowAnyException();
    }

    @Test
    void verifiesASignedStatementSentAsTheSuiteSendsIt() throws Exception {
        // The whole path of E.Data2.6-SignedStatements.js: helper.signStatement's body, read, checked and verified.
        Signing.Signed signed = Signing.sign(Signing.statement(), Signing.header(JWSAlgorithm.RS384),
                Signing.rsaSigner(signerKeys));
        String boundary = "-------------" + 1234567;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Type:application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(Json.write(signed.statement()).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Type:application/octet-stream\r\nContent-Transfer-Encoding:binary"
                + "\r\nX-Experience-API-Hash:" + signed.part().sha2() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(signed.part().content());
        body.writeBytes(("\r\n--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));

        MultipartRequest request = MultipartReader.read(new ByteArrayInputStream(body.toByteArray()),
                "multipart/mixed; boundary=" + boundary, body.size());
        JsonNode statement = Json.parse(request.statementJson(), "statement");
        AttachmentRules.check(statement, request.parts(), XapiVersion.V2_0_0);

        assertThatCode(() -> SignatureRules.verify(statement, request.parts(), XapiVersion.V2_0_0, "$"))
                .doesNotThrowAnyException();
    }
}
