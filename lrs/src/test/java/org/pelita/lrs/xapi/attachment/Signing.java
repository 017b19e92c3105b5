package org.pelita.lrs.xapi.attachment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pelita.lrs.xapi.Json;

/** Signed statements built the way the ADL suite's helper.signStatement builds them (public for the HTTP tests too). */
public final class Signing {
    /** The suite's statements/default.json template. */
    static final String DEFAULT_STATEMENT = """
            {
              "actor": {"objectType": "Agent", "name": "xAPI mbox", "mbox": "mailto:xapi@adlnet.gov"},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/attended",
                       "display": {"en-GB": "attended", "en-US": "attended"}},
              "object": {"objectType": "Activity", "id": "http://www.example.com/meetings/occurances/34534"}
            }""";

    /** The statement as sent (with its signature attachment) and the part that carries the JWS. */
    public record Signed(ObjectNode statement, AttachmentPart part, String jws) {
        public List<AttachmentPart> parts() {
            return List.of(part);
        }
    }

    private Signing() {
    }

    /** The default statement with a fresh id, as the suite sends it. */
    public static ObjectNode statement() {
        ObjectNode statement = (ObjectNode) Json.parse(DEFAULT_STATEMENT, "statement");
        statement.put("id", UUID.randomUUID().toString());
        return statement;
    }

    public static JWSSigner rsaSigner(KeyPair keys) {
        return new RSASSASigner(keys.getPrivate());
    }

    public static JWSHeader header(JWSAlgorithm algorithm, X509Certificate... x5c) {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
        if (x5c.length > 0) {
            List<Base64> chain = new ArrayList<>();
            for (X509Certificate certificate : x5c) {
                try {
                    chain.add(Base64.encode(certificate.getEncoded()));
                } catch (CertificateEncodingException e) {
                    throw new IllegalStateException(e);
                }
            }
            header.x509CertChain(chain);
        }
        return header.build();
    }

    /** Signs the statement without its attachments, then adds the signature attachment, as the suite does. */
    public static Signed sign(ObjectNode statement, JWSHeader header, JWSSigner signer) {
        statement.remove("attachments");
        return sign(statement, Json.write(statement).getBytes(StandardCharsets.UTF_8), header, signer);
    }

    /** Signs the given payload and adds the signature attachment to the statement. */
    public static Signed sign(ObjectNode statement, byte[] payload, JWSHeader header, JWSSigner signer) {
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return attach(statement, jws.serialize(), "application/octet-stream");
    }

    /** Adds a signature attachment whose data is the given text, and the part that carries it. */
    public static Signed attach(ObjectNode statement, String jws, String contentType) {
        byte[] data = jws.getBytes(StandardCharsets.US_ASCII);
        String sha2 = Sha2.sha256Hex(data);
        ArrayNode attachments = statement.has("attachments") ? (ArrayNode) statement.get("attachments")
                : statement.putArray("attachments");
        ObjectNode attachment = attachments.addObject();
        attachment.put("usageType", SignatureRules.SIGNATURE_USAGE_TYPE);
        attachment.putObject("display").put("en-US", "Signed by the Test Suite");
        attachment.putObject("description").put("en-US", "Signed by the Test Suite");
        attachment.put("contentType", contentType);
        attachment.put("length", data.length);
        attachment.put("sha2", sha2);
        return new Signed(statement, new AttachmentPart(sha2, contentType, data), jws);
    }
}
