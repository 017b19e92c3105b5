package org.pelita.lrs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pelita.lrs.xapi.Json;

/** An xAPI client for tests: Basic credentials and X-Experience-API-Version sent on every request unless overridden. */
public final class XapiClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    XapiClient(String base, String key, String secret, String version) {
        this.base = base;
        if (key != null) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        if (version != null) {
            headers.put("X-Experience-API-Version", version);
        }
    }

    /** The same client with another header (null removes it). */
    public XapiClient with(String name, String value) {
        XapiClient copy = new XapiClient(base, null, null, null);
        copy.headers.putAll(headers);
        if (value == null) {
            copy.headers.remove(name);
        } else {
            copy.headers.put(name, value);
        }
        return copy;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response head(String path) {
        return send("HEAD", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public Response post(String path, String json) {
        return send("POST", path, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public Response send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A response with convenient access to its status, headers and JSON body. */
    public record Response(HttpResponse<byte[]> http) {
        public int status() {
            return http.statusCode();
        }

        public String header(String name) {
            return http.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return new String(http.body(), StandardCharsets.UTF_8);
        }

        public byte[] bytes() {
            return http.body();
        }

        public JsonNode json() {
            return Json.parse(http.body(), "the response");
        }

        @Override
        public String toString() {
            return status() + " " + text();
        }
    }
}
