package org.pelita.lrs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pelita.lrs.xapi.Json;

/**
 * Statements as Pelita's packages send them (docs/xapi-profile.md), for one learner at a time: build a learner's
 * story with the methods, then post {@link #statements()}. Timestamps advance a minute per statement from a fixed start.
 */
public final class PilotStatements {
    public static final String VERBS = "http://adlnet.gov/expapi/verbs/";
    private final String module;
    private final String version;
    private final String language;
    private final String learner;
    private final UUID registration;
    private final List<ObjectNode> statements = new ArrayList<>();
    private OffsetDateTime clock;
    private String organisation;
    private List<String> questions = List.of();

    public PilotStatements(String module, String version, String language, String learner, OffsetDateTime start) {
        this.module = module;
        this.version = version;
        this.language = language;
        this.learner = learner;
        this.registration = UUID.nameUUIDFromBytes((module + learner).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.clock = start;
    }

    /** Posts each learner's statements with the administrator's credential, and fails the test on any answer but 200. */
    public static void postAll(TestLrs lrs, List<PilotStatements> learners) {
        for (PilotStatements learner : learners) {
            XapiClient.Response post = lrs.admin().post("/statements", learner.json());
            assertThat(post.status()).as(post.toString()).isEqualTo(200);
        }
    }

    public static OffsetDateTime day(int day) {
        return OffsetDateTime.of(2026, 11, day, 8, 0, 0, 0, ZoneOffset.UTC);
    }

    public PilotStatements organisation(String name) {
        this.organisation = name;
        return this;
    }

    /**
     * The questions of the quizzes that follow, by position: each a path after {@code <module>/questions/<quiz>/}, as
     * {@code q1/0123456789ab} (question id and revision) or {@code q1} (a package built before revisions). Without
     * them, question i is {@code q<i>}.
     */
    public PilotStatements questions(String... paths) {
        this.questions = List.of(paths);
        return this;
    }

    public List<ObjectNode> statements() {
        return statements;
    }

    public String json() {
        ArrayNode array = Json.MAPPER.createArrayNode();
        statements.forEach(array::add);
        return Json.write(array);
    }

    public PilotStatements initialized() {
        statements.add(statement("initialized", moduleActivity(), null, null));
        return this;
    }

    public PilotStatements experienced(String lesson, String page) {
        ObjectNode object = activity(module + "/pages/" + lesson + "/" + page, "http://activitystrea.ms/schema/1.0/page", "Page " + page);
        ObjectNode context = parents(activity(module + "/lessons/" + lesson, "http://adlnet.gov/expapi/activities/module", "Lesson " + lesson));
        statements.add(statement("experienced", object, null, context));
        return this;
    }

    /**
     * A submitted quiz: each question answered with the given choice ("a", "b", "c"; the correct one is "b"), then the
     * quiz completed (pre-test) or passed/failed against 70% (post-test).
     */
    public PilotStatements quiz(String kind, String quiz, String... responses) {
        int right = 0;
        for (int i = 0; i < responses.length; i++) {
            String response = responses[i];
            boolean success = "b".equals(response);
            right += success ? 1 : 0;
            ObjectNode result = Json.MAPPER.createObjectNode();
            result.put("response", response);
            result.put("success", success);
            result.putObject("score").put("raw", success ? 1 : 0).put("min", 0).put("max", 1).put("scaled", success ? 1 : 0);
            ObjectNode context = parents(activity(module + "/quizzes/" + quiz, "http://adlnet.gov/expapi/activities/assessment", quiz));
            context.with("extensions").put("urn:pelita:xapi:extension:quiz-kind", kind);
            statements.add(statement("answered", question(quiz, i < questions.size() ? questions.get(i) : "q" + (i + 1)), result, context));
        }
        double scaled = responses.length == 0 ? 0 : (double) right / responses.length;
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.putObject("score").put("raw", right).put("min", 0).put("max", responses.length).put("scaled", scaled);
        result.put("completion", true);
        String verb = "completed";
        if ("post-test".equals(kind)) {
            result.put("success", scaled >= 0.7);
            verb = scaled >= 0.7 ? "passed" : "failed";
        }
        ObjectNode context = Json.MAPPER.createObjectNode();
        context.putObject("contextActivities").putArray("grouping").add(moduleRef());
        context.putObject("extensions").put("urn:pelita:xapi:extension:quiz-kind", kind);
        statements.add(statement(verb, activity(module + "/quizzes/" + quiz, "http://adlnet.gov/expapi/activities/assessment", quiz),
                result, context));
        return this;
    }

    /** The module's status: passed or failed with a score, and completed when passed. */
    public PilotStatements moduleResult(boolean passed, int percent) {
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.put("success", passed);
        result.putObject("score").put("raw", percent).put("min", 0).put("max", 100).put("scaled", percent / 100.0);
        statements.add(statement(passed ? "passed" : "failed", moduleActivity(), result, null));
        if (passed) {
            ObjectNode completion = Json.MAPPER.createObjectNode().put("completion", true);
            statements.add(statement("completed", moduleActivity(), completion, null));
        }
        return this;
    }

    public PilotStatements terminated(Duration visit) {
        ObjectNode result = Json.MAPPER.createObjectNode().put("duration", visit.toString());
        statements.add(statement("terminated", moduleActivity(), result, null));
        return this;
    }

    private ObjectNode statement(String verb, ObjectNode object, ObjectNode result, ObjectNode context) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("id", UUID.randomUUID().toString());
        s.putObject("actor").put("objectType", "Agent").putObject("account").put("homePage", "https://lms.example.org")
                .put("name", learner);
        s.putObject("verb").put("id", VERBS + verb).putObject("display").put("en-US", verb);
        s.set("object", object);
        if (result != null) {
            s.set("result", result);
        }
        ObjectNode c = context == null ? Json.MAPPER.createObjectNode() : context;
        c.put("registration", registration.toString());
        c.put("language", language);
        c.put("platform", "Pelita");
        ObjectNode extensions = c.with("extensions");
        extensions.put("urn:pelita:xapi:extension:module-version", version);
        if (organisation != null) {
            extensions.put("urn:pelita:xapi:extension:organisation", organisation);
        }
        s.set("context", c);
        s.put("timestamp", clock.toString());
        clock = clock.plusMinutes(1);
        return s;
    }

