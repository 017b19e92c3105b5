package org.pelita.lrs.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pelita.lrs.service.Received;
import org.pelita.lrs.service.StatementService;
import org.pelita.lrs.store.NewAttachment;
import org.pelita.lrs.store.StatementFilter;
import org.pelita.lrs.store.StoredStatement;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.StatementFormat;
import org.pelita.lrs.xapi.StatementQuery;
import org.pelita.lrs.xapi.StatementQueryParser;
import org.pelita.lrs.xapi.Times;

/** The Statement resource over HTTP (xAPI 1.0.3 Communication §2.1): thin, the rules live in StatementService. */
public final class StatementsHandler {
    static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";

    private final StatementService statements;
    private final StatementQueryParser queries;
    private final MultipartCodec multipart;
    private final String moreBase;

    public StatementsHandler(StatementService statements, StatementQueryParser queries, MultipartCodec multipart, String moreBase) {
        this.statements = statements;
        this.queries = queries;
        this.multipart = multipart;
        this.moreBase = moreBase;
    }

    public String consistentThrough() {
        return Times.format(statements.consistentThrough());
    }

    public XapiResponse put(XapiRequest request) {
        for (String name : request.parameters().keySet()) {
            if (!"statementId".equals(name)) {
                throw new InvalidRequestException("PUT statements takes only the statementId parameter, not '" + name + "'");
            }
            if (request.parameters().get(name).size() > 1) {
                throw new InvalidRequestException("the parameter '" + name + "' is given more than once");
            }
        }
        UUID id = StatementQueryParser.uuid(request.parameter("statementId").orElseThrow(() ->
                new InvalidRequestException("PUT statements needs the statementId parameter (use POST to let the LRS assign ids)")), "statementId");
        statements.put(id, body(request), request.principal(), request.version());
        return XapiResponse.noContent();
    }

    public XapiResponse post(XapiRequest request) {
        if (!request.parameters().isEmpty()) {
            throw new InvalidRequestException("POST statements takes no parameters (got " + String.join(", ", request.parameters().keySet()) + ")");
        }
        List<UUID> ids = statements.post(body(request), request.principal(), request.version());
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(ids.get(i)).append('"');
        }
        return XapiResponse.json(json.append(']').toString());
    }

    /** application/json, or multipart/mixed with the statements first and their attachments after (§1.5.2). */
    private Received body(XapiRequest request) {
        String type = request.mediaType();
        if ("application/json".equals(type)) {
            return new Received(Json.parse(request.body(), "the statement"), List.of(), false);
        }
        if ("multipart/mixed".equals(type)) {
            MultipartCodec.Decoded decoded = multipart.decode(request.body(), request.contentType());
            return new Received(Json.parse(decoded.json(), "the statement"), decoded.attachments(), true);
        }
        throw new InvalidRequestException("statements must be sent as application/json, or multipart/mixed with attachments"
                + (type.isEmpty() ? " (no Content-Type was sent)" : ", not " + type));
    }

    public XapiResponse get(XapiRequest request) {
        Map<String, List<String>> parameters = request.parameters();
        Optional<StatementFilter.Cursor> after = Optional.empty();
        if (parameters.containsKey("more")) {
            if (parameters.size() > 1) {
                throw new InvalidRequestException("a more request takes no other parameters");
            }
            MoreTokens.Continuation continuation = MoreTokens.decode(parameters.get("more").get(0));
            parameters = continuation.parameters();
            after = Optional.of(continuation.cursor());
        }
        StatementQuery query = queries.parse(parameters, request.version());
        List<String> languages = StatementFormat.acceptedLanguages(request.header("accept-language").orElse(null));
        String through = Times.format(statements.consistentThrough());
        if (query.single()) {
            StoredStatement statement = statements.single(query, request.principal());
            String json = statements.format(List.of(statement.body()), query.format(), languages).get(0);
            List<UUID> ids = query.attachments() && statement.hasAttachments() ? List.of(statement.id()) : List.of();
            return respond(json, ids, query.attachments())
                    .withHeader(CONSISTENT_THROUGH, through)
                    .withHeader("Last-Modified", httpDate(statement.stored()));
        }
        StatementService.Page page = statements.query(query, after, request.principal());
        StringBuilder json = new StringBuilder("{\"statements\":[");
        List<String> formatted = statements.format(page.statements(), query.format(), languages);
        for (int i = 0; i < formatted.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(formatted.get(i));
        }
        json.append("],\"more\":\"");
        Map<String, List<String>> original = parameters;
        page.next().ifPresent(cursor -> json.append(moreBase).append("?more=").append(MoreTokens.encode(original, cursor)));
        json.append("\"}");
        return respond(json.toString(), query.attachments() && page.anyAttachments() ? page.ids() : List.of(),
                query.attachments()).withHeader(CONSISTENT_THROUGH, through);
    }

    /** JSON, or with attachments=true a multipart/mixed body: the JSON part first, then each attachment once. */
    private XapiResponse respond(String json, List<UUID> withAttachments, boolean attachmentsRequested) {
        if (!attachmentsRequested) {
            return XapiResponse.json(json);
        }
        List<NewAttachment> attachments = new ArrayList<>(statements.attachmentsOf(withAttachments).values());
        String boundary = multipart.boundary();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            multipart.encode(out, boundary, json.getBytes(StandardCharsets.UTF_8), attachments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new XapiResponse(200, Map.of("Content-Type", multipart.contentType(boundary)), out.toByteArray());
    }

    static String httpDate(OffsetDateTime time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
