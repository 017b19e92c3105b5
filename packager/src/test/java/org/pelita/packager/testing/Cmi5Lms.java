package org.pelita.packager.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The LMS side of a cmi5 launch (cmi5 sections 8 to 10), for browser tests: for each session it creates an LRS credential,
 * serves a one-time fetch URL that returns it as {@code auth-token} (a second POST gets error-code 1), writes the
 * LMS.LaunchData State document with a context template (session id, publisher id) and, as the spec says the LMS
 * must, the {@code launched} statement; then gives the AU's launch URL. Its return page is {@code /return}.
 */
public final class Cmi5Lms implements AutoCloseable {
    public static final String CMI5 = "https://w3id.org/xapi/cmi5/context/";
    public static final String SESSION_ID = CMI5 + "extensions/sessionid";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final InProcessLrs lrs;
    private final String packageOrigin;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    public Cmi5Lms(InProcessLrs lrs, String packageOrigin) throws IOException {
        this.lrs = lrs;
        this.packageOrigin = packageOrigin;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fetch/", this::fetch);
        server.createContext("/return", this::returnPage);
        server.start();
    }

    /** One AU launch: the facts the LMS chose, and the URL that launches the AU with them. */
    public record Launch(String url, String sessionId, String registration, String activityId, String publisherId,
                         String fetchUrl, ObjectNode actor, String returnUrl) {
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many POSTs the fetch URL of this session has had. */
    public int fetchCalls(String sessionId) {
        return fetches.getOrDefault(sessionId, new AtomicInteger()).get();
    }

    /**
     * Prepares a session as an LMS must before launching (cmi5 8.1, 9.3.1, 10): credential, fetch URL, LMS.LaunchData,
     * the launched statement. {@code masteryScore} null leaves it out of the launch data.
     */
    public Launch launch(String auUrl, String publisherId, String registration, String activityId, String learner,
                         String launchMode, String moveOn, Double masteryScore) throws Exception {
        String sessionId = UUID.randomUUID().toString();
        String key = "cmi5-" + sessionId.substring(0, 8);
        lrs.credential(key, "statements/write state profile", null);
        tokens.put(sessionId, Base64.getEncoder().encodeToString((key + ":" + key + "-secret").getBytes(StandardCharsets.UTF_8)));
        ObjectNode actor = JSON.createObjectNode().put("objectType", "Agent");
        actor.putObject("account").put("homePage", "https://lms.example.org").put("name", learner);
        String returnUrl = url("/return?session=" + sessionId);

        ObjectNode template = JSON.createObjectNode();
        template.putObject("contextActivities").putArray("grouping").addObject().put("objectType", "Activity").put("id", publisherId);
        template.putObject("extensions").put(SESSION_ID, sessionId);
        ObjectNode launchData = JSON.createObjectNode();
        launchData.set("contextTemplate", template);
        launchData.put("launchMode", launchMode).put("moveOn", moveOn).put("returnURL", returnUrl);
        if (masteryScore != null) {
            launchData.put("masteryScore", masteryScore);
        }
        String agent = encode(JSON.writeValueAsString(actor));
        send("PUT", "activities/state?stateId=LMS.LaunchData&activityId=" + encode(activityId) + "&agent=" + agent
                + "&registration=" + encode(registration), JSON.writeValueAsString(launchData), 204);

        ObjectNode launched = JSON.createObjectNode().put("id", UUID.randomUUID().toString());
        launched.set("actor", actor);
        launched.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/launched").putObject("display").put("en-US", "launched");
        launched.putObject("object").put("objectType", "Activity").put("id", activityId);
        ObjectNode context = template.deepCopy();
        context.put("registration", registration);
        ((ObjectNode) context.get("contextActivities")).putArray("category").addObject().put("id", CMI5 + "categories/cmi5");
        ObjectNode extensions = (ObjectNode) context.get("extensions");
        extensions.put(CMI5 + "extensions/launchmode", launchMode).put(CMI5 + "extensions/moveon", moveOn)
                .put(CMI5 + "extensions/launchurl", auUrl);
        if (masteryScore != null) {
            extensions.put(CMI5 + "extensions/masteryscore", masteryScore);
        }
        launched.set("context", context);
        launched.put("timestamp", Instant.now().toString());
        send("POST", "statements", JSON.writeValueAsString(launched), 200);

        String fetchUrl = url("/fetch/" + sessionId);
        String url = auUrl + "?endpoint=" + encode(lrs.endpoint()) + "&fetch=" + encode(fetchUrl) + "&actor="
                + encode(JSON.writeValueAsString(actor)) + "&registration=" + encode(registration) + "&activityId=" + encode(activityId);
        return new Launch(url, sessionId, registration, activityId, publisherId, fetchUrl, actor, returnUrl);
    }

    /** The learner's cmi5LearnerPreferences agent profile (cmi5 11). */
    public void languagePreference(ObjectNode actor, String languages) throws Exception {
        send("PUT", "agents/profile?profileId=cmi5LearnerPreferences&agent=" + encode(JSON.writeValueAsString(actor)),
                JSON.writeValueAsString(JSON.createObjectNode().put("languagePreference", languages).put("audioPreference", "on")), 204);
    }

    private void send(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lrs.endpoint() + path));
        if (path.startsWith("agents/profile")) {
            request.header("If-None-Match", "*"); // a new document (xAPI: a PUT to a profile says what it replaces)
        }
        HttpResponse<String> response = http.send(request
                .header("Authorization", InProcessLrs.basicAuth(InProcessLrs.ADMIN)).header("X-Experience-API-Version", "1.0.3")
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** cmi5 8.2: 200 with the token once, then 200 with error-code 1; always JSON. */
    private void fetch(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", packageOrigin);
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String session = exchange.getRequestURI().getPath().substring("/fetch/".length());
            int calls = fetches.computeIfAbsent(session, s -> new AtomicInteger()).incrementAndGet();
            String token = tokens.get(session);
            ObjectNode body = JSON.createObjectNode();
            if (token == null) {
                body.put("error-code", "2").put("error-text", "Unknown session.");
            } else if (calls == 1) {
                body.put("auth-token", token);
            } else {
                body.put("error-code", "1").put("error-text", "The authorization token has already been returned.");
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void returnPage(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = "<!DOCTYPE html><title>LMS</title><h1 id=lms>Back in the LMS</h1>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
