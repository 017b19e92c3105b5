package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pelita.lrs.testing.PilotStatements.day;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.PilotStatements;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * The research reports (docs/reports.md) over a small pilot whose every figure is worked out by hand in the comments:
 * four learners of one module, two in English and two in Indonesian.
 */
class ReportsResourceTest {
    static final String MODULE = "urn:pelita:module:cyber";
    private static final StatementServers SERVERS = new StatementServers(java.util.Map.of(), ReportsResourceTest::pilot);

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    /**
     * L1 (en): lesson 1 pages 1-2, lesson 2 page 1; pre-test 1/3; post-test 3/3 passed; module passed; 10 minutes.
     * L2 (en): lesson 1 page 1; pre-test 0/3; post-test 2/3 failed, module failed, then a retake 3/3 passed and the module
     * passed; visits of 20 and 5 minutes.
     * L3 (id, organisation "Sahabat"): lesson 1 pages 1-2, lesson 2 page 1; pre-test 3/3; no post-test; 30 minutes.
     * L4 (id): launched only.
     */
    static void pilot(TestLrs lrs) {
        lrs.credential("researcher", "statements/read").credential("writer", "statements/write");
        List<PilotStatements> learners = new ArrayList<>();
        learners.add(new PilotStatements(MODULE, "1.0.0", "en", "L1", day(2)).initialized().experienced("l1", "p1").experienced("l1", "p2")
                .experienced("l2", "p1").quiz("pre-test", "pre", "a", "b", "c").quiz("post-test", "post", "b", "b", "b")
                .moduleResult(true, 100).terminated(Duration.ofMinutes(10)));
        learners.add(new PilotStatements(MODULE, "1.0.0", "en", "L2", day(3)).initialized().experienced("l1", "p1")
                .quiz("pre-test", "pre", "a", "a", "c").quiz("post-test", "post", "b", "b", "a").moduleResult(false, 67)
                .quiz("post-test", "post", "b", "b", "b").moduleResult(true, 100).terminated(Duration.ofMinutes(20))
                .initialized().terminated(Duration.ofMinutes(5)));
        learners.add(new PilotStatements(MODULE, "1.1.0", "id", "L3", day(4)).organisation("Sahabat").initialized()
                .experienced("l1", "p1").experienced("l1", "p2").experienced("l2", "p1").quiz("pre-test", "pre", "b", "b", "b")
                .terminated(Duration.ofMinutes(30)));
        learners.add(new PilotStatements(MODULE, "1.1.0", "id", "L4", day(5)).initialized());
        PilotStatements.postAll(lrs, learners);
    }

