package org.pelita.lrs.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.pelita.lrs.service.DefinitionService;
import org.pelita.lrs.xapi.Agents;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.StatementQueryParser;

/** The About, Activities and Agents resources (xAPI 1.0.3 Communication §2.4, §2.5, §2.8). */
public final class ResourcesHandler {
    private final DefinitionService definitions;
    private final StatementQueryParser.AgentCheck agentCheck;

    public ResourcesHandler(DefinitionService definitions, StatementQueryParser.AgentCheck agentCheck) {
        this.definitions = definitions;
        this.agentCheck = agentCheck;
    }

    /** The versions served (both, whatever version the request asked for). */
    public XapiResponse about(XapiRequest request) {
        return XapiResponse.json("{\"version\":[\"2.0.0\",\"1.0.3\"],\"extensions\":{}}");
    }

    public XapiResponse activity(XapiRequest request) {
        only(request, "activityId");
        String id = request.parameter("activityId").orElseThrow(() -> new InvalidRequestException("the activityId parameter is missing"));
        return XapiResponse.json(Json.write(definitions.activity(StatementQueryParser.iri(id, "activityId"), request.principal())));
    }

    public XapiResponse agent(XapiRequest request) {
        only(request, "agent");
        String text = request.parameter("agent").orElseThrow(() -> new InvalidRequestException("the agent parameter is missing"));
        JsonNode agent = Json.parse(text, "the agent parameter");
        agentCheck.check(agent, "agent", request.version());
        if (Agents.isGroup(agent)) {
            // "It is not a Person Object, nor is it a Group" (xAPI 1.0.3 Communication §2.4).
            throw new InvalidRequestException("agent", "the agent parameter must be an Agent, not a Group");
        }
        return XapiResponse.json(Json.write(definitions.person(agent, request.principal())));
    }

    private static void only(XapiRequest request, String parameter) {
        for (Map.Entry<String, List<String>> entry : request.parameters().entrySet()) {
            if (!entry.getKey().equals(parameter)) {
                throw new InvalidRequestException("unknown parameter '" + entry.getKey() + "'; this resource takes only " + parameter);
            }
        }
    }
}
