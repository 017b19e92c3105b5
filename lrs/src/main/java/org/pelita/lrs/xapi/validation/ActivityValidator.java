package org.pelita.lrs.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Activities and their definitions (xAPI 1.0.3 Data §2.4.4.1; xAPI 2.0 §4.2.2.3), as a Statement's object or in
 * contextActivities. Interaction Activities must name a valid interactionType; their component lists are checked
 * for shape (an id String and an optional description Language Map each) but not paired with the interactionType,
 * which both versions leave to the LRS's discretion ("MAY validate the remaining properties").
 */
final class ActivityValidator {
    private static final String[] ACTIVITY_PROPERTIES = {"objectType", "id", "definition"};
    private static final String[] DEFINITION_PROPERTIES = {"name", "description", "type", "moreInfo", "extensions",
            "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps"};
    private static final String[] COMPONENT_PROPERTIES = {"id", "description"};

    private ActivityValidator() {
    }

    /**
     * An Activity. {@code typed} says whether the caller has already read and accepted the objectType (the object
     * position does); otherwise it must be "Activity" if present, as in contextActivities.
     */
    static void activity(JsonNode activity, JsonPath path, XapiVersion v, boolean typed) {
        Checks.object(activity, path, v, "an Activity object");
        boolean hasId = false;
        for (Map.Entry<String, JsonNode> field : activity.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonPath at = path.key(name);
            Checks.notNull(value, at, v);
            switch (name) {
                case "objectType":
                    if (!typed && !"Activity".equals(Checks.string(value, at, v))) {
                        throw Checks.fail(Rule.CONTEXT_ACTIVITY, at, v, "found " + Checks.describe(value));
                    }
                    break;
                case "id":
                    Checks.iri(value, at, v, Rule.ACTIVITY_ID);
                    hasId = true;
                    break;
                case "definition":
                    definition(value, at, v);
                    break;
                default:
                    // As a Statement's object, an Agent that forgot its objectType deserves a clearer message.
                    if (typed && !activity.has("objectType")
                            && (AgentValidator.hasIfi(activity) || activity.has("member"))) {
                        throw Checks.fail(Rule.OBJECT_AGENT_WITHOUT_TYPE, path.key("objectType"), v,
                                "objectType is missing");
                    }
                    throw Checks.unknown(name, at, v, ACTIVITY_PROPERTIES);
            }
        }
        if (!hasId) {
            throw Checks.fail(Rule.ACTIVITY_ID, path.key("id"), v, "id is missing");
        }
    }

    private static void definition(JsonNode definition, JsonPath path, XapiVersion v) {
        Checks.object(definition, path, v, "an Activity Definition object");
        boolean hasInteractionType = false;
        String interactionProperty = null;   // the first interaction property seen, which needs an interactionType
        for (Map.Entry<String, JsonNode> field : definition.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonPath at = path.key(name);
            Checks.notNull(value, at, v);
            switch (name) {
                case "name":
                case "description":
                    LanguageMaps.validate(value, at, v);
                    break;
                case "type":
                    Checks.iri(value, at, v, Rule.ACTIVITY_TYPE);
                    break;
                case "moreInfo":
                    Checks.iri(value, at, v, Rule.ACTIVITY_MORE_INFO);
                    break;
                case "extensions":
                    Extensions.validate(value, at, v);
                    break;
                case "interactionType":
                    interactionType(value, at, v);
                    hasInteractionType = true;
                    break;
                case "correctResponsesPattern":
                    correctResponsesPattern(value, at, v);
                    interactionProperty = interactionProperty == null ? name : interactionProperty;
                    break;
                case "choices":
                case "scale":
                case "source":
                case "target":
                case "steps":
                    components(value, at, v);
                    interactionProperty = interactionProperty == null ? name : interactionProperty;
                    break;
                default:
                    throw Checks.unknown(name, at, v, DEFINITION_PROPERTIES);
            }
        }
        if (interactionProperty != null && !hasInteractionType) {
            throw Checks.fail(Rule.INTERACTION_TYPE_REQUIRED, path.key("interactionType"), v,
                    "it uses " + interactionProperty + " but interactionType is missing");
        }
    }

    private static void interactionType(JsonNode value, JsonPath path, XapiVersion v) {
        String type = Checks.formatted(value, path, v, Rule.INTERACTION_TYPE);
        switch (type) {
            case "true-false":
            case "choice":
            case "fill-in":
            case "long-fill-in":
            case "matching":
            case "performance":
            case "sequencing":
            case "likert":
            case "numeric":
            case "other":
                return;
            default:
                throw Checks.fail(Rule.INTERACTION_TYPE, path, v, "found " + Checks.quote(type));
        }
    }

    private static void correctResponsesPattern(JsonNode patterns, JsonPath path, XapiVersion v) {
        Checks.array(patterns, path, v, "an array of Strings");
        for (int i = 0; i < patterns.size(); i++) {
            JsonPath at = path.index(i);
            JsonNode pattern = patterns.get(i);
            Checks.notNull(pattern, at, v);
            Checks.string(pattern, at, v);
        }
    }

    /** An interaction component list: objects with a String id and an optional description. */
    private static void components(JsonNode list, JsonPath path, XapiVersion v) {
        Checks.array(list, path, v, "an array of interaction components");
        // 1.0.3 requires distinct ids within a list; 2.0 dropped the requirement.
        Map<String, Integer> seen = v.atLeast2() || list.size() < 2 ? null : new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode component = list.get(i);
            JsonPath at = path.index(i);
            Checks.object(component, at, v, "an interaction component object");
            String id = null;
            for (Map.Entry<String, JsonNode> field : component.properties()) {
                JsonPath fieldPath = at.key(field.getKey());
                JsonNode value = field.getValue();
                Checks.notNull(value, fieldPath, v);
                switch (field.getKey()) {
                    case "id":
                        id = Checks.formatted(value, fieldPath, v, Rule.INTERACTION_COMPONENT_ID);
                        break;
                    case "description":
                        LanguageMaps.validate(value, fieldPath, v);
                        break;
                    default:
                        throw Checks.unknown(field.getKey(), fieldPath, v, COMPONENT_PROPERTIES);
                }
            }
            if (id == null) {
                throw Checks.fail(Rule.INTERACTION_COMPONENT_ID, at.key("id"), v, "id is missing");
            }
            Integer earlier = seen == null ? null : seen.putIfAbsent(id, i);
            if (earlier != null) {
                throw Checks.fail(Rule.INTERACTION_COMPONENT_DISTINCT, at.key("id"), v,
                        Checks.quote(id) + " is also the id of item " + earlier);
            }
        }
    }
}
