package org.pelita.lrs.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Context (xAPI 1.0.3 Data §2.4.6; xAPI 2.0 §4.2.2.5). contextAgents and contextGroups exist only in 2.0; a 1.0.3
 * request using them is told so. A contextActivities value may be a single Activity (a 0.95 leftover both versions
 * still accept); the LRS returns it as an array, which is the storing code's business, not this class's.
 */
final class ContextValidator {
    private static final String[] CONTEXT_PROPERTIES_1 = {"registration", "instructor", "team",
            "contextActivities", "revision", "platform", "language", "statement", "extensions"};
    private static final String[] CONTEXT_PROPERTIES_2 = {"registration", "instructor", "team",
            "contextActivities", "contextAgents", "contextGroups", "revision", "platform", "language", "statement",
            "extensions"};
    private static final String[] CONTEXT_ACTIVITIES_KEYS = {"parent", "grouping", "category", "other"};
    private static final String[] CONTEXT_AGENT_PROPERTIES = {"objectType", "agent", "relevantTypes"};
    private static final String[] CONTEXT_GROUP_PROPERTIES = {"objectType", "group", "relevantTypes"};
    private static final String[] STATEMENT_REF_PROPERTIES = {"objectType", "id"};

    private ContextValidator() {
    }

    /** {@code objectIsActivity}: whether the Statement's object is an Activity, which revision and platform need. */
    static void context(JsonNode context, JsonPath path, XapiVersion v, boolean objectIsActivity) {
        Checks.object(context, path, v, "a Context object");
        for (Map.Entry<String, JsonNode> field : context.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonPath at = path.key(name);
            Checks.notNull(value, at, v);
            switch (name) {
                case "registration":
                    Checks.uuid(value, at, v, Rule.UUID);
                    break;
                case "instructor":
                    AgentValidator.actor(value, at, v);
                    break;
                case "team":
                    AgentValidator.group(value, at, v, Rule.GROUP_EXPECTED);
                    break;
                case "contextActivities":
                    contextActivities(value, at, v);
                    break;
                case "revision":
                    Checks.string(value, at, v);
                    if (!objectIsActivity) {
                        throw Checks.fail(Rule.REVISION_NEEDS_ACTIVITY, at, v);
                    }
                    break;
                case "platform":
                    Checks.string(value, at, v);
                    if (!objectIsActivity) {
                        throw Checks.fail(Rule.PLATFORM_NEEDS_ACTIVITY, at, v);
                    }
                    break;
                case "language":
                    String language = Checks.formatted(value, at, v, Rule.CONTEXT_LANGUAGE);
                    if (!LanguageTags.isLanguageTag(language)) {
                        throw Checks.fail(Rule.CONTEXT_LANGUAGE, at, v, "found " + Checks.quote(language));
                    }
                    break;
                case "statement":
                    statementRef(value, at, v, Rule.CONTEXT_STATEMENT);
                    break;
                case "extensions":
                    Extensions.validate(value, at, v);
                    break;
                case "contextAgents":
                case "contextGroups":
                    if (!v.atLeast2()) {
                        throw Checks.fail(Rule.UNKNOWN_PROPERTY, at, v,
                                name + " exists only in xAPI 2.0; send the request with X-Experience-API-Version 2.0.0");
                    }
                    if (name.equals("contextAgents")) {
                        contextAgents(value, at, v);
                    } else {
                        contextGroups(value, at, v);
                    }
                    break;
                default:
                    throw Checks.unknown(name, at, v, v.atLeast2() ? CONTEXT_PROPERTIES_2 : CONTEXT_PROPERTIES_1);
            }
        }
    }

    /**
     * A Statement Reference: objectType "StatementRef" and a UUID id, nothing else. Used for context.statement and
     * for a StatementRef object; {@code rule} is the one broken by a missing or wrong objectType.
     */
    static void statementRef(JsonNode ref, JsonPath path, XapiVersion v, Rule rule) {
        Checks.object(ref, path, v, "a StatementRef object");
        boolean typed = false;
        boolean hasId = false;
        for (Map.Entry<String, JsonNode> field : ref.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonPath at = path.key(name);
            Checks.notNull(value, at, v);
            switch (name) {
                case "objectType":
                    if (!"StatementRef".equals(Checks.string(value, at, v))) {
                        throw Checks.fail(rule, at, v, "found " + Checks.describe(value));
                    }
                    typed = true;
                    break;
                case "id":
                    Checks.uuid(value, at, v, Rule.STATEMENT_REF);
                    hasId = true;
                    break;
                default:
                    throw Checks.unknown(name, at, v, STATEMENT_REF_PROPERTIES);
            }
        }
        if (!typed) {
            throw Checks.fail(rule, path.key("objectType"), v, "objectType is missing");
        }
        if (!hasId) {
            throw Checks.fail(Rule.STATEMENT_REF, path.key("id"), v, "id is missing");
        }
    }

