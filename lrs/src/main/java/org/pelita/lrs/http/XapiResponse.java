package org.pelita.lrs.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response to write: status, headers, body (none for 204). */
public record XapiResponse(int status, Map<String, String> headers, byte[] body) {
    public XapiResponse {
        headers = Map.copyOf(headers);
    }

    public static XapiResponse noContent() {
        return new XapiResponse(204, Map.of(), new byte[0]);
    }

    public static XapiResponse json(String json) {
        return json(200, json, Map.of());
    }

    public static XapiResponse json(int status, String json, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json; charset=utf-8");
        return new XapiResponse(status, all, json.getBytes(StandardCharsets.UTF_8));
    }

    public XapiResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new XapiResponse(status, all, body);
    }
}
