package org.pelita.lrs.xapi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The one JSON configuration of the LRS: strict (duplicate keys, trailing data and invalid UTF-8 are errors),
 * exact (decimals kept as written, so a stored statement comes back as it was sent), and bounded in depth.
 */
public final class Json {
    /** Deep enough for any real statement with extensions, shallow enough that nesting cannot exhaust the stack. */
    public static final int MAX_DEPTH = 64;

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    private Json() {
    }

    /** Parses a request body; anything but well-formed UTF-8 JSON is a 400 that says where it broke. */
    public static JsonNode parse(byte[] body, String what) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException(what + " is empty; send a JSON " + ("statement".equals(what) ? "statement" : "document"));
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRequestException(what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidRequestException(what + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidRequestException(what + " cannot be read: " + e.getMessage(), e);
        }
    }

    public static JsonNode parse(String text, String what) {
        return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), what);
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
