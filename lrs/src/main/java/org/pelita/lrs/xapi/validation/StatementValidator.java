package org.pelita.lrs.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import java.util.Objects;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Validates a Statement as a client sent it, before the LRS sets id, stored, authority and version (xAPI 1.0.3
 * Data §2; xAPI 2.0 §4.2). Every property of every object is checked once, in the order sent, and the first
 * breach is thrown with its JSON path. One instance per version can be shared by all threads.
 *
 * <p>What a client may send that the LRS then overwrites: {@code stored} (validated as a Timestamp, then replaced)
 * and {@code authority} (validated: an Agent, or an anonymous Group of exactly two Agents for 3-legged OAuth).
 */
public final class StatementValidator {
    static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private static final String[] STATEMENT_PROPERTIES = {"id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments"};
    private static final String[] SUB_STATEMENT_PROPERTIES = {"objectType", "actor", "verb", "object", "result",
            "context", "timestamp", "attachments"};
    private static final String[] VERB_PROPERTIES = {"id", "display"};

    /** What a Statement's object is, as far as the rules that depend on it care. */
    private enum ObjectKind { ACTIVITY, AGENT, GROUP, STATEMENT_REF, SUB_STATEMENT }

    private final XapiVersion version;

    public StatementValidator(XapiVersion version) {
        this.version = Objects.requireNonNull(version, "version");
    }

    /** A statement as a client sent it (the LRS has not yet set id, stored, authority, version). */
    public void validate(JsonNode statement, String path) {
        JsonPath root = JsonPath.root(path);
        Checks.object(statement == null ? MissingNode.getInstance() : statement, root, version, "a Statement object");
        statement(statement, root);
    }

    private void statement(JsonNode statement, JsonPath path) {
        XapiVersion v = version;
        JsonNode actor = null;
        String verbId = null;
        JsonNode object = null;
        JsonNode context = null;
        for (Map.Entry<String, JsonNode> field : statement.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonPath at = path.key(name);
            Checks.notNull(value, at, v);
            switch (name) {
                case "id":
                    Checks.uuid(value, at, v, Rule.UUID);
                    break;
                case "actor":
                    AgentValidator.actor(value, at, v);
                    actor = value;
                    break;
                case "verb":
                    verbId = verb(value, at);
                    break;
                case "object":
                    object = value;   // checked after the loop, with the context that depends on it
                    break;
                case "result":
                    ResultValidator.result(value, at, v);
                    break;
                case "context":
                    context = value;
                    break;
                case "timestamp":
                case "stored":
                    timestamp(value, at);
                    break;
                case "authority":
                    authority(value, at);
                    break;
                case "version":
                    version(value, at);
                    break;
                case "attachments":
                    AttachmentValidator.attachments(value, at, v);
                    break;
                default:
                    throw Checks.unknown(name, at, v, STATEMENT_PROPERTIES);
            }
        }
        requireActorVerbObject(path, actor, verbId, object);
        ObjectKind kind = object(object, path.key("object"), false);
        if (context != null) {
            ContextValidator.context(context, path.key("context"), v, kind == ObjectKind.ACTIVITY);
        }
        if (VOIDED.equals(verbId) && kind != ObjectKind.STATEMENT_REF) {
            throw Checks.fail(Rule.VOIDING, path.key("object"), v, "found " + kindName(kind));
        }
    }

    /** A SubStatement: a Statement without id, stored, version or authority, and without a SubStatement. */
    private void subStatement(JsonNode sub, JsonPath path) {
        XapiVersion v = version;
        JsonNode actor = null;
        String verbId = null;
        JsonNode object = null;
        JsonNode context = null;
        for (Map.Entry<String, JsonNode> field : sub.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonPath at = path.key(name);
            switch (name) {
                case "id":
                case "stored":
                case "version":
                case "authority":
                    throw Checks.fail(Rule.SUB_STATEMENT_PROPERTY, at, v, "found " + name);
                default:
                    break;
            }
            Checks.notNull(value, at, v);
            switch (name) {
                case "objectType":
                    break;
                case "actor":
                    AgentValidator.actor(value, at, v);
                    actor = value;
                    break;
                case "verb":
                    verbId = verb(value, at);
                    break;
                case "object":
                    object = value;
                    break;
                case "result":
                    ResultValidator.result(value, at, v);
                    break;
                case "context":
                    context = value;
                    break;
                case "timestamp":
                    timestamp(value, at);   // may lie in the future (Data §2.4.7)
                    break;
                case "attachments":
                    AttachmentValidator.attachments(value, at, v);
                    break;
                default:
                    throw Checks.unknown(name, at, v, SUB_STATEMENT_PROPERTIES);
            }
        }
        requireActorVerbObject(path, actor, verbId, object);
        ObjectKind kind = object(object, path.key("object"), true);
        if (context != null) {
            ContextValidator.context(context, path.key("context"), v, kind == ObjectKind.ACTIVITY);
        }
    }

