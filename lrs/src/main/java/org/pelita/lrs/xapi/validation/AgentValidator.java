package org.pelita.lrs.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Agents and Groups (xAPI 1.0.3 Data §2.4.2; xAPI 2.0 §4.2.2.1), wherever they appear: actor, object, authority,
 * instructor, team, group members, contextAgents and contextGroups, and the {@code agent} parameter of the
 * statement, state, agent and agent profile resources.
 *
 * <p>An Agent has exactly one inverse functional identifier (IFI). A Group is identified (exactly one IFI, members
 * optional) or anonymous (no IFI, members required). Members are Agents, never Groups. An Agent's objectType is
 * optional; a Group's is required, which is how the two are told apart.
 */
public final class AgentValidator {
    private static final String[] AGENT_PROPERTIES = {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"};
    private static final String[] GROUP_PROPERTIES =
            {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"};
    private static final String[] ACCOUNT_PROPERTIES = {"homePage", "name"};

    private AgentValidator() {
    }

    /** An Agent and nothing else: the {@code agent} parameter, a contextAgent's agent. */
    public static void validateAgent(JsonNode agent, String path, XapiVersion version) {
        agent(agent == null ? MissingNode.getInstance() : agent, JsonPath.root(path), version, Rule.AGENT_EXPECTED);
    }

    /** An Agent or a Group, as an actor or instructor may be. */
    public static void validateActor(JsonNode actor, String path, XapiVersion version) {
        actor(actor == null ? MissingNode.getInstance() : actor, JsonPath.root(path), version);
    }

    /** An Agent (objectType absent or "Agent") or a Group (objectType "Group"). */
    static void actor(JsonNode actor, JsonPath path, XapiVersion v) {
        Checks.object(actor, path, v, "an Agent or Group object");
        String type = objectType(actor, path, v);
        if (type == null || type.equals("Agent")) {
            body(actor, path, v, false);
        } else if (type.equals("Group")) {
            body(actor, path, v, true);
        } else {
            throw Checks.fail(Rule.ACTOR_OBJECT_TYPE, path.key("objectType"), v, "found " + Checks.quote(type));
        }
    }

    /** An Agent only; {@code whenGroup} is the rule a Group standing here breaks. */
    static void agent(JsonNode agent, JsonPath path, XapiVersion v, Rule whenGroup) {
        Checks.object(agent, path, v, "an Agent object");
        String type = objectType(agent, path, v);
        if (type != null && !type.equals("Agent")) {
            throw Checks.fail(type.equals("Group") ? whenGroup : Rule.AGENT_EXPECTED, path.key("objectType"), v,
                    "found " + Checks.quote(type));
        }
        body(agent, path, v, false);
    }

    /** A Group only (objectType "Group" required), such as a context team or a contextGroup's group. */
    static void group(JsonNode group, JsonPath path, XapiVersion v, Rule wrongType) {
        Checks.object(group, path, v, "a Group object");
        String type = objectType(group, path, v);
        if (!"Group".equals(type)) {
            throw Checks.fail(wrongType, path.key("objectType"), v,
                    type == null ? "objectType is missing" : "found " + Checks.quote(type));
        }
        body(group, path, v, true);
    }

    /** Whether an Agent or Group object carries an inverse functional identifier. */
    static boolean hasIfi(JsonNode actor) {
        return actor.has("mbox") || actor.has("mbox_sha1sum") || actor.has("openid") || actor.has("account");
    }

    /** The objectType, or null when absent; it must be a String when present. */
    static String objectType(JsonNode object, JsonPath path, XapiVersion v) {
        JsonNode type = object.get("objectType");
        if (type == null) {
            return null;
        }
        return Checks.string(type, path.key("objectType"), v);
    }

    /** The properties of an Agent or a Group, in one pass; objectType has been checked by the caller. */
    private static void body(JsonNode actor, JsonPath path, XapiVersion v, boolean isGroup) {
        int ifis = 0;
        String ifiNames = null;   // "mbox and openid", for the message when there are too many
        JsonNode member = null;
        for (Map.Entry<String, JsonNode> field : actor.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonPath at = path.key(name);
            Checks.notNull(value, at, v);
            switch (name) {
                case "objectType":
                    continue;
                case "name":
                    Checks.string(value, at, v);
                    continue;
                case "mbox":
                    mbox(value, at, v);
                    break;
                case "mbox_sha1sum":
                    mboxSha1sum(value, at, v);
                    break;
                case "openid":
                    Checks.iri(value, at, v, Rule.OPENID);
                    break;
                case "account":
                    account(value, at, v);
                    break;
                case "member":
                    if (!isGroup) {
                        throw Checks.unknown(name, at, v, AGENT_PROPERTIES);
                    }
                    member = value;
                    continue;
                default:
                    throw Checks.unknown(name, at, v, isGroup ? GROUP_PROPERTIES : AGENT_PROPERTIES);
            }
            // Only the four inverse functional identifiers get here.
            ifis++;
            ifiNames = ifiNames == null ? name : ifiNames + " and " + name;
        }
        if (!isGroup) {
            if (ifis != 1) {
                throw Checks.fail(Rule.AGENT_IFI, path, v, ifis == 0 ? "found none" : "found " + ifiNames);
            }
            return;
        }
        if (ifis > 1) {
            throw Checks.fail(Rule.GROUP_IFI, path, v, "found " + ifiNames);
        }
        if (member == null) {
            if (ifis == 0) {
                throw Checks.fail(Rule.ANONYMOUS_GROUP_MEMBERS, path.key("member"), v, "member is missing");
            }
            return;
        }
        JsonPath membersPath = path.key("member");
        Checks.array(member, membersPath, v, "an array of Agents");
        if (ifis == 0 && member.isEmpty()) {
            throw Checks.fail(Rule.ANONYMOUS_GROUP_MEMBERS, membersPath, v, "member is empty");
        }
        for (int i = 0; i < member.size(); i++) {
            agent(member.get(i), membersPath.index(i), v, Rule.GROUP_MEMBER_IS_GROUP);
        }
    }

    private static void mbox(JsonNode value, JsonPath path, XapiVersion v) {
        String mbox = Checks.formatted(value, path, v, Rule.MBOX);
        int at = mbox.lastIndexOf('@');
        // "mailto:" is compared exactly: agents are matched on the mbox string, so one spelling must be used.
        if (!mbox.startsWith("mailto:") || at <= 7 || at == mbox.length() - 1 || !Iris.isIri(mbox)) {
            throw Checks.fail(Rule.MBOX, path, v, "found " + Checks.quote(mbox));
        }
    }

    private static void mboxSha1sum(JsonNode value, JsonPath path, XapiVersion v) {
        String sum = Checks.formatted(value, path, v, Rule.MBOX_SHA1SUM);
        boolean hex = sum.length() == 40;
        for (int i = 0; hex && i < 40; i++) {
            hex = Iris.isHex(sum.charAt(i));
        }
        if (!hex) {
            throw Checks.fail(Rule.MBOX_SHA1SUM, path, v, "found " + Checks.quote(sum));
        }
    }

    private static void account(JsonNode account, JsonPath path, XapiVersion v) {
        Checks.object(account, path, v, "an account object with homePage and name");
        boolean homePage = false;
        boolean name = false;
        for (Map.Entry<String, JsonNode> field : account.properties()) {
            JsonPath at = path.key(field.getKey());
            JsonNode value = field.getValue();
            Checks.notNull(value, at, v);
            switch (field.getKey()) {
                case "homePage":
                    Checks.iri(value, at, v, Rule.ACCOUNT_HOME_PAGE);
                    homePage = true;
                    break;
                case "name":
                    Checks.formatted(value, at, v, Rule.ACCOUNT_NAME);
                    name = true;
                    break;
                default:
                    throw Checks.unknown(field.getKey(), at, v, ACCOUNT_PROPERTIES);
            }
        }
        if (!homePage) {
            throw Checks.fail(Rule.ACCOUNT_HOME_PAGE, path.key("homePage"), v, "homePage is missing");
        }
        if (!name) {
            throw Checks.fail(Rule.ACCOUNT_NAME, path.key("name"), v, "name is missing");
        }
    }
}
