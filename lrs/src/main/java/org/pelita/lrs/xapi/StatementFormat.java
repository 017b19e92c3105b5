package org.pelita.lrs.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The "format" parameter of GET statements (xAPI 1.0.3 Communication §2.1.3): exact (as stored), ids (only what
 * identifies agents, activities and verbs) and canonical (activities with the LRS's canonical definitions, every
 * language map cut to the one language the client prefers most, by Accept-Language).
 */
public enum StatementFormat {
    EXACT, IDS, CANONICAL;

    public static Optional<StatementFormat> parse(String text) {
        return switch (text) {
            case "exact" -> Optional.of(EXACT);
            case "ids" -> Optional.of(IDS);
            case "canonical" -> Optional.of(CANONICAL);
            default -> Optional.empty();
        };
    }

    /** Activity ids a statement mentions (to look up canonical definitions in one query). */
    public static Set<String> activityIds(JsonNode statement) {
        Set<String> ids = new LinkedHashSet<>();
        JsonNode object = statement.path("object");
        String type = object.path("objectType").asText("Activity");
        if ("Activity".equals(type) && object.hasNonNull("id")) {
            ids.add(object.get("id").asText());
        } else if ("SubStatement".equals(type)) {
            ids.addAll(activityIds(object));
        }
        statement.path("context").path("contextActivities").forEach(list -> list.forEach(a -> {
            if (a.hasNonNull("id")) {
                ids.add(a.get("id").asText());
            }
        }));
        return ids;
    }

    public static ObjectNode ids(JsonNode stored) {
        ObjectNode statement = stored.deepCopy();
        idsIn(statement);
        return statement;
    }

    private static void idsIn(ObjectNode statement) {
        for (String role : List.of("actor", "authority")) {
            if (statement.hasNonNull(role)) {
                statement.set(role, Agents.idsForm(statement.get(role)));
            }
        }
        if (statement.path("verb") instanceof ObjectNode verb) {
            verb.remove("display");
        }
        if (statement.path("object") instanceof ObjectNode object) {
            String type = object.path("objectType").asText("Activity");
            switch (type) {
                case "Agent", "Group" -> statement.set("object", Agents.idsForm(object));
                case "SubStatement" -> idsIn(object);
                case "StatementRef" -> { }
                default -> statement.set("object", idOnly(object));
            }
        }
        if (statement.path("context") instanceof ObjectNode context) {
            for (String role : List.of("instructor", "team")) {
                if (context.hasNonNull(role)) {
                    context.set(role, Agents.idsForm(context.get(role)));
                }
            }
            if (context.path("contextActivities") instanceof ObjectNode kinds) {
                kinds.fields().forEachRemaining(kind -> {
                    ArrayNode ids = kinds.arrayNode();
                    kind.getValue().forEach(a -> ids.add(idOnly(a)));
                    kind.setValue(ids);
                });
            }
        }
    }

    /** An activity in the ids format: its id alone. */
    private static ObjectNode idOnly(JsonNode activity) {
        ObjectNode id = Json.MAPPER.createObjectNode();
        id.set("id", activity.get("id"));
        return id;
    }

    /**
     * @param canonical activity id → canonical Activity JSON known to the LRS
     * @param languages the client's languages, most preferred first (from Accept-Language)
     */
    public static ObjectNode canonical(JsonNode stored, Map<String, JsonNode> canonical, List<String> languages) {
        ObjectNode statement = stored.deepCopy();
        canonicalIn(statement, canonical::get, languages);
        return statement;
    }

    private static void canonicalIn(ObjectNode statement, Function<String, JsonNode> canonical, List<String> languages) {
        if (statement.path("verb") instanceof ObjectNode verb && verb.has("display")) {
            verb.set("display", oneLanguage(verb.get("display"), languages));
        }
        if (statement.path("object") instanceof ObjectNode object) {
            String type = object.path("objectType").asText("Activity");
            if ("Activity".equals(type)) {
                statement.set("object", canonicalActivity(object, canonical, languages));
            } else if ("SubStatement".equals(type)) {
                canonicalIn(object, canonical, languages);
            }
        }
        if (statement.path("context").path("contextActivities") instanceof ObjectNode kinds) {
            kinds.fields().forEachRemaining(kind -> {
                ArrayNode replaced = kinds.arrayNode();
                kind.getValue().forEach(a -> replaced.add(canonicalActivity((ObjectNode) a, canonical, languages)));
                kind.setValue(replaced);
            });
        }
    }

    private static ObjectNode canonicalActivity(ObjectNode activity, Function<String, JsonNode> canonical, List<String> languages) {
        JsonNode known = canonical.apply(activity.path("id").asText());
        ObjectNode result = known != null ? known.deepCopy() : activity.deepCopy();
        if (activity.has("objectType") && !result.has("objectType")) {
            result.set("objectType", activity.get("objectType"));
        }
        if (result.path("definition") instanceof ObjectNode definition) {
            for (String map : List.of("name", "description")) {
                if (definition.has(map)) {
                    definition.set(map, oneLanguage(definition.get(map), languages));
                }
            }
            for (String components : List.of("choices", "scale", "source", "target", "steps")) {
                definition.path(components).forEach(c -> {
                    if (c instanceof ObjectNode component && component.has("description")) {
                        component.set("description", oneLanguage(component.get("description"), languages));
                    }
                });
            }
        }
        return result;
    }

    /** The language map's entry in the most preferred language the map has (RFC 2616 §14.4 matching), or its first. */
    static JsonNode oneLanguage(JsonNode map, List<String> languages) {
        if (!map.isObject() || map.size() <= 1) {
            return map;
        }
        List<String> keys = new ArrayList<>();
        map.fieldNames().forEachRemaining(keys::add);
        String chosen = null;
        for (String wanted : languages) {
            String w = wanted.toLowerCase(Locale.ROOT);
            for (String key : keys) {
                String k = key.toLowerCase(Locale.ROOT);
                if (w.equals("*") || k.equals(w) || k.startsWith(w + "-")) {
                    chosen = key;
                    break;
                }
            }
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            chosen = keys.get(0);
        }
        ObjectNode one = Json.MAPPER.createObjectNode();
        one.set(chosen, map.get(chosen));
        return one;
    }

    /** Accept-Language as languages in order of preference (q values honoured; q=0 excluded). */
    public static List<String> acceptedLanguages(String header) {
        List<String> result = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return result;
        }
        record Weighted(String tag, double q, int order) {
        }
        List<Weighted> weighted = new ArrayList<>();
        String[] parts = header.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] pieces = parts[i].trim().split(";");
            double q = 1.0;
            for (int j = 1; j < pieces.length; j++) {
                String p = pieces[j].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (!pieces[0].isBlank() && q > 0) {
                weighted.add(new Weighted(pieces[0].trim(), q, i));
            }
        }
        weighted.sort((a, b) -> a.q() != b.q() ? Double.compare(b.q(), a.q()) : Integer.compare(a.order(), b.order()));
        weighted.forEach(w -> result.add(w.tag()));
        return result;
    }
}
