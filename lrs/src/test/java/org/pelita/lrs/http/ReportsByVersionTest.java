package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pelita.lrs.http.ReportsResourceTest.rows;
import static org.pelita.lrs.testing.PilotStatements.day;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The reports broken down by module version (by=version, docs/reports.md) over a pilot of two versions of one module,
 * every figure worked out by hand in the comments. Between 1.0.0 and 1.1.0, question q1 of the pre-test kept its
 * revision, q2 was reworded (a new revision), q3 was dropped and q4 is new.
 */
class ReportsByVersionTest {
    static final String MODULE = "urn:pelita:module:versions";
    static final String LEGACY = "urn:pelita:module:legacy";
    private static final String PRE = MODULE + "/quizzes/pre";
    private static final String QUESTIONS = MODULE + "/questions/pre/";
    private static final StatementServers SERVERS = new StatementServers(java.util.Map.of(), ReportsByVersionTest::pilot);

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    /**
     * Version 1.0.0, questions q1/0123456789ab, q2/aaaaaaaaaaaa, q3/cccccccccccc (the right choice is b):
     * A1 (en): lesson 1 pages 1-2; pre-test a b c (1/3); post-test b b b (3/3) passed; module passed; 10 minutes.
     * A2 (en): lesson 1 page 1; pre-test b a a (1/3); post-test b b a (2/3) failed; module failed; 20 minutes.
     * Version 1.1.0, questions q1/0123456789ab, q2/bbbbbbbbbbbb, q4/dddddddddddd:
     * B1 (id): lesson 1 pages 1-2; pre-test b b a (2/3); post-test b b b passed; module passed; 30 minutes.
     * B2 (id): lesson 1 pages 1-2; pre-test a b b (2/3); post-test b b b passed; module passed; 40 minutes.
     * B3 (id): launched only.
     * A second module, LEGACY, whose 0.9.0 was built before revisions: its question ids q1 and abcdef012345 (an id that
     * looks like a revision) have none there, and the revision 0123456789ab in 1.0.0.
     */
    static void pilot(TestLrs lrs) {
        lrs.credential("researcher", "statements/read");
        String[] v100 = {"q1/0123456789ab", "q2/aaaaaaaaaaaa", "q3/cccccccccccc"};
        String[] v110 = {"q1/0123456789ab", "q2/bbbbbbbbbbbb", "q4/dddddddddddd"};
        List<PilotStatements> learners = new ArrayList<>();
        learners.add(new PilotStatements(MODULE, "1.0.0", "en", "A1", day(2)).questions(v100).initialized().experienced("l1", "p1")
                .experienced("l1", "p2").quiz("pre-test", "pre", "a", "b", "c").quiz("post-test", "post", "b", "b", "b")
                .moduleResult(true, 100).terminated(Duration.ofMinutes(10)));
        learners.add(new PilotStatements(MODULE, "1.0.0", "en", "A2", day(3)).questions(v100).initialized().experienced("l1", "p1")
                .quiz("pre-test", "pre", "b", "a", "a").quiz("post-test", "post", "b", "b", "a").moduleResult(false, 67)
                .terminated(Duration.ofMinutes(20)));
        learners.add(new PilotStatements(MODULE, "1.1.0", "id", "B1", day(4)).questions(v110).initialized().experienced("l1", "p1")
                .experienced("l1", "p2").quiz("pre-test", "pre", "b", "b", "a").quiz("post-test", "post", "b", "b", "b")
                .moduleResult(true, 100).terminated(Duration.ofMinutes(30)));
        learners.add(new PilotStatements(MODULE, "1.1.0", "id", "B2", day(5)).questions(v110).initialized().experienced("l1", "p1")
                .experienced("l1", "p2").quiz("pre-test", "pre", "a", "b", "b").quiz("post-test", "post", "b", "b", "b")
                .moduleResult(true, 100).terminated(Duration.ofMinutes(40)));
        learners.add(new PilotStatements(MODULE, "1.1.0", "id", "B3", day(6)).initialized());
        learners.add(new PilotStatements(LEGACY, "0.9.0", "en", "C1", day(2)).questions("q1", "abcdef012345").initialized()
                .quiz("pre-test", "pre", "b", "b"));
        learners.add(new PilotStatements(LEGACY, "1.0.0", "en", "C2", day(3))
                .questions("q1/0123456789ab", "abcdef012345/0123456789ab").initialized().quiz("pre-test", "pre", "b", "a"));
        PilotStatements.postAll(lrs, learners);
    }

