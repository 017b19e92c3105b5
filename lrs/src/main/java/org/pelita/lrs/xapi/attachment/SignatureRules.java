package org.pelita.lrs.xapi.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Signed statements (1.0.3 Data §2.6; IEEE 9274.1.1 §4.2.6, the same but for the JWS Compact Serialization, which it
 * requires). A statement is signed when it has an attachment with usageType
 * {@value StatementEquivalence#SIGNATURE_USAGE}; a statement without one is not checked here.
 */
public final class SignatureRules {
    public static final String SIGNATURE_USAGE_TYPE = StatementEquivalence.SIGNATURE_USAGE;

    private SignatureRules() {
    }

    /**
     * Verifies each signature attachment of one statement (Data §2.6.s5: a malformed signature is a 400):
     * <ol>
     *   <li>its contentType is application/octet-stream (§2.6.s4.b1; XAPI-00115);</li>
     *   <li>a part holds its data, whatever its fileUrl: the LRS must decode the JWS (§2.6.s5.b3.b1; XAPI-00115 "does
     *       not have a signature attached");</li>
     *   <li>the data is a JWS, compact serialization (JSON serialization too in 1.0.3), with algorithm RS256, RS384 or
     *       RS512 (§2.6.s4.b2, b4; XAPI-00117);</li>
     *   <li>its payload is a JSON object (§2.6.s4.b3; XAPI-00116) logically equivalent to the statement
     *       (§2.6.s5.b3.b2; see {@link StatementEquivalence} for the differences allowed: the properties the LRS
     *       sets, the exceptions to immutability, the signature attachments themselves);</li>
     *   <li>when the JWS header has x5c, the signature verifies with the first certificate's key (§2.6.s5.b3.b3).</li>
     * </ol>
     *
     * @param statement one statement, as received (it may already carry what the LRS adds: id, stored, authority,
     *     version, timestamp)
     * @param parts the attachment parts of the request, or {@code null} for an application/json request
     * @param version the version of the request
     * @param path the JSON path of the statement in the request, for messages: {@code $} or {@code $[2]}
     */
    public static void verify(JsonNode statement, List<AttachmentPart> parts, XapiVersion version, String path) {
        Objects.requireNonNull(version, "version");
        String root = path == null || path.isEmpty() ? "$" : path;
        if (!(statement instanceof ObjectNode received) || !statement.path("attachments").isArray()) {
            return;
        }
        JsonNode attachments = statement.get("attachments");
        for (int j = 0; j < attachments.size(); j++) {
            JsonNode attachment = attachments.get(j);
            if (SIGNATURE_USAGE_TYPE.equals(attachment.path("usageType").asText())) {
                verifyOne(received, attachment, parts == null ? List.of() : parts, version, root,
                        root + ".attachments[" + j + "]");
            }
        }
    }

    private static void verifyOne(ObjectNode statement, JsonNode attachment, List<AttachmentPart> parts,
            XapiVersion version, String root, String at) {
        String contentType = attachment.path("contentType").asText("");
        if (!MediaTypes.OCTET_STREAM.equals(MediaTypes.essence(contentType))) {
            throw new InvalidRequestException(at + ".contentType", "a signature attachment must have contentType "
                    + MediaTypes.OCTET_STREAM + ", not " + contentType);
        }
        String sha2 = attachment.path("sha2").asText("").toLowerCase(Locale.ROOT);
        AttachmentPart part = parts.stream().filter(p -> p.sha2().equals(sha2)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(at, "the signature's data is not in the request:"
                        + " send the JWS in a part of a multipart/mixed request with X-Experience-API-Hash " + sha2));

        JwsSignature jws = JwsSignature.parse(part.content(), version, at);
        jws.check(at);

        JsonNode signed;
        try {
            signed = Json.parse(jws.payload(), "the signed statement (the JWS payload)");
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(at, e.getMessage());
        }
        if (!(signed instanceof ObjectNode signedStatement)) {
            throw new InvalidRequestException(at, "the signed statement (the JWS payload) is not a JSON object");
        }
        StatementEquivalence.difference(signedStatement, statement, root).ifPresent(difference -> {
            throw new InvalidRequestException(at, "the signed statement (the JWS payload) is not the statement: "
                    + difference);
        });
    }
}
