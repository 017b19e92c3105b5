package org.pelita.lrs.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pelita.lrs.http.Dashboard;

/**
 * TEST ONLY. A stand-in for the research API ({@code /api/reports/*}, contract in docs/dashboard.md) answering canned
 * JSON shaped as the contract says, next to the real dashboard files (registered exactly as the LRS does), so the
 * page can be tested before the real API exists. Key "reader" (secret "reader-secret") may read, "writer" gets 403,
 * anything else 401 with a Basic challenge. The numbers depend on the language filter (all, "en", "id"); any other
 * filter value of organisation or country matches nothing. Every request is recorded.
 */
final class FakeReportsApi implements AutoCloseable {
    static final String FEATURE_TOUR = "urn:pelita:module:feature-tour";
    static final String SECURITY = "urn:pelita:module:digital-security";
    private static final Set<String> FILTERS = Set.of("module", "version", "language", "registration", "organisation", "country", "since",
            "until", "format");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request to the API: the report, its query parameters (first values), the Accept header. */
    record Call(String report, Map<String, String> query, String accept) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Javalin app;

    FakeReportsApi() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            Dashboard.register(config);
            config.routes.get("/api/reports/{report}", this::answer);
        }).start("127.0.0.1", 0);
    }

    String base() {
        return "http://127.0.0.1:" + app.port();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    void forget() {
        calls.clear();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + key + "-secret").getBytes(StandardCharsets.UTF_8));
    }

    private void answer(Context ctx) throws JsonProcessingException {
        String report = ctx.pathParam("report");
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> query.put(name, values.get(0)));
        calls.add(new Call(report, query, ctx.header("Accept")));
        String authorization = ctx.header("Authorization");
        if (basic("writer").equals(authorization)) {
            error(ctx, 403, "this credential cannot read reports");
            return;
        }
        if (!basic("reader").equals(authorization)) {
            ctx.header("WWW-Authenticate", "Basic realm=\"Pelita LRS research\"");
            error(ctx, 401, "credentials required");
            return;
        }
        Set<String> allowed = new java.util.HashSet<>(FILTERS);
        if ("questions".equals(report)) {
            allowed.add("quiz");
        }
        for (String name : query.keySet()) {
            if (!allowed.contains(name)) {
                error(ctx, 400, "unknown parameter: " + name);
                return;
            }
        }
        String registration = query.get("registration");
        if (registration != null && !registration.matches("[0-9a-fA-F-]{36}")) {
            error(ctx, 400, "registration is not a UUID: " + registration);
            return;
        }
        if (query.containsKey("since") && query.containsKey("until") && query.get("until").compareTo(query.get("since")) < 0) {
            error(ctx, 400, "until is before since");
            return;
        }
        String language = query.getOrDefault("language", "");
        boolean nothing = query.containsKey("organisation") || query.containsKey("country") || !Set.of("", "en", "id").contains(language);
        World world = nothing ? World.NONE : "id".equals(language) ? World.ID : "en".equals(language) ? World.EN : World.ALL;
        Object body = switch (report) {
            case "modules" -> modules();
            case "funnel" -> world.funnel();
            case "quizzes" -> world.quizzes();
            case "questions" -> {
                if (query.get("quiz") == null) {
                    error(ctx, 400, "quiz is required");
                    yield null;
                }
                yield world.questions(query.get("quiz"));
            }
            case "pre-post" -> world.prePost();
            case "time-on-task" -> world.timeOnTask();
            default -> {
                error(ctx, 404, "no report " + report);
                yield null;
            }
        };
        if (body == null) {
            return;
        }
        if ("csv".equals(query.get("format"))) {
            ctx.contentType("text/csv; charset=utf-8").result(world.csv(report));
        } else {
            ctx.contentType("application/json").result(JSON.writeValueAsString(body));
        }
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).contentType("application/json").result("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
    }

    private static Map<String, Object> modules() {
        return Map.of("modules", List.of(
                Map.of("id", FEATURE_TOUR, "name", Map.of("en", "Feature tour", "id", "Tur fitur"), "versions", List.of("1.0.0", "1.1.0"),
                        "languages", List.of("en", "id"), "learners", 5),
                Map.of("id", SECURITY, "name", Map.of("en", "Digital security"), "versions", List.of("2.0.0"), "languages", List.of("en"),
                        "learners", 3)));
    }

    /** The canned numbers: n learners of the feature tour, and the digital security module unless only Indonesian. */
    enum World {
        ALL(5, true), EN(3, true), ID(2, false), NONE(0, false);

        final int n;
        final boolean security;

        World(int n, boolean security) {
            this.n = n;
            this.security = security;
        }

        private List<Object> perModule(Object featureTour, Object security) {
            List<Object> list = new ArrayList<>();
            if (n > 0) {
                list.add(featureTour);
            }
            if (this.security) {
                list.add(security);
            }
            return list;
        }

        Map<String, Object> funnel() {
            return Map.of("modules", perModule(
                    Map.of("id", FEATURE_TOUR, "name", Map.of("en", "Feature tour", "id", "Tur fitur"),
                            "launched", n, "completed", n - 1, "passed", n - 1, "failed", 1,
                            "lessons", List.of(
                                    Map.of("id", FEATURE_TOUR + "/lessons/welcome", "name", Map.of("en", "Welcome"), "started", n, "finished", n),
                                    Map.of("id", FEATURE_TOUR + "/lessons/safety", "name", Map.of("en", "Staying safe"), "started", n, "finished", n - 1))),
                    Map.of("id", SECURITY, "name", Map.of("en", "Digital security"), "launched", 3, "completed", 2, "passed", 1, "failed", 1,
                            "lessons", List.of(Map.of("id", SECURITY + "/lessons/passwords", "name", Map.of("en", "Passwords"),
                                    "started", 3, "finished", 2)))));
        }

        private static List<Object> bins(Map<Integer, Integer> counts) {
            List<Object> bins = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                bins.add(Map.of("from", i / 10.0, "to", (i + 1) / 10.0, "count", counts.getOrDefault(i, 0)));
            }
            return bins;
        }

        Map<String, Object> quizzes() {
            List<Object> list = new ArrayList<>();
            if (n > 0) {
                list.add(Map.of("id", FEATURE_TOUR + "/quizzes/pre", "module", FEATURE_TOUR, "kind", "pre-test", "name", Map.of("en", "Before you start"),
                        "learners", n, "mean", 0.4, "median", 0.4, "distribution", bins(Map.of(3, n / 2, 5, n - n / 2))));
                list.add(Map.of("id", FEATURE_TOUR + "/quizzes/post", "module", FEATURE_TOUR, "kind", "post-test", "name", Map.of("en", "Final check"),
                        "learners", n, "mean", n == 2 ? 0.9 : 0.8, "median", 0.8, "distribution", bins(Map.of(7, n / 2, 9, n - n / 2))));
            }
            if (security) {
                list.add(Map.of("id", SECURITY + "/quizzes/final", "module", SECURITY, "kind", "post-test", "name", Map.of("en", "Final quiz"),
                        "learners", 3, "mean", 0.6, "median", 0.6, "distribution", bins(Map.of(6, 3))));
            }
            return Map.of("quizzes", list);
        }

        Map<String, Object> questions(String quiz) {
            if (n == 0) {
                return Map.of("quiz", quiz, "learners", 0, "questions", List.of());
            }
            Map<String, Object> fillIn = new LinkedHashMap<>();
            fillIn.put("id", quiz.replace("/quizzes/", "/questions/") + "/q3");
            fillIn.put("name", Map.of("en", "Name one way to spot phishing"));
            fillIn.put("type", "fill-in");
            fillIn.put("answers", n);
            fillIn.put("difficulty", 1.0);
            fillIn.put("discrimination", null); // undefined when everyone is right
            fillIn.put("upperLower", 0.0);
            fillIn.put("responses", List.of(Map.of("response", "sender address", "count", n, "correct", true)));
            return Map.of("quiz", quiz, "learners", n, "questions", List.of(
                    Map.of("id", quiz.replace("/quizzes/", "/questions/") + "/q1", "name", Map.of("en", "Which password is strongest?"),
                            "type", "choice", "answers", n, "difficulty", (n - 1) / (double) n, "discrimination", 0.35, "upperLower", 0.4,
                            "responses", List.of(
                                    Map.of("response", "a", "label", Map.of("en", "Your birthday"), "count", 1, "correct", false),
                                    Map.of("response", "b", "label", Map.of("en", "A long passphrase"), "count", n - 1, "correct", true),
                                    Map.of("response", "c", "label", Map.of("en", "password123"), "count", 0, "correct", false))),
                    Map.of("id", quiz.replace("/quizzes/", "/questions/") + "/q2", "name", Map.of("en", "Two-factor authentication helps"),
                            "type", "true-false", "answers", n, "difficulty", 0.5, "discrimination", -0.1, "upperLower", -0.2,
                            "responses", List.of(
                                    Map.of("response", "true", "count", n - n / 2, "correct", true),
                                    Map.of("response", "false", "count", n / 2, "correct", false))),
                    fillIn));
        }

        Map<String, Object> prePost() {
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("id", SECURITY);
            none.put("name", Map.of("en", "Digital security"));
            none.put("pairs", 0);
            for (String field : List.of("preMean", "postMean", "meanGain", "normalisedGain", "meanNormalisedGain")) {
                none.put(field, null);
            }
            double post = n == 2 ? 0.9 : 0.8;
            return Map.of("modules", perModule(
                    Map.of("id", FEATURE_TOUR, "name", Map.of("en", "Feature tour"), "pairs", n, "preMean", 0.4, "postMean", post,
                            "meanGain", post - 0.4, "normalisedGain", (post - 0.4) / 0.6, "meanNormalisedGain", (post - 0.4) / 0.6 - 0.02),
                    none));
        }

        Map<String, Object> timeOnTask() {
            return Map.of("modules", perModule(
                    Map.of("id", FEATURE_TOUR, "name", Map.of("en", "Feature tour"), "learners", n, "sessions", n + 2,
                            "perLearnerMinutes", Map.of("q1", 8.5, "median", 12.0 + n, "q3", 19.2),
                            "perSessionMinutes", Map.of("q1", 4.0, "median", 6.5, "q3", 9.0)),
                    Map.of("id", SECURITY, "name", Map.of("en", "Digital security"), "learners", 3, "sessions", 3,
                            "perLearnerMinutes", Map.of("q1", 10.0, "median", 15.0, "q3", 21.0),
                            "perSessionMinutes", Map.of("q1", 10.0, "median", 15.0, "q3", 21.0))));
        }

        String csv(String report) {
            if (!"funnel".equals(report)) {
                return "report,learners\r\n" + report + "," + n + "\r\n";
            }
            StringBuilder csv = new StringBuilder("id,name,launched,completed,passed,failed\r\n");
            if (n > 0) {
                csv.append(FEATURE_TOUR).append(",Feature tour,").append(n).append(',').append(n - 1).append(',').append(n - 1).append(",1\r\n");
            }
            if (security) {
                csv.append(SECURITY).append(",Digital security,3,2,1,1\r\n");
            }
            return csv.toString();
        }
    }
}
