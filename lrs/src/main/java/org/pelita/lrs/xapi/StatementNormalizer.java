package org.pelita.lrs.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.pelita.lrs.xapi.validation.Timestamps;

/**
 * Turns a valid statement as received into the statement as stored: the LRS sets id (if missing), stored,
 * timestamp (if missing), authority and version, and stores context activities always as arrays
 * (xAPI 1.0.3 Data §2.4.1, §2.4.6.2, §2.4.7–2.4.10).
 */
public final class StatementNormalizer {
    private StatementNormalizer() {
    }

    public static ObjectNode normalize(JsonNode received, UUID id, String stored, JsonNode authority, XapiVersion version) {
        ObjectNode statement = received.deepCopy();
        statement.put("id", id.toString());
        if (!statement.hasNonNull("timestamp")) {
            statement.put("timestamp", stored);
        }
        timestampsInUtc(statement);
        statement.put("stored", stored);
        statement.set("authority", authority.deepCopy());
        if (!statement.hasNonNull("version")) {
            statement.put("version", version == XapiVersion.V2_0_0 ? "2.0.0" : "1.0.0");
        }
        arraysForContextActivities(statement);
        return statement;
    }

    /**
     * Timestamps are kept as the same instant in UTC: 2.0 "shall convert Timestamps to UTC rather than rejecting" them
     * (IEEE 9274.1.1 §4.2.7); 1.0.3 "SHOULD* return the Timestamp in UTC" (Data §4.5.s1.b6). The fraction keeps the
     * precision sent (at least milliseconds), so nothing the learner's device recorded is lost.
     */
    static void timestampsInUtc(ObjectNode statement) {
        JsonNode timestamp = statement.get("timestamp");
        if (timestamp != null && timestamp.isTextual()) {
            statement.put("timestamp", Times.formatPrecise(Timestamps.parse(timestamp.asText(), "$.timestamp", XapiVersion.V2_0_0)));
        }
        if (statement.path("object") instanceof ObjectNode object && "SubStatement".equals(object.path("objectType").asText())) {
            timestampsInUtc(object);
        }
    }

    /** "a single Activity Object ... MUST be returned as an array of length one" (Data §2.4.6.2). */
    static void arraysForContextActivities(ObjectNode statement) {
        JsonNode activities = statement.path("context").path("contextActivities");
        if (activities instanceof ObjectNode kinds) {
            kinds.fieldNames().forEachRemaining(name -> {
                JsonNode value = kinds.get(name);
                if (value.isObject()) {
                    ArrayNode array = kinds.arrayNode();
                    array.add(value);
                    kinds.set(name, array);
                }
            });
        }
        if (statement.path("object") instanceof ObjectNode object && "SubStatement".equals(object.path("objectType").asText())) {
            arraysForContextActivities(object);
        }
    }
}
