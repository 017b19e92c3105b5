package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.Json;

/**
 * Statements shaped as Pelita's packages send them (docs/xapi-profile.md), under a module IRI unique to one fixture so
 * that tests sharing an LRS do not see each other's statements through the module filter.
 */
final class ExportsFixture {
    static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    static final String EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
    /** Research credentials every export test server has: research (pseudonyms), reader (statements/read), state (no right). */
    static final String RESEARCHER = "researcher";
    static final String READER = "reader";
    static final String STATE_ONLY = "state-only";

    final String module = "urn:pelita:module:export-test-" + UUID.randomUUID();
    final UUID registration = UUID.randomUUID();

    static void credentials(TestLrs lrs) {
        lrs.credential(RESEARCHER, "research").credential(READER, "statements/read").credential(STATE_ONLY, "state");
    }

    static String mbox(String learner) {
        return "mailto:" + learner + "@example.org";
    }

    /** An answered question of this module's post-test by the learner, with the given response. */
    ObjectNode answered(String learner, String response) {
        ObjectNode s = base(learner, ANSWERED, module + "/questions/post-test/q1");
        ObjectNode definition = ((ObjectNode) s.get("object")).putObject("definition");
        definition.put("type", "http://adlnet.gov/expapi/activities/cmi.interaction");
        definition.putObject("name").put("id", "Pertanyaan 1").put("en-US", "Question 1");
        definition.put("interactionType", "fill-in");
        ObjectNode result = s.putObject("result");
        result.put("response", response);
        result.put("success", true);
        result.putObject("score").put("scaled", 1).put("raw", 1).put("min", 0).put("max", 1);
        result.put("duration", "PT1M2.5S");
        ObjectNode activities = (ObjectNode) s.get("context").get("contextActivities");
        activities.putArray("parent").addObject().put("id", module + "/quizzes/post-test");
        activities.putArray("grouping").addObject().put("id", module);
        ((ObjectNode) s.get("context").get("extensions")).put("urn:pelita:xapi:extension:quiz-kind", "post-test");
        return s;
    }

    /** A page experienced by the learner. */
    ObjectNode experienced(String learner) {
        ObjectNode s = base(learner, EXPERIENCED, module + "/pages/l1/p1");
        ((ObjectNode) s.get("object")).putObject("definition").putObject("name").put("en", "Welcome");
        ObjectNode activities = (ObjectNode) s.get("context").get("contextActivities");
        activities.putArray("parent").addObject().put("id", module + "/lessons/l1");
        activities.putArray("grouping").addObject().put("id", module);
        return s;
    }

    /** The learner passed the module (a statement about the module itself: no context activities). */
    ObjectNode passedModule(String learner) {
        ObjectNode s = base(learner, PASSED, module);
        ((ObjectNode) s.get("object")).putObject("definition").put("type", "http://adlnet.gov/expapi/activities/course")
                .putObject("name").put("en", "Feature tour");
        s.putObject("result").put("success", true).put("completion", true).putObject("score").put("scaled", 0.85).put("raw", 85)
                .put("min", 0).put("max", 100);
        s.remove("context");
        s.putObject("context").put("registration", registration.toString()).put("language", "en")
                .putObject("extensions").put("urn:pelita:xapi:extension:module-version", "1.0.0");
        return s;
    }

    private ObjectNode base(String learner, String verb, String object) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("id", UUID.randomUUID().toString());
        s.putObject("actor").put("objectType", "Agent").put("name", "Learner " + learner).put("mbox", mbox(learner));
        s.putObject("verb").put("id", verb).putObject("display").put("en-US", verb.substring(verb.lastIndexOf('/') + 1));
        s.putObject("object").put("objectType", "Activity").put("id", object);
        ObjectNode context = s.putObject("context");
        context.put("registration", registration.toString());
        context.put("language", "id");
        context.put("platform", "Pelita");
        context.putObject("contextActivities");
        context.putObject("extensions").put("urn:pelita:xapi:extension:module-version", "1.0.0")
                .put("urn:pelita:xapi:extension:organisation", "Dinas Pendidikan").put("urn:pelita:xapi:extension:country", "ID");
        s.put("timestamp", "2026-11-20T08:00:00.000Z");
        return s;
    }

    ObjectNode voiding(String target) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.putObject("actor").put("mbox", "mailto:admin@example.org");
        s.putObject("verb").put("id", VOIDED);
        s.putObject("object").put("objectType", "StatementRef").put("id", target);
        return s;
    }

    /** Posts statements one request each (so their stored order is the order given); their ids. */
    static List<String> post(TestLrs lrs, JsonNode... statements) {
        List<String> ids = new ArrayList<>();
        for (JsonNode statement : statements) {
            XapiClient.Response post = lrs.admin().post("/statements", Json.write(statement));
            assertThat(post.status()).as(post.toString()).isEqualTo(200);
            ids.add(post.json().get(0).asText());
        }
        return ids;
    }

    String moduleFilter() {
        return XapiClient.query("module", module);
    }

    /** The statement as GET /xapi/statements returns it (exact format), as text. */
    static String stored(TestLrs lrs, String id) {
        XapiClient.Response get = lrs.admin().get("/statements?statementId=" + id);
        assertThat(get.status()).as(get.toString()).isEqualTo(200);
        return get.text();
    }
}
