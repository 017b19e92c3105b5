package org.pelita.lrs.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.pelita.lrs.xapi.Agents;
import org.pelita.lrs.xapi.Json;

/**
 * Stable pseudonyms for agents: HMAC-SHA-256 under the database's research secret of the agent's identifier as
 * {@link Agents#identifier} writes it ({@code mbox:mailto:…}, {@code account:<homePage> <name>}, …), the first 100 bits
 * in lower-case base32 (20 characters), shown as an Agent with an account on {@value #HOME_PAGE}. The same agent gets
 * the same pseudonym in every export and on every LRS process sharing the database; without the secret it cannot be
 * turned back into the identifier, nor recomputed from a guessed identifier.
 *
 * <p>In a statement, every agent and group that can name a learner is replaced: the actor, an Agent or Group object,
 * the same inside a SubStatement, and the context's instructor, team, contextAgents and contextGroups. A group keeps
 * objectType Group, gets a pseudonym when it is identified, and its members are replaced one by one. Names are dropped.
 * The authority is kept: it is the LRS credential that stored the statement, not a learner.
 */
public final class Pseudonyms {
    public static final String HOME_PAGE = "urn:pelita:pseudonym";
    public static final int LENGTH = 20;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final Supplier<byte[]> secret;
    private volatile SecretKeySpec key;

    /** @param secret the database's research secret, asked for on first use (it is created then if needed) */
    public Pseudonyms(Supplier<byte[]> secret) {
        this.secret = secret;
    }

    /** The pseudonym of an agent identifier: 20 characters of [a-z2-7]. */
    public String name(String identifier) {
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key());
            mac = hmac.doFinal(identifier.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this JVM", e);
        }
        StringBuilder name = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            int bit = i * 5;
            int twoBytes = ((mac[bit / 8] & 0xFF) << 8) | (mac[bit / 8 + 1] & 0xFF);
            name.append(BASE32[(twoBytes >> (11 - bit % 8)) & 0x1F]);
        }
        return name.toString();
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            known = new SecretKeySpec(secret.get(), "HmacSHA256");
            key = known;
        }
        return known;
    }

    /** The Agent that stands for this identifier: {"objectType":"Agent","account":{"homePage":"urn:pelita:pseudonym","name":…}}. */
    public ObjectNode agent(String identifier) {
        ObjectNode agent = Json.MAPPER.createObjectNode();
        agent.put("objectType", "Agent");
        account(agent, identifier);
        return agent;
    }

    private void account(ObjectNode actor, String identifier) {
        ObjectNode account = actor.putObject("account");
        account.put("homePage", HOME_PAGE);
        account.put("name", name(identifier));
    }

    /** Whether this agent is a pseudonym made here (an account on {@value #HOME_PAGE}). */
    public static Optional<String> pseudonymOf(JsonNode agent) {
        JsonNode account = agent == null ? null : agent.get("account");
        return account != null && HOME_PAGE.equals(account.path("homePage").asText(null))
                ? Optional.of(account.path("name").asText()) : Optional.empty();
    }

    /** An Agent or Group with every identity replaced (see the class comment); null stays null. */
    public JsonNode actor(JsonNode actor) {
        if (actor == null || !actor.isObject()) {
            return actor;
        }
        Optional<String> identifier = Agents.identifier(actor);
        if (!Agents.isGroup(actor)) {
            return identifier.map(this::agent).orElseGet(() -> Json.MAPPER.createObjectNode().put("objectType", "Agent"));
        }
        ObjectNode group = Json.MAPPER.createObjectNode();
        group.put("objectType", "Group");
        identifier.ifPresent(id -> account(group, id));
        if (actor.path("member").isArray()) {
            ArrayNode members = group.putArray("member");
            actor.get("member").forEach(member -> members.add(actor(member)));
        }
        return group;
    }

    /** A copy of the statement with its learners' identities replaced by pseudonyms (the authority kept). */
    public ObjectNode statement(JsonNode statement) {
        ObjectNode copy = statement.deepCopy();
        replaceIn(copy);
        return copy;
    }

    private void replaceIn(ObjectNode statement) {
        replace(statement, "actor");
        JsonNode object = statement.get("object");
        if (object instanceof ObjectNode objectNode) {
            String type = objectNode.path("objectType").asText("Activity");
            if ("Agent".equals(type) || "Group".equals(type)) {
                statement.set("object", actor(objectNode));
            } else if ("SubStatement".equals(type)) {
                replaceIn(objectNode);
            }
        }
        if (statement.get("context") instanceof ObjectNode context) {
            replace(context, "instructor");
            replace(context, "team");
            for (JsonNode contextAgent : context.path("contextAgents")) {
                if (contextAgent instanceof ObjectNode entry) {
                    replace(entry, "agent");
                }
            }
            for (JsonNode contextGroup : context.path("contextGroups")) {
                if (contextGroup instanceof ObjectNode entry) {
                    replace(entry, "group");
                }
            }
        }
    }

    private void replace(ObjectNode parent, String property) {
        if (parent.get(property) != null && parent.get(property).isObject()) {
            parent.set(property, actor(parent.get(property)));
        }
    }
}
