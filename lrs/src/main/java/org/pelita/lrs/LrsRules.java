package org.pelita.lrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.util.List;
import org.pelita.lrs.http.MultipartCodec;
import org.pelita.lrs.service.StatementService;
import org.pelita.lrs.store.NewAttachment;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.StatementQueryParser;

/** Where the xAPI rules are plugged into the services and handlers. */
final class LrsRules {
    private LrsRules() {
    }

    static StatementService.Checks statementChecks() {
        return (statements, attachments, version) -> { };
    }

    static StatementQueryParser.AgentCheck agentCheck() {
        return (agent, path, version) -> { };
    }

    static MultipartCodec multipart() {
        return new MultipartCodec() {
            @Override
            public Decoded decode(byte[] body, String contentType) {
                throw new InvalidRequestException("multipart/mixed is not supported yet");
            }

            @Override
            public String boundary() {
                return "pelita-boundary";
            }

            @Override
            public void encode(OutputStream out, String boundary, byte[] json, List<NewAttachment> attachments) {
                throw new UnsupportedOperationException();
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
