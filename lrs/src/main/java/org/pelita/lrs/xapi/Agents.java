package org.pelita.lrs.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Agent identity: two Agents (or identified Groups) are the same when they have the same inverse functional
 * identifier (xAPI 1.0.3 Data §2.4.2.3). {@link #identifier} gives that identifier as one comparable text.
 */
public final class Agents {
    private Agents() {
    }

    /** "mbox:mailto:a@b", "mbox_sha1sum:<hex>", "openid:<iri>" or "account:<homePage> <name>"; empty for anonymous groups. */
    public static Optional<String> identifier(JsonNode agent) {
        if (agent == null || !agent.isObject()) {
            return Optional.empty();
        }
        if (agent.hasNonNull("mbox")) {
            return Optional.of("mbox:" + agent.get("mbox").asText());
        }
        if (agent.hasNonNull("mbox_sha1sum")) {
            return Optional.of("mbox_sha1sum:" + agent.get("mbox_sha1sum").asText().toLowerCase(Locale.ROOT));
        }
        if (agent.hasNonNull("openid")) {
            return Optional.of("openid:" + agent.get("openid").asText());
        }
        JsonNode account = agent.get("account");
        if (account != null && account.isObject()) {
            // A space cannot occur in an IRI, so homePage and name cannot run into each other.
            return Optional.of("account:" + account.path("homePage").asText() + " " + account.path("name").asText());
        }
        return Optional.empty();
    }

    public static boolean isGroup(JsonNode actor) {
        return actor != null && "Group".equals(actor.path("objectType").asText());
    }

    /** The identifiers an Agent or Group answers to: its own, and for a Group those of its members. */
    public static List<String> identifiersWithMembers(JsonNode actor) {
        List<String> identifiers = new ArrayList<>();
        identifier(actor).ifPresent(identifiers::add);
        if (isGroup(actor) && actor.path("member").isArray()) {
            for (JsonNode member : actor.get("member")) {
                identifier(member).ifPresent(identifiers::add);
            }
        }
        return identifiers;
    }

    /** The identifying properties only (the "ids" format): objectType plus the one identifier, or members for anonymous groups. */
    public static JsonNode idsForm(JsonNode actor) {
        com.fasterxml.jackson.databind.node.ObjectNode result = Json.MAPPER.createObjectNode();
        if (actor.has("objectType")) {
            result.set("objectType", actor.get("objectType"));
        }
        for (String property : List.of("mbox", "mbox_sha1sum", "openid", "account")) {
            if (actor.has(property)) {
                result.set(property, actor.get(property));
                return result;
            }
        }
        if (isGroup(actor) && actor.has("member")) {
            com.fasterxml.jackson.databind.node.ArrayNode members = result.putArray("member");
            actor.get("member").forEach(m -> members.add(idsForm(m)));
        }
        return result;
    }
}