    private ObjectNode parents(ObjectNode parent) {
        ObjectNode context = Json.MAPPER.createObjectNode();
        ObjectNode activities = context.putObject("contextActivities");
        activities.putArray("parent").add(parent);
        activities.putArray("grouping").add(moduleRef());
        return context;
    }

    private ObjectNode moduleRef() {
        return Json.MAPPER.createObjectNode().put("objectType", "Activity").put("id", module);
    }

    private ObjectNode moduleActivity() {
        return activity(module, "http://adlnet.gov/expapi/activities/course", "Cyber resilience");
    }

    private static ObjectNode activity(String id, String type, String name) {
        ObjectNode a = Json.MAPPER.createObjectNode();
        a.put("objectType", "Activity");
        a.put("id", id);
        ObjectNode definition = a.putObject("definition");
        definition.putObject("name").put("en", name);
        definition.put("type", type);
        return a;
    }

    private ObjectNode question(String quiz, String path) {
        String id = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        ObjectNode q = activity(module + "/questions/" + quiz + "/" + path, "http://adlnet.gov/expapi/activities/cmi.interaction",
                "Question " + id);
        ObjectNode definition = (ObjectNode) q.get("definition");
        definition.put("interactionType", "choice");
        definition.putArray("correctResponsesPattern").add("b");
        ArrayNode choices = definition.putArray("choices");
        for (String choice : List.of("a", "b", "c")) {
            choices.addObject().put("id", choice).putObject("description").put("en", "Choice " + choice);
        }
        return q;
    }
}
