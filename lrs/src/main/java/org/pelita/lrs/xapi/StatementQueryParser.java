package org.pelita.lrs.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the query parameters of GET statements. Unknown or repeated parameters and malformed values are 400s
 * that name the parameter; statementId and voidedStatementId exclude every other filter (Communication §2.1.3).
 */
public final class StatementQueryParser {
    public static final Set<String> PARAMETERS = Set.of("statementId", "voidedStatementId", "agent", "verb", "activity",
            "registration", "related_activities", "related_agents", "since", "until", "limit", "format", "attachments", "ascending");
    private static final Set<String> WITH_SINGLE = Set.of("statementId", "voidedStatementId", "format", "attachments");

    /** Checks an agent filter value (Agent or identified Group); the validation rules plug in here. */
    @FunctionalInterface
    public interface AgentCheck {
        void check(JsonNode agent, String path, XapiVersion version);
    }

    private final int defaultLimit;
    private final int maxLimit;
    private final AgentCheck agentCheck;

    public StatementQueryParser(int defaultLimit, int maxLimit, AgentCheck agentCheck) {
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
        this.agentCheck = agentCheck;
    }

    public StatementQuery parse(Map<String, List<String>> parameters, XapiVersion version) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                throw new InvalidRequestException("unknown parameter '" + parameter.getKey() + "'; GET statements takes "
                        + String.join(", ", new java.util.TreeSet<>(PARAMETERS)));
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidRequestException("the parameter '" + parameter.getKey() + "' is given more than once");
            }
        }
        Optional<UUID> statementId = one(parameters, "statementId").map(v -> uuid(v, "statementId"));
        Optional<UUID> voidedStatementId = one(parameters, "voidedStatementId").map(v -> uuid(v, "voidedStatementId"));
        if (statementId.isPresent() && voidedStatementId.isPresent()) {
            throw new InvalidRequestException("give statementId or voidedStatementId, not both");
        }
        if (statementId.isPresent() || voidedStatementId.isPresent()) {
            for (String name : parameters.keySet()) {
                if (!WITH_SINGLE.contains(name)) {
                    throw new InvalidRequestException("the parameter '" + name + "' cannot be used with "
                            + (statementId.isPresent() ? "statementId" : "voidedStatementId") + " (only format and attachments can)");
                }
            }
        }
        Optional<JsonNode> agent = one(parameters, "agent").map(v -> {
            JsonNode node = Json.parse(v, "the agent parameter");
            agentCheck.check(node, "agent", version);
            if (Agents.identifier(node).isEmpty()) {
                throw new InvalidRequestException("agent", "the agent parameter must identify an Agent or a Group by mbox, mbox_sha1sum, openid or account");
            }
            return node;
        });
        Optional<String> verb = one(parameters, "verb").map(v -> iri(v, "verb"));
        Optional<String> activity = one(parameters, "activity").map(v -> iri(v, "activity"));
        Optional<UUID> registration = one(parameters, "registration").map(v -> uuid(v, "registration"));
        Optional<OffsetDateTime> since = one(parameters, "since").map(v -> Times.parseParameter(v, "since"));
        Optional<OffsetDateTime> until = one(parameters, "until").map(v -> Times.parseParameter(v, "until"));
        int limit = one(parameters, "limit").map(this::limit).orElse(defaultLimit);
        StatementFormat format = one(parameters, "format").map(v -> StatementFormat.parse(v).orElseThrow(() ->
                new InvalidRequestException("the format parameter must be exact, ids or canonical, not '" + v + "'"))).orElse(StatementFormat.EXACT);
        return new StatementQuery(statementId, voidedStatementId, agent, verb, activity, registration,
                bool(parameters, "related_activities"), bool(parameters, "related_agents"), since, until, limit, format,
                bool(parameters, "attachments"), bool(parameters, "ascending"));
    }

    private static Optional<String> one(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static boolean bool(Map<String, List<String>> parameters, String name) {
        return one(parameters, name).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException("the " + name + " parameter must be true or false, not '" + v + "'");
        }).orElse(false);
    }

    private int limit(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0) {
                return value == 0 ? maxLimit : Math.min(value, maxLimit);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("the limit parameter must be a whole number of 0 or more, not '" + text + "'");
    }

    public static UUID uuid(String text, String parameter) {
        if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new InvalidRequestException("the " + parameter + " parameter '" + text + "' is not a UUID");
        }
        return UUID.fromString(text);
    }

    /** An absolute IRI: a scheme and something after it, no spaces. */
    public static String iri(String text, String parameter) {
        if (!text.matches("[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+")) {
            throw new InvalidRequestException("the " + parameter + " parameter '" + text + "' is not an absolute IRI");
        }
        return text;
    }
}
