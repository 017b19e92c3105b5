package org.pelita.lrs.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.store.StatementStore;
import org.pelita.lrs.xapi.ForbiddenException;
import org.pelita.lrs.xapi.Json;

/**
 * The Activities and Agents resources (xAPI 1.0.3 Communication §2.4–2.5): the canonical Activity the LRS keeps,
 * and the Person object for an agent.
 */
public final class DefinitionService {
    private final StatementStore store;

    public DefinitionService(StatementStore store) {
        this.store = store;
    }

    /** The activity with its canonical definition, or just its id when the LRS knows no definition. */
    public JsonNode activity(String activityId, Principal who) {
        requireRead(who);
        return store.activity(activityId).map(json -> Json.parse(json, "activity")).orElseGet(() -> {
            ObjectNode activity = Json.MAPPER.createObjectNode();
            activity.put("objectType", "Activity");
            activity.put("id", activityId);
            return activity;
        });
    }

    /**
     * A Person with the agent's names and identifiers, each as an array. This LRS does not link identifiers of
     * one person across agents, so the Person holds what the agent given holds (which the spec allows).
     */
    public JsonNode person(JsonNode agent, Principal who) {
        requireRead(who);
        ObjectNode person = Json.MAPPER.createObjectNode();
        person.put("objectType", "Person");
        for (String property : List.of("name", "mbox", "mbox_sha1sum", "openid", "account")) {
            if (agent.hasNonNull(property)) {
                ArrayNode values = person.putArray(property);
                values.add(agent.get(property));
            }
        }
        return person;
    }

    private static void requireRead(Principal who) {
        if (!who.canReadDefinitions()) {
            throw new ForbiddenException("these credentials may not read activities or agents");
        }
    }
}
