package org.pelita.lrs.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Whether two statements with the same id are the same statement (xAPI 1.0.3 Data §2.3.1, "Statement Comparison
 * Requirements"): differences the LRS may cause are ignored (id, authority, stored, timestamp, version), and so
 * are activity definitions, verb displays, the order of group members and the case of e-mail addresses.
 */
public final class StatementComparison {
    private StatementComparison() {
    }

    /** A hash equal for statements that compare equal. */
    public static String hash(JsonNode normalized) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(comparable(normalized)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode comparable(JsonNode statement) {
        ObjectNode copy = statement.deepCopy();
        copy.remove(List.of("id", "authority", "stored", "timestamp", "version"));
        strip(copy);
        return copy;
    }

    private static void strip(ObjectNode statement) {
        if (statement.path("verb") instanceof ObjectNode verb) {
            verb.remove("display");
        }
        if (statement.path("object") instanceof ObjectNode object) {
            String type = object.path("objectType").asText("Activity");
            if ("Activity".equals(type)) {
                object.remove("definition");
            } else if ("SubStatement".equals(type)) {
                strip(object);
            }
            agentsIn(object);
        }
        if (statement.path("actor") instanceof ObjectNode actor) {
            agentsIn(actor);
        }
        JsonNode activities = statement.path("context").path("contextActivities");
        activities.forEach(list -> list.forEach(a -> {
            if (a instanceof ObjectNode activity) {
                activity.remove("definition");
            }
        }));
        JsonNode context = statement.path("context");
        for (String role : List.of("instructor", "team")) {
            if (context.path(role) instanceof ObjectNode agent) {
                agentsIn(agent);
            }
        }
    }

    /** E-mail case and member order do not make a different statement. */
    private static void agentsIn(ObjectNode agent) {
        if (agent.hasNonNull("mbox")) {
            agent.put("mbox", agent.get("mbox").asText().toLowerCase(Locale.ROOT));
        }
        if (agent.path("member") instanceof ArrayNode members) {
            List<String> sorted = new ArrayList<>();
            members.forEach(m -> {
                if (m instanceof ObjectNode member) {
                    agentsIn(member);
                }
                sorted.add(canonical(m));
            });
            sorted.sort(String::compareTo);
            ArrayNode replacement = members.arrayNode();
            sorted.forEach(s -> replacement.add(Json.parse(s, "member")));
            agent.set("member", replacement);
        }
    }

    /** JSON with object keys sorted at every level: one text per value, whatever the key order received. */
    static String canonical(JsonNode node) {
        return Json.write(Json.MAPPER.valueToTree(sorted(node)));
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, Object> map = new TreeMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), sorted(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(sorted(item)));
            return list;
        }
        return node;
    }
}