    private void requireActorVerbObject(JsonPath path, JsonNode actor, String verbId, JsonNode object) {
        String missing = actor == null ? "actor" : verbId == null ? "verb" : object == null ? "object" : null;
        if (missing != null) {
            throw Checks.fail(Rule.STATEMENT_REQUIRED, path.key(missing), version, missing + " is missing");
        }
    }

    /** Returns the verb's id. */
    private String verb(JsonNode verb, JsonPath path) {
        XapiVersion v = version;
        Checks.object(verb, path, v, "a Verb object");
        String id = null;
        for (Map.Entry<String, JsonNode> field : verb.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonPath at = path.key(name);
            Checks.notNull(value, at, v);
            switch (name) {
                case "id":
                    Checks.iri(value, at, v, Rule.VERB_ID);
                    id = value.textValue();
                    break;
                case "display":
                    LanguageMaps.validate(value, at, v);
                    break;
                default:
                    throw Checks.unknown(name, at, v, VERB_PROPERTIES);
            }
        }
        if (id == null) {
            throw Checks.fail(Rule.VERB_ID, path.key("id"), v, "id is missing");
        }
        return id;
    }

    /** The object of a Statement or SubStatement, told apart by objectType (absent means Activity). */
    private ObjectKind object(JsonNode object, JsonPath path, boolean inSubStatement) {
        XapiVersion v = version;
        Checks.object(object, path, v, "an Activity, Agent, Group, StatementRef or SubStatement object");
        String type = AgentValidator.objectType(object, path, v);
        if (type == null || type.equals("Activity")) {
            ActivityValidator.activity(object, path, v, true);
            return ObjectKind.ACTIVITY;
        }
        switch (type) {
            case "Agent":
                AgentValidator.actor(object, path, v);
                return ObjectKind.AGENT;
            case "Group":
                AgentValidator.actor(object, path, v);
                return ObjectKind.GROUP;
            case "StatementRef":
                ContextValidator.statementRef(object, path, v, Rule.STATEMENT_REF);
                return ObjectKind.STATEMENT_REF;
            case "SubStatement":
                if (inSubStatement) {
                    throw Checks.fail(Rule.SUB_STATEMENT_NESTED, path.key("objectType"), v);
                }
                subStatement(object, path);
                return ObjectKind.SUB_STATEMENT;
            default:
                throw Checks.fail(Rule.OBJECT_TYPE, path.key("objectType"), v, "found " + Checks.quote(type));
        }
    }

    private void timestamp(JsonNode value, JsonPath path) {
        String text = Checks.formatted(value, path, version, Rule.TIMESTAMP);
        if (Timestamps.parseOrNull(text) == null) {
            throw Checks.fail(Rule.TIMESTAMP, path, version, Timestamps.problem(text));
        }
    }

    /**
     * An Agent, or a Group of exactly two Agents with no identifier of its own: the OAuth consumer and the user of
     * 3-legged OAuth (Data §2.4.9). The suite rejects identified Groups and Groups of one or three.
     */
    private void authority(JsonNode authority, JsonPath path) {
        XapiVersion v = version;
        Checks.object(authority, path, v, "an Agent or Group object");
        if (!"Group".equals(AgentValidator.objectType(authority, path, v))) {
            AgentValidator.actor(authority, path, v);
            return;
        }
        AgentValidator.actor(authority, path, v);
        if (AgentValidator.hasIfi(authority)) {
            throw Checks.fail(Rule.AUTHORITY, path, v, "found an identified Group");
        }
        int members = authority.get("member").size();
        if (members != 2) {
            throw Checks.fail(Rule.AUTHORITY, path.key("member"), v, "found a Group of " + members);
        }
    }

    /**
     * 1.0.3 accepts "1.0" and "1.0.x" (Data §2.4.10; the suite sends "1.0" and "1.0.9"). 2.0 also accepts those,
     * as the 2.0 suite still sends them, plus "2.0" and "2.0.x" (it stores a statement sent with "2.0.0").
     */
    private void version(JsonNode value, JsonPath path) {
        Rule rule = version.atLeast2() ? Rule.VERSION_2 : Rule.VERSION_1;
        String text = Checks.formatted(value, path, version, rule);
        boolean ok = isVersion(text, '1') || version.atLeast2() && isVersion(text, '2');
        if (!ok) {
            throw Checks.fail(rule, path, version, "found " + Checks.quote(text));
        }
    }

    /** "M.0" or "M.0.patch", the patch being decimal digits. */
    private static boolean isVersion(String text, char major) {
        int n = text.length();
        if (n < 3 || text.charAt(0) != major || text.charAt(1) != '.' || text.charAt(2) != '0') {
            return false;
        }
        if (n == 3) {
            return true;
        }
        if (n == 4 || text.charAt(3) != '.') {
            return false;
        }
        for (int i = 4; i < n; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String kindName(ObjectKind kind) {
        switch (kind) {
            case ACTIVITY:
                return "an Activity";
            case AGENT:
                return "an Agent";
            case GROUP:
                return "a Group";
            default:
                return "a SubStatement";
        }
    }
}
