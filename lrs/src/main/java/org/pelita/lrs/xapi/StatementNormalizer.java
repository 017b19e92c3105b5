package org.pelita.lrs.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

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
        statement.put("stored", stored);
        statement.set("authority", authority.deepCopy());
        if (!statement.hasNonNull("version")) {
            statement.put("version", version == XapiVersion.V2_0_0 ? "2.0.0" : "1.0.0");
        }
        arraysForContextActivities(statement);
        return statement;
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