    private static JsonNode report(String database, String path) {
        XapiClient.Response response = SERVERS.on(database).research("researcher").get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void theFunnelGivesARowPerModuleVersion(String database) {
        JsonNode modules = report(database, "/reports/funnel?by=version&module=" + MODULE).get("modules");

        assertThat(modules).hasSize(2);
        JsonNode first = modules.get(0);
        assertThat(first.get("id").asText()).isEqualTo(MODULE);
        assertThat(first.get("version").asText()).isEqualTo("1.0.0");
        assertThat(first.get("launched").asInt()).isEqualTo(2); // A1, A2
        assertThat(first.get("completed").asInt()).isEqualTo(1); // A1
        assertThat(first.get("passed").asInt()).isEqualTo(1);
        assertThat(first.get("failed").asInt()).isEqualTo(1); // A2
        assertThat(first.get("lessons").get(0).get("started").asInt()).isEqualTo(2);
        assertThat(first.get("lessons").get(0).get("finished").asInt()).isEqualTo(1); // A2 saw one of the two pages
        JsonNode second = modules.get(1);
        assertThat(second.get("version").asText()).isEqualTo("1.1.0");
        assertThat(second.get("launched").asInt()).isEqualTo(3); // B1, B2, B3
        assertThat(second.get("completed").asInt()).isEqualTo(2);
        assertThat(second.get("passed").asInt()).isEqualTo(2);
        assertThat(second.get("failed").asInt()).isZero();
        assertThat(second.get("lessons").get(0).get("finished").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void withoutByAReportIsAsBeforeOneRowPerModuleAndNoVersionField(String database) {
        JsonNode modules = report(database, "/reports/funnel?module=" + MODULE).get("modules");

        assertThat(modules).hasSize(1);
        assertThat(modules.get(0).has("version")).isFalse();
        assertThat(modules.get(0).get("launched").asInt()).isEqualTo(5);
        assertThat(modules.get(0).get("lessons").get(0).get("started").asInt()).isEqualTo(4);
        assertThat(modules.get(0).get("lessons").get(0).get("finished").asInt()).isEqualTo(3); // all but A2
        assertThat(report(database, "/reports/funnel?by=none&module=" + MODULE)).isEqualTo(report(database, "/reports/funnel?module=" + MODULE));
        assertThat(report(database, "/reports/questions?quiz=" + PRE).get("questions")).extracting(q -> q.get("id").asText())
                .containsExactly(QUESTIONS + "q1/0123456789ab", QUESTIONS + "q2/aaaaaaaaaaaa", QUESTIONS + "q2/bbbbbbbbbbbb",
                        QUESTIONS + "q3/cccccccccccc", QUESTIONS + "q4/dddddddddddd");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void modulesQuizzesPrePostAndTimeOnTaskArePerVersion(String database) {
        JsonNode modules = report(database, "/reports/modules?by=version&module=" + MODULE).get("modules");
        assertThat(modules).extracting(m -> m.get("version").asText()).containsExactly("1.0.0", "1.1.0");
        assertThat(modules).extracting(m -> m.get("learners").asInt()).containsExactly(2, 3);
        assertThat(modules.get(1).get("languages")).extracting(JsonNode::asText).containsExactly("id");

        // Each quiz per version, quizzes then versions in order: post 1.0.0, post 1.1.0, pre 1.0.0, pre 1.1.0.
        JsonNode quizzes = report(database, "/reports/quizzes?by=version&module=" + MODULE).get("quizzes");
        assertThat(quizzes).extracting(q -> q.get("id").asText() + " " + q.get("version").asText()).containsExactly(
                MODULE + "/quizzes/post 1.0.0", MODULE + "/quizzes/post 1.1.0", PRE + " 1.0.0", PRE + " 1.1.0");
        assertThat(quizzes.get(0).get("mean").asDouble()).isCloseTo(5.0 / 6, within(1e-9)); // A1 1, A2 2/3
        assertThat(quizzes.get(1).get("mean").asDouble()).isCloseTo(1, within(1e-9)); // B1 1, B2 1
        assertThat(quizzes.get(2).get("mean").asDouble()).isCloseTo(1.0 / 3, within(1e-9)); // A1 1/3, A2 1/3
        assertThat(quizzes.get(3).get("mean").asDouble()).isCloseTo(2.0 / 3, within(1e-9)); // B1 2/3, B2 2/3

        JsonNode prePost = report(database, "/reports/pre-post?by=version&module=" + MODULE).get("modules");
        // 1.0.0: A1 1/3 → 1, A2 1/3 → 2/3; gain (5/6 − 1/3) / (1 − 1/3) = 3/4; own gains 1 and 1/2.
        assertThat(prePost.get(0).get("version").asText()).isEqualTo("1.0.0");
        assertThat(prePost.get(0).get("pairs").asInt()).isEqualTo(2);
        assertThat(prePost.get(0).get("normalisedGain").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(prePost.get(0).get("meanNormalisedGain").asDouble()).isCloseTo(0.75, within(1e-9));
        // 1.1.0: B1 2/3 → 1, B2 2/3 → 1; gain 1.
        assertThat(prePost.get(1).get("version").asText()).isEqualTo("1.1.0");
        assertThat(prePost.get(1).get("meanGain").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(prePost.get(1).get("normalisedGain").asDouble()).isCloseTo(1, within(1e-9));

        JsonNode time = report(database, "/reports/time-on-task?by=version&module=" + MODULE).get("modules");
        // 1.0.0: visits of 10 and 20 minutes; 1.1.0: 30 and 40.
        assertThat(time).extracting(m -> m.get("version").asText()).containsExactly("1.0.0", "1.1.0");
        assertThat(time.get(0).get("perSessionMinutes").get("median").asDouble()).isCloseTo(15, within(1e-9));
        assertThat(time.get(1).get("perSessionMinutes").get("median").asDouble()).isCloseTo(35, within(1e-9));
        assertThat(time.get(1).get("learners").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void theItemAnalysisGroupsEachQuestionAcrossVersionsAndFlagsChangedRevisions(String database) {
        JsonNode report = report(database, "/reports/questions?by=version&quiz=" + PRE);

        assertThat(report.get("quiz").asText()).isEqualTo(PRE);
        assertThat(report.get("versions")).extracting(v -> v.get("version").asText() + " " + v.get("learners").asInt())
                .containsExactly("1.0.0 2", "1.1.0 2");
        JsonNode questions = report.get("questions");
        assertThat(questions).extracting(q -> q.get("questionId").asText())
                .containsExactly(QUESTIONS + "q1", QUESTIONS + "q2", QUESTIONS + "q3", QUESTIONS + "q4");

        // q1, the same revision in both: its answers compare. 1.0.0: A1 a (wrong, total 1), A2 b (right, total 1): item
        // [0, 1] against the rest [1, 0], r = −1. 1.1.0: B1 b (right, total 2), B2 a (wrong, total 2).
        JsonNode q1 = questions.get(0);
        assertThat(q1.get("revisionChanged").asBoolean()).isFalse();
        assertThat(q1.get("added").asBoolean()).isFalse();
        assertThat(q1.get("removed").asBoolean()).isFalse();
        assertThat(q1.get("versions")).extracting(v -> v.get("version").asText() + " " + v.get("revision").asText())
                .containsExactly("1.0.0 0123456789ab", "1.1.0 0123456789ab");
        JsonNode q1v1 = q1.get("versions").get(0);
        assertThat(q1v1.get("id").asText()).isEqualTo(QUESTIONS + "q1/0123456789ab");
        assertThat(q1v1.get("name").get("en").asText()).isEqualTo("Question q1");
        assertThat(q1v1.get("answers").asInt()).isEqualTo(2);
        assertThat(q1v1.get("difficulty").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(q1v1.get("discrimination").asDouble()).isCloseTo(-1, within(1e-9));
        assertThat(q1v1.get("responses")).hasSize(2);

        // q2, reworded: flagged, with its revision in each version. 1.0.0: A1 right, A2 wrong; 1.1.0: both right.
        JsonNode q2 = questions.get(1);
        assertThat(q2.get("revisionChanged").asBoolean()).isTrue();
        assertThat(q2.get("added").asBoolean()).isFalse();
        assertThat(q2.get("removed").asBoolean()).isFalse();
        assertThat(q2.get("versions")).extracting(v -> v.get("version").asText() + " " + v.get("revision").asText())
                .containsExactly("1.0.0 aaaaaaaaaaaa", "1.1.0 bbbbbbbbbbbb");
        assertThat(q2.get("versions").get(0).get("difficulty").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(q2.get("versions").get(1).get("difficulty").asDouble()).isCloseTo(1, within(1e-9));
        assertThat(q2.get("versions").get(1).get("discrimination").isNull()).isTrue(); // everyone right

        // q3 only in 1.0.0 (both wrong), q4 only in 1.1.0 (B2 right).
        JsonNode q3 = questions.get(2);
        assertThat(q3.get("removed").asBoolean()).isTrue();
        assertThat(q3.get("added").asBoolean()).isFalse();
        assertThat(q3.get("revisionChanged").asBoolean()).isFalse();
        assertThat(q3.get("versions")).extracting(v -> v.get("version").asText()).containsExactly("1.0.0");
        assertThat(q3.get("versions").get(0).get("difficulty").asDouble()).isZero();
        JsonNode q4 = questions.get(3);
        assertThat(q4.get("added").asBoolean()).isTrue();
        assertThat(q4.get("removed").asBoolean()).isFalse();
        assertThat(q4.get("versions")).extracting(v -> v.get("version").asText()).containsExactly("1.1.0");
        assertThat(q4.get("versions").get(0).get("difficulty").asDouble()).isCloseTo(0.5, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void withTheVersionFilterOnlyThatVersionIsComparedAndNothingIsFlagged(String database) {
        JsonNode questions = report(database, "/reports/questions?by=version&version=1.1.0&quiz=" + PRE).get("questions");

        assertThat(questions).extracting(q -> q.get("questionId").asText())
                .containsExactly(QUESTIONS + "q1", QUESTIONS + "q2", QUESTIONS + "q4");
        assertThat(questions).allSatisfy(q -> {
            assertThat(q.get("revisionChanged").asBoolean()).isFalse();
            assertThat(q.get("added").asBoolean()).isFalse();
            assertThat(q.get("removed").asBoolean()).isFalse();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aQuestionIriWithoutARevisionIsOfAPackageBuiltBeforeRevisionsAndDiffersFromEveryRevision(String database) {
        JsonNode questions = report(database, "/reports/questions?by=version&quiz=" + LEGACY + "/quizzes/pre").get("questions");

        // "abcdef012345" is a question id in 0.9.0 (its IRI has no third segment), not a revision of a question "pre".
        assertThat(questions).extracting(q -> q.get("questionId").asText())
                .containsExactly(LEGACY + "/questions/pre/abcdef012345", LEGACY + "/questions/pre/q1");
        JsonNode hexLooking = questions.get(0);
        assertThat(hexLooking.get("revisionChanged").asBoolean()).isTrue(); // none in 0.9.0, 0123456789ab in 1.0.0
        assertThat(hexLooking.get("versions").get(0).get("version").asText()).isEqualTo("0.9.0");
        assertThat(hexLooking.get("versions").get(0).get("revision").isNull()).isTrue();
        assertThat(hexLooking.get("versions").get(0).get("id").asText()).isEqualTo(LEGACY + "/questions/pre/abcdef012345");
        assertThat(hexLooking.get("versions").get(1).get("revision").asText()).isEqualTo("0123456789ab");
        assertThat(questions.get(1).get("revisionChanged").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void byVersionCsvHasAVersionColumn(String database) {
        XapiClient researcher = SERVERS.on(database).research("researcher");

        XapiClient.Response funnel = researcher.get("/reports/funnel?format=csv&by=version&module=" + MODULE);
        assertThat(rows(funnel.text())).containsExactly(
                List.of("module", "version", "lesson", "name", "launched", "completed", "passed", "failed", "started", "finished"),
                List.of(MODULE, "1.0.0", "", "Cyber resilience", "2", "1", "1", "1", "", ""),
                List.of(MODULE, "1.0.0", MODULE + "/lessons/l1", "Lesson l1", "", "", "", "", "2", "1"),
                List.of(MODULE, "1.1.0", "", "Cyber resilience", "3", "2", "2", "0", "", ""),
                List.of(MODULE, "1.1.0", MODULE + "/lessons/l1", "Lesson l1", "", "", "", "", "2", "2"));

        List<List<String>> questions = rows(researcher.get("/reports/questions?format=csv&by=version&quiz=" + PRE).text());
        assertThat(questions.get(0)).containsExactly("quiz", "version", "question_id", "revision", "revision_changed", "added",
                "removed", "question", "name", "type", "answers", "difficulty", "discrimination", "upper_lower", "response", "label",
                "count", "correct");
        // q1 in 1.0.0, then its responses a (A1) and b (A2), most frequent first.
        assertThat(questions.get(1).subList(0, 11)).containsExactly(PRE, "1.0.0", QUESTIONS + "q1", "0123456789ab", "false", "false",
                "false", QUESTIONS + "q1/0123456789ab", "Question q1", "choice", "2");
        assertThat(questions).filteredOn(row -> row.get(2).equals(QUESTIONS + "q2") && !row.get(10).isEmpty())
                .extracting(row -> row.get(1) + " " + row.get(3) + " " + row.get(4))
                .containsExactly("1.0.0 aaaaaaaaaaaa true", "1.1.0 bbbbbbbbbbbb true");
        assertThat(questions).filteredOn(row -> row.get(2).equals(QUESTIONS + "q4")).allSatisfy(row -> {
            assertThat(row.get(1)).isEqualTo("1.1.0");
            assertThat(row.get(5)).isEqualTo("true");
        });

        List<List<String>> quizzes = rows(researcher.get("/reports/quizzes?format=csv&by=version&module=" + MODULE).text());
        assertThat(quizzes.get(0).subList(0, 5)).containsExactly("quiz", "module", "version", "kind", "name");
        assertThat(quizzes.get(1).subList(0, 4)).containsExactly(MODULE + "/quizzes/post", MODULE, "1.0.0", "post-test");
        assertThat(rows(researcher.get("/reports/pre-post?format=csv&by=version&module=" + MODULE).text()).get(0).subList(0, 3))
                .containsExactly("module", "version", "name");
        assertThat(rows(researcher.get("/reports/time-on-task?format=csv&by=version&module=" + MODULE).text()).get(2).subList(0, 2))
                .containsExactly(MODULE, "1.1.0");
        assertThat(rows(researcher.get("/reports/funnel?format=csv&module=" + MODULE).text()).get(0)).doesNotContain("version");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anUnknownByIsA400ThatNamesTheParameterAndItsValues(String database) {
        XapiClient researcher = SERVERS.on(database).research("researcher");

        for (String report : List.of("modules", "funnel", "quizzes", "questions?quiz=" + PRE + "&", "pre-post", "time-on-task")) {
            String path = "/reports/" + (report.endsWith("&") ? report : report + "?") + "by=language";
            XapiClient.Response response = researcher.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.text()).contains("by must be version or none, not language");
        }
        assertThat(researcher.get("/reports/funnel?by=version&by=none").status()).isEqualTo(400);
    }
}
