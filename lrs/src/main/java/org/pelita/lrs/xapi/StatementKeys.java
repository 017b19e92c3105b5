package org.pelita.lrs.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a statement can be found by, as prefixed texts: "agent:…", "activity:…", "verb:…", "registration:…".
 * Each maps to whether it is direct (answers the plain agent / activity filter) or related only (answers it with
 * related_agents / related_activities). Rules from xAPI 1.0.3 Communication §2.1.3 and 2.0.0 (context agents).
 */
public final class StatementKeys {
    private StatementKeys() {
    }

    public static String agent(String identifier) {
        return "agent:" + identifier;
    }

    public static String activity(String id) {
        return "activity:" + id;
    }

    public static String verb(String id) {
        return "verb:" + id;
    }

    public static String registration(String uuid) {
        return "registration:" + uuid.toLowerCase(java.util.Locale.ROOT);
    }

    /** The id of the statement this one's object refers to (a StatementRef, voiding or not), if it has one. */
    public static Optional<UUID> target(JsonNode statement) {
        JsonNode object = statement.path("object");
        return "StatementRef".equals(object.path("objectType").asText()) && object.hasNonNull("id")
                ? Optional.of(UUID.fromString(object.get("id").asText())) : Optional.empty();
    }

    /** Keys of a statement as stored (with authority), each with its directness; direct wins over related. */
    public static Map<String, Boolean> of(JsonNode statement) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        collect(statement, keys, true);
        for (String id : Agents.identifiersWithMembers(statement.get("authority"))) {
            add(keys, agent(id), false);
        }
        return keys;
    }

    /** @param top false for a SubStatement, whose actor, object and context count as related only. */
    private static void collect(JsonNode statement, Map<String, Boolean> keys, boolean top) {
        for (String id : Agents.identifiersWithMembers(statement.get("actor"))) {
            add(keys, agent(id), top);
        }
        if (statement.path("verb").hasNonNull("id")) {
            add(keys, verb(statement.get("verb").get("id").asText()), top);
        }
        JsonNode object = statement.get("object");
        String type = object == null ? "" : object.path("objectType").asText("Activity");
        switch (type) {
            case "Agent", "Group" -> Agents.identifiersWithMembers(object).forEach(id -> add(keys, agent(id), top));
            case "SubStatement" -> collect(object, keys, false);
            case "StatementRef" -> { }
            default -> {
                if (object != null && object.hasNonNull("id")) {
                    add(keys, activity(object.get("id").asText()), top);
                }
            }
        }
        JsonNode context = statement.get("context");
        if (context == null || !context.isObject()) {
            return;
        }
        if (top && context.hasNonNull("registration")) {
            add(keys, registration(context.get("registration").asText()), true);
        }
        for (String role : List.of("instructor", "team")) {
            Agents.identifiersWithMembers(context.get(role)).forEach(id -> add(keys, agent(id), false));
        }
        for (JsonNode contextAgent : context.path("contextAgents")) {
            Agents.identifiersWithMembers(contextAgent.get("agent")).forEach(id -> add(keys, agent(id), false));
        }
        for (JsonNode contextGroup : context.path("contextGroups")) {
            Agents.identifiersWithMembers(contextGroup.get("group")).forEach(id -> add(keys, agent(id), false));
        }
        JsonNode activities = context.get("contextActivities");
        if (activities != null && activities.isObject()) {
            activities.fields().forEachRemaining(kind -> {
                JsonNode list = kind.getValue();
                for (JsonNode activity : list.isArray() ? list : List.of(list)) {
                    if (activity.hasNonNull("id")) {
                        add(keys, activity(activity.get("id").asText()), false);
                    }
                }
            });
        }
    }

    private static void add(Map<String, Boolean> keys, String key, boolean direct) {
        keys.merge(key, direct, Boolean::logicalOr);
    }
}
