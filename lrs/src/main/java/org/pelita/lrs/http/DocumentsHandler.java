package org.pelita.lrs.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.service.DocumentService;
import org.pelita.lrs.store.DocumentScope;
import org.pelita.lrs.store.StoredDocument;
import org.pelita.lrs.xapi.Agents;
import org.pelita.lrs.xapi.ForbiddenException;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.StatementQueryParser;
import org.pelita.lrs.xapi.Times;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * The State, Activity Profile and Agent Profile resources (xAPI 1.0.3 Communication §2.3, §2.6, §2.7): the same
 * document operations over three kinds of scope.
 */
public final class DocumentsHandler {
    /** Which resource: its parameters and the name of its document id parameter. */
    public enum Kind {
        STATE("stateId", Set.of("activityId", "agent", "registration", "stateId", "since")),
        ACTIVITY_PROFILE("profileId", Set.of("activityId", "profileId", "since")),
        AGENT_PROFILE("profileId", Set.of("agent", "profileId", "since"));

        private final String idParameter;
        private final Set<String> parameters;

        Kind(String idParameter, Set<String> parameters) {
            this.idParameter = idParameter;
            this.parameters = parameters;
        }
    }

    private final DocumentService documents;
    private final StatementQueryParser.AgentCheck agentCheck;

    public DocumentsHandler(DocumentService documents, StatementQueryParser.AgentCheck agentCheck) {
        this.documents = documents;
        this.agentCheck = agentCheck;
    }

    public XapiHandler get(Kind kind) {
        return request -> {
            requireRead(kind, request.principal());
            DocumentScope scope = scope(kind, request);
            Optional<String> id = request.parameter(kind.idParameter);
            if (id.isPresent()) {
                if (request.parameter("since").isPresent()) {
                    throw new InvalidRequestException("since lists documents; it cannot be used with " + kind.idParameter);
                }
                StoredDocument document = documents.get(scope, id.get());
                return new XapiResponse(200, Map.of("Content-Type", document.contentType(), "ETag", document.etag(),
                        "Last-Modified", StatementsHandler.httpDate(document.updated())), document.content());
            }
            Optional<OffsetDateTime> since = request.parameter("since").map(s -> Times.parseParameter(s, "since"));
            List<String> ids = documents.ids(scope, since);
            return XapiResponse.json(Json.write(Json.MAPPER.valueToTree(ids)));
        };
    }

    public XapiHandler put(Kind kind) {
        return request -> {
            requireWrite(kind, request.principal());
            StoredDocument stored = documents.put(scope(kind, request), requiredId(kind, request), request.contentType(),
                    content(request), conditions(kind, request, true));
            return XapiResponse.noContent().withHeader("ETag", stored.etag());
        };
    }

    public XapiHandler post(Kind kind) {
        return request -> {
            requireWrite(kind, request.principal());
            StoredDocument stored = documents.post(scope(kind, request), requiredId(kind, request), request.contentType(),
                    content(request), conditions(kind, request, false));
            return XapiResponse.noContent().withHeader("ETag", stored.etag());
        };
    }

    public XapiHandler delete(Kind kind) {
        return request -> {
            requireWrite(kind, request.principal());
            DocumentScope scope = scope(kind, request);
            Optional<String> id = request.parameter(kind.idParameter);
            if (request.parameter("since").isPresent()) {
                throw new InvalidRequestException("DELETE does not take since");
            }
            if (id.isPresent()) {
                documents.delete(scope, id.get(), conditions(kind, request, false));
            } else if (kind == Kind.STATE) {
                documents.deleteAll(scope);
            } else {
                throw new InvalidRequestException("DELETE needs the profileId parameter");
            }
            return XapiResponse.noContent();
        };
    }

    private static byte[] content(XapiRequest request) {
        if (request.header("content-type").isEmpty()) {
            throw new InvalidRequestException("a document needs a Content-Type (application/json for JSON documents)");
        }
        return request.body();
    }

    /** Which PUTs need a precondition: in 2.0.0 any that would overwrite; in 1.0.3 every profile PUT (§3.1). */
    private static DocumentService.Preconditions conditions(Kind kind, XapiRequest request, boolean put) {
        DocumentService.Required required = !put ? DocumentService.Required.NO
                : request.version() == XapiVersion.V2_0_0 ? DocumentService.Required.IF_EXISTS
                : kind == Kind.STATE ? DocumentService.Required.NO : DocumentService.Required.ALWAYS;
        return new DocumentService.Preconditions(request.header("if-match"), request.header("if-none-match"), required);
    }

    private static String requiredId(Kind kind, XapiRequest request) {
        return request.parameter(kind.idParameter).orElseThrow(() ->
                new InvalidRequestException("this request needs the " + kind.idParameter + " parameter"));
    }

    private DocumentScope scope(Kind kind, XapiRequest request) {
        for (Map.Entry<String, List<String>> parameter : request.parameters().entrySet()) {
            if (!kind.parameters.contains(parameter.getKey())) {
                throw new InvalidRequestException("unknown parameter '" + parameter.getKey() + "'; this resource takes "
                        + String.join(", ", new java.util.TreeSet<>(kind.parameters)));
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidRequestException("the parameter '" + parameter.getKey() + "' is given more than once");
            }
        }
        return switch (kind) {
            case STATE -> DocumentScope.state(activityId(request), agent(request, true),
                    request.parameter("registration").map(r -> StatementQueryParser.uuid(r, "registration")));
            case ACTIVITY_PROFILE -> DocumentScope.activityProfile(activityId(request));
            case AGENT_PROFILE -> DocumentScope.agentProfile(agent(request, false));
        };
    }

    private static String activityId(XapiRequest request) {
        String id = request.parameter("activityId").orElseThrow(() -> new InvalidRequestException("the activityId parameter is missing"));
        return StatementQueryParser.iri(id, "activityId");
    }

    private String agent(XapiRequest request, boolean groupAllowed) {
        String text = request.parameter("agent").orElseThrow(() -> new InvalidRequestException("the agent parameter is missing"));
        JsonNode agent = Json.parse(text, "the agent parameter");
        agentCheck.check(agent, "agent", request.version());
        if (!groupAllowed && Agents.isGroup(agent)) {
            throw new InvalidRequestException("agent", "the agent parameter must be an Agent, not a Group");
        }
        return Agents.identifier(agent).orElseThrow(() ->
                new InvalidRequestException("agent", "the agent parameter must have an mbox, mbox_sha1sum, openid or account"));
    }

    private static void requireRead(Kind kind, Principal who) {
        if (kind == Kind.STATE ? !who.canReadState() : !who.canReadProfiles()) {
            throw new ForbiddenException("these credentials may not read " + (kind == Kind.STATE ? "state" : "profiles"));
        }
    }

    private static void requireWrite(Kind kind, Principal who) {
        if (kind == Kind.STATE ? !who.canWriteState() : !who.canWriteProfiles()) {
            throw new ForbiddenException("these credentials may not write " + (kind == Kind.STATE ? "state" : "profiles"));
        }
    }
}