    private static JsonNode report(String database, String path) {
        XapiClient.Response response = SERVERS.on(database).research("researcher").get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        return response.json();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void theModulesListHasEachModuleWithItsVersionsLanguagesAndLearners(String database) {
        JsonNode module = report(database, "/reports/modules").get("modules").get(0);

        assertThat(module.get("id").asText()).isEqualTo(MODULE);
        assertThat(module.get("name").get("en").asText()).isEqualTo("Cyber resilience");
        assertThat(module.get("versions")).extracting(JsonNode::asText).containsExactly("1.0.0", "1.1.0");
        assertThat(module.get("languages")).extracting(JsonNode::asText).containsExactly("en", "id");
        assertThat(module.get("learners").asInt()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void theFunnelCountsDistinctLearnersPerStageAndLesson(String database) {
        JsonNode module = report(database, "/reports/funnel").get("modules").get(0);

        assertThat(module.get("launched").asInt()).isEqualTo(4);
        assertThat(module.get("completed").asInt()).isEqualTo(2);
        assertThat(module.get("passed").asInt()).isEqualTo(2);
        assertThat(module.get("failed").asInt()).isEqualTo(1); // L2 failed before passing: both stages count them
        JsonNode lessons = module.get("lessons");
        assertThat(lessons.get(0).get("id").asText()).isEqualTo(MODULE + "/lessons/l1");
        assertThat(lessons.get(0).get("name").get("en").asText()).isEqualTo("Lesson l1");
        assertThat(lessons.get(0).get("started").asInt()).isEqualTo(3);
        assertThat(lessons.get(0).get("finished").asInt()).isEqualTo(2); // L2 saw one of its two pages
        assertThat(lessons.get(1).get("started").asInt()).isEqualTo(2);
        assertThat(lessons.get(1).get("finished").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void everyReportTakesTheFilters(String database) {
        JsonNode indonesian = report(database, "/reports/funnel?language=id").get("modules").get(0);
        assertThat(indonesian.get("launched").asInt()).isEqualTo(2);
        assertThat(indonesian.get("passed").asInt()).isZero();

        assertThat(report(database, "/reports/funnel?version=1.0.0").get("modules").get(0).get("launched").asInt()).isEqualTo(2);
        assertThat(report(database, "/reports/funnel?organisation=Sahabat").get("modules").get(0).get("launched").asInt()).isEqualTo(1);
        // L1 started on 2 November, L2 on the 3rd, L3 on the 4th, L4 on the 5th (a date filter is on the statements' timestamp).
        assertThat(report(database, "/reports/funnel?since=2026-11-03&until=2026-11-04").get("modules").get(0).get("launched").asInt())
                .isEqualTo(2);
        assertThat(report(database, "/reports/funnel?module=urn:pelita:module:other").get("modules")).isEmpty();
        assertThat(report(database, "/reports/quizzes?module=" + MODULE).get("quizzes")).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aQuizScoreDistributionCountsEachLearnersFirstSubmission(String database) {
        JsonNode quizzes = report(database, "/reports/quizzes").get("quizzes");
        JsonNode post = quizzes.get(0);
        JsonNode pre = quizzes.get(1);

        // Pre-test: L1 1/3, L2 0, L3 1.
        assertThat(pre.get("id").asText()).isEqualTo(MODULE + "/quizzes/pre");
        assertThat(pre.get("kind").asText()).isEqualTo("pre-test");
        assertThat(pre.get("learners").asInt()).isEqualTo(3);
        assertThat(pre.get("mean").asDouble()).isCloseTo(4.0 / 9, within(1e-9));
        assertThat(pre.get("median").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(pre.get("distribution")).extracting(b -> b.get("count").asInt()).containsExactly(1, 0, 0, 1, 0, 0, 0, 0, 0, 1);
        // Post-test: L1 3/3, L2 2/3 the first time (their retake does not count again).
        assertThat(post.get("learners").asInt()).isEqualTo(2);
        assertThat(post.get("mean").asDouble()).isCloseTo(5.0 / 6, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void itemAnalysisGivesDifficultyDiscriminationAndDistractorFrequencies(String database) {
        JsonNode report = report(database, "/reports/questions?quiz=" + MODULE + "/quizzes/pre");
        // First answers: L1 a b c (total 1), L2 a a c (total 0), L3 b b b (total 3).
        assertThat(report.get("learners").asInt()).isEqualTo(3);
        JsonNode q1 = report.get("questions").get(0);
        assertThat(q1.get("id").asText()).isEqualTo(MODULE + "/questions/pre/q1");
        assertThat(q1.get("type").asText()).isEqualTo("choice");
        assertThat(q1.get("answers").asInt()).isEqualTo(3);
        assertThat(q1.get("difficulty").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        // Item [0, 0, 1] against the rest of the quiz [1, 0, 2]: r = 0.866.
        assertThat(q1.get("discrimination").asDouble()).isCloseTo(Math.sqrt(3) / 2, within(1e-9));
        assertThat(q1.get("upperLower").isNull()).isTrue(); // under four learners there are no 27% groups
        JsonNode responses = q1.get("responses");
        assertThat(responses.get(0).get("response").asText()).isEqualTo("a");
        assertThat(responses.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(responses.get(0).get("correct").asBoolean()).isFalse();
        assertThat(responses.get(0).get("label").get("en").asText()).isEqualTo("Choice a");
        assertThat(responses.get(1).get("response").asText()).isEqualTo("b");
        assertThat(responses.get(1).get("correct").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void preTestAgainstPostTestPairsEachLearnersFirstScores(String database) {
        JsonNode module = report(database, "/reports/pre-post").get("modules").get(0);
        // Pairs: L1 1/3 → 1, L2 0 → 2/3 (L3 has no post-test).
        assertThat(module.get("pairs").asInt()).isEqualTo(2);
        assertThat(module.get("preMean").asDouble()).isCloseTo(1.0 / 6, within(1e-9));
        assertThat(module.get("postMean").asDouble()).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(module.get("meanGain").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(module.get("normalisedGain").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(module.get("meanNormalisedGain").asDouble()).isCloseTo((1 + 2.0 / 3) / 2, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void timeOnTaskGivesQuartilesPerVisitAndPerLearner(String database) {
        JsonNode module = report(database, "/reports/time-on-task").get("modules").get(0);
        // Visits 10, 20, 5, 30 minutes; per learner 10, 25, 30.
        assertThat(module.get("sessions").asInt()).isEqualTo(4);
        assertThat(module.get("learners").asInt()).isEqualTo(3);
        assertThat(module.get("perSessionMinutes").get("q1").asDouble()).isCloseTo(8.75, within(1e-9));
        assertThat(module.get("perSessionMinutes").get("median").asDouble()).isCloseTo(15, within(1e-9));
        assertThat(module.get("perSessionMinutes").get("q3").asDouble()).isCloseTo(22.5, within(1e-9));
        assertThat(module.get("perLearnerMinutes").get("median").asDouble()).isCloseTo(25, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aReportComesAsCsvWithAHeaderAndOneRowPerItem(String database) {
        XapiClient.Response csv = SERVERS.on(database).research("researcher").get("/reports/funnel?format=csv&module=" + MODULE);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"funnel-");
        assertThat(rows(csv.text())).containsExactly(
                List.of("module", "lesson", "name", "launched", "completed", "passed", "failed", "started", "finished"),
                List.of(MODULE, "", "Cyber resilience", "4", "2", "2", "1", "", ""),
                List.of(MODULE, MODULE + "/lessons/l1", "Lesson l1", "", "", "", "", "3", "2"),
                List.of(MODULE, MODULE + "/lessons/l2", "Lesson l2", "", "", "", "", "2", "2"));
        XapiClient.Response accepted = SERVERS.on(database).research("researcher").with("Accept", "text/csv").get("/reports/pre-post");
        assertThat(accepted.text()).startsWith("module,name,pairs,pre_mean,post_mean");
    }

    /** The cells of a CSV text, read by a CSV parser (quoting is the writer's business). */
    static List<List<String>> rows(String csv) {
        try (var rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerFor(List.class).<List<String>>readValues(csv)) {
            return rows.readAll();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aTextThatASpreadsheetWouldRunIsWrittenAsText(String database) {
        TestLrs lrs = SERVERS.on(database);
        String module = "urn:pelita:module:formula";
        PilotStatements hostile = new PilotStatements(module, "1", "en", "L9", day(6)).initialized();
        hostile.statements().get(0).with("object").with("definition").with("name").put("en", "=HYPERLINK(\"http://evil\")");
        assertThat(lrs.admin().post("/statements", hostile.json()).status()).isEqualTo(200);

        XapiClient.Response csv = lrs.research("researcher").get("/reports/funnel?format=csv&module=" + module);

        assertThat(rows(csv.text()).get(1).get(2)).isEqualTo("'=HYPERLINK(\"http://evil\")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aVoidedStatementLeavesTheReports(String database) {
        TestLrs lrs = SERVERS.on(database);
        String module = "urn:pelita:module:voided";
        PilotStatements learner = new PilotStatements(module, "1", "en", "L8", day(7)).initialized().quiz("pre-test", "pre", "b");
        assertThat(lrs.admin().post("/statements", learner.json()).status()).isEqualTo(200);
        String completed = learner.statements().get(2).get("id").asText();
        assertThat(report(database, "/reports/quizzes?module=" + module).get("quizzes")).hasSize(1);

        String voiding = "{\"actor\":{\"mbox\":\"mailto:admin@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + completed + "\"}}";
        assertThat(lrs.admin().post("/statements", voiding).status()).isEqualTo(200);

        assertThat(report(database, "/reports/quizzes?module=" + module).get("quizzes")).isEmpty();
        assertThat(report(database, "/reports/funnel?module=" + module).get("modules").get(0).get("launched").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void badParametersAre400sThatNameTheParameter(String database) {
        XapiClient researcher = SERVERS.on(database).research("researcher");

        assertThat(researcher.get("/reports/funnel?cohort=x").text()).contains("unknown parameter cohort");
        assertThat(researcher.get("/reports/funnel?cohort=x").status()).isEqualTo(400);
        assertThat(researcher.get("/reports/funnel?since=yesterday").text()).contains("since must be a date");
        assertThat(researcher.get("/reports/funnel?registration=42").text()).contains("registration must be a UUID");
        assertThat(researcher.get("/reports/funnel?format=xlsx").status()).isEqualTo(400);
        assertThat(researcher.get("/reports/questions").text()).contains("parameter quiz is required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void reportsNeedCredentialsThatMayReadStatements(String database) {
        TestLrs lrs = SERVERS.on(database);

        XapiClient.Response anonymous = lrs.anonymous().get("/api/reports/funnel");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(lrs.research("writer").get("/reports/funnel").status()).isEqualTo(403);
        assertThat(lrs.research("nobody").get("/reports/funnel").status()).isEqualTo(401);
    }
}
