package org.pelita.lrs.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pelita.lrs.store.StatementFilter;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;

/**
 * The "more" IRL of a statement page: the original query and where the page ended, in one opaque token. The
 * token carries no rights: the next page is read with the credentials of the request that asks for it.
 */
final class MoreTokens {
    record Continuation(Map<String, List<String>> parameters, StatementFilter.Cursor cursor) {
    }

    private MoreTokens() {
    }

    static String encode(Map<String, List<String>> parameters, StatementFilter.Cursor cursor) {
        ObjectNode token = Json.MAPPER.createObjectNode();
        ObjectNode query = token.putObject("q");
        parameters.forEach((name, values) -> query.put(name, values.get(0)));
        token.put("s", cursor.stored().toString());
        token.put("i", cursor.id().toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(token).getBytes(StandardCharsets.UTF_8));
    }

    static Continuation decode(String token) {
        try {
            JsonNode node = Json.parse(Base64.getUrlDecoder().decode(token), "the more token");
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            node.path("q").fields().forEachRemaining(e -> parameters.put(e.getKey(), new ArrayList<>(List.of(e.getValue().asText()))));
            return new Continuation(parameters, new StatementFilter.Cursor(OffsetDateTime.parse(node.path("s").asText()),
                    UUID.fromString(node.path("i").asText())));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("the more parameter is not a token this LRS gave out");
        }
    }
}