    private static void contextActivities(JsonNode activities, JsonPath path, XapiVersion v) {
        Checks.object(activities, path, v, "a contextActivities object");
        for (Map.Entry<String, JsonNode> field : activities.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonPath at = path.key(name);
            switch (name) {
                case "parent":
                case "grouping":
                case "category":
                case "other":
                    break;
                default:
                    throw Checks.fail(Rule.CONTEXT_ACTIVITIES_KEY, at, v, "found " + Checks.quote(name));
            }
            Checks.notNull(value, at, v);
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    ActivityValidator.activity(value.get(i), at.index(i), v, false);
                }
            } else if (value.isObject()) {
                ActivityValidator.activity(value, at, v, false);
            } else {
                throw Checks.fail(Rule.CONTEXT_ACTIVITY, at, v, "found " + Checks.describe(value));
            }
        }
    }

    private static void contextAgents(JsonNode list, JsonPath path, XapiVersion v) {
        Checks.array(list, path, v, "an array of contextAgent objects");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            JsonPath at = path.index(i);
            Checks.object(item, at, v, "a contextAgent object");
            boolean typed = false;
            boolean hasAgent = false;
            for (Map.Entry<String, JsonNode> field : item.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                JsonPath fieldPath = at.key(name);
                Checks.notNull(value, fieldPath, v);
                switch (name) {
                    case "objectType":
                        if (!"contextAgent".equals(Checks.string(value, fieldPath, v))) {
                            throw Checks.fail(Rule.CONTEXT_AGENT, fieldPath, v, "found " + Checks.describe(value));
                        }
                        typed = true;
                        break;
                    case "agent":
                        AgentValidator.agent(value, fieldPath, v, Rule.CONTEXT_AGENT);
                        hasAgent = true;
                        break;
                    case "relevantTypes":
                        relevantTypes(value, fieldPath, v);
                        break;
                    default:
                        throw Checks.unknown(name, fieldPath, v, CONTEXT_AGENT_PROPERTIES);
                }
            }
            if (!typed || !hasAgent) {
                throw Checks.fail(Rule.CONTEXT_AGENT, at.key(typed ? "agent" : "objectType"), v,
                        (typed ? "agent" : "objectType") + " is missing");
            }
        }
    }

    private static void contextGroups(JsonNode list, JsonPath path, XapiVersion v) {
        Checks.array(list, path, v, "an array of contextGroup objects");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            JsonPath at = path.index(i);
            Checks.object(item, at, v, "a contextGroup object");
            boolean typed = false;
            boolean hasGroup = false;
            for (Map.Entry<String, JsonNode> field : item.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                JsonPath fieldPath = at.key(name);
                Checks.notNull(value, fieldPath, v);
                switch (name) {
                    case "objectType":
                        if (!"contextGroup".equals(Checks.string(value, fieldPath, v))) {
                            throw Checks.fail(Rule.CONTEXT_GROUP, fieldPath, v, "found " + Checks.describe(value));
                        }
                        typed = true;
                        break;
                    case "group":
                        AgentValidator.group(value, fieldPath, v, Rule.CONTEXT_GROUP);
                        hasGroup = true;
                        break;
                    case "relevantTypes":
                        relevantTypes(value, fieldPath, v);
                        break;
                    default:
                        throw Checks.unknown(name, fieldPath, v, CONTEXT_GROUP_PROPERTIES);
                }
            }
            if (!typed || !hasGroup) {
                throw Checks.fail(Rule.CONTEXT_GROUP, at.key(typed ? "group" : "objectType"), v,
                        (typed ? "group" : "objectType") + " is missing");
            }
        }
    }

    /** Optional, but when present one or more IRIs: an empty array is rejected, as the suite expects. */
    private static void relevantTypes(JsonNode types, JsonPath path, XapiVersion v) {
        if (!types.isArray()) {
            throw Checks.fail(Rule.RELEVANT_TYPES, path, v, "found " + Checks.describe(types));
        }
        if (types.isEmpty()) {
            throw Checks.fail(Rule.RELEVANT_TYPES, path, v, "the array is empty");
        }
        for (int i = 0; i < types.size(); i++) {
            Checks.iri(types.get(i), path.index(i), v, Rule.RELEVANT_TYPES);
        }
    }
}
