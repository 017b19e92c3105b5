package org.pelita.lrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.pelita.lrs.http.MultipartCodec;
import org.pelita.lrs.service.StatementService;
import org.pelita.lrs.store.NewAttachment;
import org.pelita.lrs.store.StatementWriter;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.StatementKeys;
import org.pelita.lrs.xapi.StatementQueryParser;
import org.pelita.lrs.xapi.attachment.AttachmentPart;
import org.pelita.lrs.xapi.attachment.AttachmentRules;
import org.pelita.lrs.xapi.attachment.MultipartReader;
import org.pelita.lrs.xapi.attachment.MultipartRequest;
import org.pelita.lrs.xapi.attachment.MultipartWriter;
import org.pelita.lrs.xapi.attachment.SignatureRules;
import org.pelita.lrs.xapi.XapiVersion;
import org.pelita.lrs.xapi.validation.AgentValidator;
import org.pelita.lrs.xapi.validation.StatementValidator;

/** Where the xAPI rules are plugged into the services and handlers. */
final class LrsRules {
    private LrsRules() {
    }

    private static final Map<XapiVersion, StatementValidator> VALIDATORS = Map.of(
            XapiVersion.V1_0_3, new StatementValidator(XapiVersion.V1_0_3),
            XapiVersion.V2_0_0, new StatementValidator(XapiVersion.V2_0_0));

    /**
     * Every statement is checked against the rules of the request's version (a batch by each element's path), then
     * against the attachment parts (§1.5.2), then signed statements against their signatures (Data §2.6).
     */
    static StatementService.Checks statementChecks() {
        return (received, version) -> {
            StatementValidator validator = VALIDATORS.get(version);
            JsonNode statements = received.json();
            List<AttachmentPart> parts = received.multipart() ? received.attachments().stream()
                    .map(a -> new AttachmentPart(a.sha2(), a.contentType(), a.content())).toList() : null;
            if (statements.isArray()) {
                for (int i = 0; i < statements.size(); i++) {
                    validator.validate(statements.get(i), "$[" + i + "]");
                }
            } else {
                validator.validate(statements, "$");
            }
            AttachmentRules.check(statements, parts, version);
            if (statements.isArray()) {
                for (int i = 0; i < statements.size(); i++) {
                    SignatureRules.verify(statements.get(i), parts == null ? List.of() : parts, version, "$[" + i + "]");
                }
            } else {
                SignatureRules.verify(statements, parts == null ? List.of() : parts, version, "$");
            }
        };
    }

    /** What the statement writer reads back from a stored statement: its keys and the statement its object refers to. */
    static StatementWriter.BodyKeys bodyKeys(String body) {
        JsonNode statement = Json.parse(body, "statement");
        return new StatementWriter.BodyKeys(StatementKeys.of(statement), StatementKeys.target(statement).orElse(null));
    }

    /** Agent parameters (filters, documents, the Agents resource): an Agent or a Group, checked like actors. */
    static StatementQueryParser.AgentCheck agentCheck() {
        return AgentValidator::validateActor;
    }

    /** multipart/mixed through the attachment rules' reader and writer (mime4j underneath). */
    static MultipartCodec multipart(long maxBytes) {
        return new MultipartCodec() {
            @Override
            public Decoded decode(byte[] body, String contentType) {
                MultipartRequest request = MultipartReader.read(new ByteArrayInputStream(body), contentType, maxBytes);
                return new Decoded(request.statementJson(), request.parts().stream()
                        .map(p -> new NewAttachment(p.sha2(), p.contentType(), p.content())).toList());
            }

            @Override
            public String boundary() {
                return MultipartWriter.boundary();
            }

            @Override
            public String contentType(String boundary) {
                return MultipartWriter.contentType(boundary);
            }

            @Override
            public void encode(OutputStream out, String boundary, byte[] json, List<NewAttachment> attachments) throws IOException {
                MultipartWriter.write(out, boundary, json, attachments.stream()
                        .map(a -> new AttachmentPart(a.sha2(), a.contentType(), a.content())).toList());
            }
        };
    }

    /**
     * The canonical definition of an activity: the stored one with what a statement brings merged in; language
     * maps are merged per language, other properties replaced (the LRS keeps its best knowledge, Data §2.4.4.1).
     */
    static String mergeActivities(String stored, String incoming) {
        ObjectNode merged = (ObjectNode) Json.parse(stored, "activity");
        JsonNode next = Json.parse(incoming, "activity");
        if (!(merged.path("definition") instanceof ObjectNode definition) || !next.path("definition").isObject()) {
            return incoming;
        }
        next.get("definition").fields().forEachRemaining(field -> {
            JsonNode old = definition.get(field.getKey());
            boolean languageMap = ("name".equals(field.getKey()) || "description".equals(field.getKey()))
                    && old != null && old.isObject() && field.getValue().isObject();
            if (languageMap) {
                ((ObjectNode) old).setAll((ObjectNode) field.getValue());
            } else {
                definition.set(field.getKey(), field.getValue());
            }
        });
        return Json.write(merged);
    }
}
