package org.pelita.packager.target.cmi5;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pelita.packager.Packager;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.testing.Browser;
import org.pelita.packager.testing.Cmi5Lms;
import org.pelita.packager.testing.InProcessLrs;
import org.pelita.packager.testing.Learner;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.TestServer;
import org.pelita.packager.testing.Zips;

/**
 * The cmi5 runtime in a real headless Chromium against the project's LRS in this JVM. The test plays the LMS as the cmi5
 * specification says ({@link Cmi5Lms}): a credential per session behind a one-time fetch URL, LMS.LaunchData with the
 * context template, the launched statement, then the AU's URL with the cmi5 query string.
 */
class Cmi5RuntimeBrowserTest {
    private static final String MODULE_IRI = "urn:pelita:module:feature-tour";
    private static final String PUBLISHER_ID = MODULE_IRI + "/units/module";
    private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
    private static final String CATEGORY = Cmi5Lms.CMI5 + "categories/cmi5";
    private static final String MOVE_ON = Cmi5Lms.CMI5 + "categories/moveon";
    private static final String MASTERY = Cmi5Lms.CMI5 + "extensions/masteryscore";
    private static final String DURATION = "PT(\\d+H)?(\\d+M)?\\d+(\\.\\d+)?S";

    @TempDir
    static Path work;
    private static TestServer server;
    private static InProcessLrs lrs;
    private static Cmi5Lms lms;
    private static ChromeDriver driver;

    @BeforeAll
    static void buildPackageStartLrsLmsAndBrowser() throws Exception {
        Path sample = Repository.sample("feature-tour");
        Packager.Result en = new Packager().build(sample, new Cmi5Target(),
                new BuildOptions(LanguageMode.ONE, Optional.of("en"), UnitLayout.SINGLE), work.resolve("out"));
        Packager.Result multi = new Packager().build(sample, new Cmi5Target(),
                new BuildOptions(LanguageMode.MULTILINGUAL, Optional.empty(), UnitLayout.SINGLE), work.resolve("out"));
        Packager.Result lessons = new Packager().build(sample, new Cmi5Target(),
                new BuildOptions(LanguageMode.ONE, Optional.of("en"), UnitLayout.PER_LESSON), work.resolve("lessons-out"));
        server = new TestServer()
                .mount("pkg", Zips.extract(en.packages().get(0), work.resolve("pkg")))
                .mount("multi", Zips.extract(multi.packages().get(0), work.resolve("multi")))
                .mount("lessons", Zips.extract(lessons.packages().get(0), work.resolve("lessons")));
        String origin = server.url("");
        origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        lrs = new InProcessLrs(origin);
        lms = new Cmi5Lms(lrs, origin);
        driver = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (lms != null) {
            lms.close();
        }
        if (lrs != null) {
            lrs.close();
        }
    }

    private static Cmi5Lms.Launch prepare(String learner, String mode, Double masteryScore) throws Exception {
        return lms.launch(server.url("/pkg/index.html"), PUBLISHER_ID, UUID.randomUUID().toString(),
                "https://lms.example.org/activities/" + UUID.randomUUID(), learner, mode, "CompletedAndPassed", masteryScore);
    }

    // ---- the learner's journeys -----------------------------------------------------------------

    @Test
    void aLearnerWhoPassesSendsInitializedCompletedPassedTerminatedAndReturnsToTheLms() throws Exception {
        Cmi5Lms.Launch launch = prepare("learner-1", "Normal", 0.7);
        Cmi5Learner learner = open(launch);
        learner.takeWholeModule(Answers.ALL_RIGHT);
        learner.awaitDelivered();
        assertThat(learner.failures()).isEmpty();
        learner.exitToLms();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(launch.returnUrl()));

        // launched, initialized, 4 pages, 9 answers, the pre-test completed, the post-test passed, the AU completed and
        // passed, terminated
        List<JsonNode> statements = awaitStatements(launch.registration(), 1 + 1 + 4 + 9 + 1 + 1 + 2 + 1);
        List<JsonNode> defined = cmi5Defined(statements);
        assertThat(defined).extracting(Cmi5RuntimeBrowserTest::verb).containsExactly("launched", "initialized", "completed",
                "passed", "terminated");
        List<JsonNode> fromAu = statements.stream().filter(s -> !verb(s).equals("launched")).toList();
        assertThat(fromAu).allSatisfy(s -> {
            assertThat(s.at("/context/registration").asText()).isEqualTo(launch.registration());
            assertThat(s.at("/context/extensions").get(Cmi5Lms.SESSION_ID).asText()).isEqualTo(launch.sessionId());
            assertThat(ids(s.at("/context/contextActivities/grouping"))).contains(PUBLISHER_ID);
            assertThat(s.at("/actor/account/name").asText()).isEqualTo("learner-1");
        });
        // initialized first and terminated last of everything the AU sent (cmi5 9.3).
        assertThat(verb(fromAu.get(0))).isEqualTo("initialized");
        assertThat(verb(fromAu.get(fromAu.size() - 1))).isEqualTo("terminated");
        for (JsonNode s : defined.subList(1, defined.size())) {
            assertThat(s.at("/object/id").asText()).isEqualTo(launch.activityId());
            boolean moveOn = List.of("completed", "passed").contains(verb(s));
            assertThat(ids(s.at("/context/contextActivities/category"))).as(verb(s))
                    .containsExactlyElementsOf(moveOn ? List.of(CATEGORY, MOVE_ON) : List.of(CATEGORY));
        }
        JsonNode initialized = defined.get(1);
        assertThat(initialized.has("result")).isFalse();
        JsonNode completed = defined.get(2);
        assertThat(completed.at("/result/completion").asBoolean()).isTrue();
        assertThat(completed.at("/result/success").isMissingNode()).isTrue();
        assertThat(completed.at("/result/duration").asText()).matches(DURATION);
        JsonNode passed = defined.get(3);
        assertThat(passed.at("/result/success").asBoolean()).isTrue();
        assertThat(passed.at("/result/completion").isMissingNode()).isTrue();
        assertThat(passed.at("/result/score/scaled").asDouble()).isEqualTo(1.0);
        assertThat(passed.at("/result/score/raw").asInt()).isEqualTo(100);
        assertThat(passed.at("/result/duration").asText()).matches(DURATION);
        assertThat(passed.at("/context/extensions").get(MASTERY).asDouble()).isEqualTo(0.7);
        JsonNode terminated = defined.get(4);
        assertThat(terminated.at("/result/duration").asText()).matches(DURATION);
        assertThat(terminated.at("/result").size()).isEqualTo(1);

        // The module's own statements are cmi5 allowed: the template, but not the cmi5 category; about the module's IRIs.
        List<JsonNode> allowed = fromAu.stream().filter(s -> !ids(s.at("/context/contextActivities/category")).contains(CATEGORY)).toList();
        assertThat(allowed).hasSize(4 + 9 + 1 + 1);
        assertThat(allowed).allSatisfy(s -> assertThat(s.at("/object/id").asText()).startsWith(MODULE_IRI + "/"));
        JsonNode page = allowed.stream().filter(s -> verb(s).equals("experienced")).findFirst().orElseThrow();
        assertThat(ids(page.at("/context/contextActivities/grouping"))).containsExactly(MODULE_IRI, PUBLISHER_ID);
        assertThat(allowed.stream().filter(s -> verb(s).equals("answered")).count()).isEqualTo(9);
    }

    @Test
    void aLearnerWhoFailsSendsFailedWithTheScoreAndNoCompleted() throws Exception {
        Cmi5Lms.Launch launch = prepare("learner-2", "Normal", 0.7);
        Cmi5Learner learner = open(launch);
        learner.takeWholeModule(Answers.ALL_WRONG);
        learner.awaitDelivered();
        learner.leave();
        List<JsonNode> defined = cmi5Defined(awaitDefined(launch.registration(), 4));
        assertThat(defined).extracting(Cmi5RuntimeBrowserTest::verb).containsExactly("launched", "initialized", "failed", "terminated");
        JsonNode failed = defined.get(2);
        assertThat(failed.at("/result/success").asBoolean()).isFalse();
        assertThat(failed.at("/result/score/scaled").asDouble()).isZero();
        assertThat(failed.at("/result/duration").asText()).matches(DURATION);
        assertThat(ids(failed.at("/context/contextActivities/category"))).containsExactly(CATEGORY, MOVE_ON);
    }

    @Test
    void theLmsMasteryScoreOverridesThePackagesAndOnlyOneJudgementIsSentPerSession() throws Exception {
        // 4 of 5 right is 80%: a pass for the package's 70%, a failure for the LMS's 0.9.
        Cmi5Lms.Launch launch = prepare("learner-3", "Normal", 0.9);
        Cmi5Learner learner = open(launch);
        learner.takeWholeModule(Answers.FOUR_OF_FIVE);
        learner.awaitDelivered();
        learner.leave();
        List<JsonNode> statements = awaitDefined(launch.registration(), 4);
        List<JsonNode> defined = cmi5Defined(statements);
        assertThat(defined).extracting(Cmi5RuntimeBrowserTest::verb).containsExactly("launched", "initialized", "failed", "terminated");
        JsonNode failed = defined.get(2);
        assertThat(failed.at("/result/score/scaled").asDouble()).isEqualTo(0.8);
        assertThat(failed.at("/result/score/raw").isIntegralNumber()).isTrue();
        assertThat(failed.at("/result/score/raw").asInt()).isEqualTo(80);
        assertThat(failed.at("/result/success").asBoolean()).isFalse();
        assertThat(failed.at("/context/extensions").get(MASTERY).asDouble()).isEqualTo(0.9);
        // The post-test's own (allowed) statement is judged against the same mastery score.
        assertThat(statements).filteredOn(s -> s.at("/object/id").asText().equals(MODULE_IRI + "/quizzes/post-test"))
                .extracting(Cmi5RuntimeBrowserTest::verb).containsExactly("failed");
    }

    @Test
    void inBrowseAndReviewModesOnlyInitializedAndTerminatedAreCmi5StatementsAndNothingCountsLater() throws Exception {
        for (String mode : List.of("Browse", "Review")) {
            Cmi5Lms.Launch launch = prepare("learner-4-" + mode, mode, 0.7);
            Cmi5Learner learner = open(launch);
            learner.takeWholeModule(Answers.ALL_RIGHT);
            learner.awaitDelivered();
            learner.leave();
            List<JsonNode> statements = awaitDefined(launch.registration(), 3);
            assertThat(cmi5Defined(statements)).extracting(Cmi5RuntimeBrowserTest::verb).as(mode)
                    .containsExactly("launched", "initialized", "terminated");
            assertThat(statements).filteredOn(s -> verb(s).equals("answered")).hasSize(9);

            // A Normal launch afterwards starts afresh: what was done while browsing is not a result.
            Cmi5Lms.Launch normal = lms.launch(server.url("/pkg/index.html"), PUBLISHER_ID, launch.registration(),
                    launch.activityId(), "learner-4-" + mode, "Normal", "CompletedAndPassed", 0.7);
            learner = open(normal);
            assertThat(learner.step()).isEqualTo("intro");
            learner.awaitDelivered();
            learner.leave();
            assertThat(cmi5Defined(awaitDefined(launch.registration(), 6))).extracting(Cmi5RuntimeBrowserTest::verb).as(mode)
                    .containsExactly("launched", "initialized", "terminated", "launched", "initialized", "terminated");
        }
    }

    @Test
    void whileTheLrsIsDownStatementsWaitAndArriveExactlyOnceWhenItIsBack() throws Exception {
        Cmi5Lms.Launch launch = prepare("learner-9", "Normal", 0.7);
        Cmi5Learner learner = open(launch);
        learner.awaitDelivered();
        lrs.stop();
        try {
            learner.takeWholeModule(Answers.ALL_RIGHT);
            assertThat(learner.pending()).isEqualTo(4 + 9 + 1 + 1 + 2);
            assertThat(learner.failures()).extracting(f -> f.get("kind")).containsExactly("network");
        } finally {
            lrs.restart();
        }
        ((JavascriptExecutor) driver).executeScript("window.dispatchEvent(new Event('online'))");
        learner.awaitDelivered();
        learner.leave();
        List<JsonNode> statements = awaitStatements(launch.registration(), 20);
        assertThat(statements).extracting(s -> s.get("id").asText()).doesNotHaveDuplicates();
        assertThat(cmi5Defined(statements)).extracting(Cmi5RuntimeBrowserTest::verb).containsExactly("launched", "initialized",
                "completed", "passed", "terminated");
    }

    @Test
    void perLessonThePostTestAuIsPassedAndAPreTestAuCompleted() throws Exception {
        String registration = UUID.randomUUID().toString();
        Cmi5Lms.Launch post = lms.launch(server.url("/lessons/post-test.html"), MODULE_IRI + "/units/post-test", registration,
                "https://lms.example.org/activities/" + UUID.randomUUID(), "learner-10", "Normal", "Passed", 0.7);
        Cmi5Learner learner = open(post);
        assertThat(learner.step()).isEqualTo("quiz:post-test");
        learner.answerPostTest(Answers.ALL_RIGHT);
        learner.submit("post-test");
        learner.awaitDelivered();
        learner.leave();
        Cmi5Lms.Launch pre = lms.launch(server.url("/lessons/index.html"), MODULE_IRI + "/units/pre-test", registration,
                "https://lms.example.org/activities/" + UUID.randomUUID(), "learner-10", "Normal", "Completed", null);
        learner = open(pre);
        learner.next();
        learner.choose("pre_test__reuse_password", "f");
        learner.choose("pre_test__second_factor", "b");
        learner.submit("pre-test");
        learner.next();
        learner.awaitDelivered();
        learner.leave();
        List<JsonNode> defined = cmi5Defined(awaitDefined(registration, 9));
        assertThat(defined).extracting(s -> verb(s) + " " + (s.at("/object/id").asText().equals(post.activityId()) ? "post" : "pre"))
                .containsExactly("launched post", "initialized post", "completed post", "passed post", "terminated post",
                        "launched pre", "initialized pre", "completed pre", "terminated pre");
        assertThat(ids(defined.get(3).at("/context/contextActivities/grouping"))).contains(MODULE_IRI + "/units/post-test");
    }

    @Test
    void aSecondCallToTheFetchUrlIsRefusedAndNothingIsSentWhileTheModuleWorks() throws Exception {
        Cmi5Lms.Launch launch = prepare("learner-5", "Normal", 0.7);
        Cmi5Learner learner = open(launch);
        learner.awaitReady();
        learner.next();
        learner.awaitDelivered();
        learner.leave();
        awaitDefined(launch.registration(), 3);
        assertThat(lms.fetchCalls(launch.sessionId())).isEqualTo(1);

        // The same launch URL in a new browser session (no token kept): the fetch URL answers error-code 1.
        driver.get(server.url("/pkg/index.html"));
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        Cmi5Learner again = open(launch);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !again.failures().isEmpty());
        assertThat(again.failures()).singleElement().satisfies(f -> {
            assertThat(f.get("kind")).isEqualTo("launch");
            assertThat((String) f.get("message")).contains("error-code 1");
        });
        assertThat(lms.fetchCalls(launch.sessionId())).isEqualTo(2);
        again.next();
        assertThat(again.step()).isEqualTo("quiz:pre-test");
        assertThat(again.pending()).isZero();
        Thread.sleep(300);
        assertThat(cmi5Defined(sorted(lrs.statements(launch.registration())))).extracting(Cmi5RuntimeBrowserTest::verb)
                .containsExactly("launched", "initialized", "terminated");
    }

    @Test
    void aReloadAfterTerminatedKeepsThePlaceAndSendsNothingMore() throws Exception {
        Cmi5Lms.Launch launch = prepare("learner-6", "Normal", 0.7);
        Cmi5Learner learner = open(launch);
        learner.takeWholeModule(Answers.ALL_RIGHT);
        learner.awaitDelivered();
        driver.navigate().refresh(); // pagehide: terminated; the reloaded page finds the session ended
        learner.awaitReady();
        assertThat(learner.step()).isEqualTo("summary");
        assertThat(learner.failures()).extracting(f -> f.get("kind")).containsExactly("launch");
        assertThat(lms.fetchCalls(launch.sessionId())).isEqualTo(1);
        List<JsonNode> defined = cmi5Defined(awaitDefined(launch.registration(), 5));
        assertThat(defined).extracting(Cmi5RuntimeBrowserTest::verb).containsExactly("launched", "initialized", "completed",
                "passed", "terminated");
    }

    @Test
    void aPageOpenedAgainInAnUnfinishedSessionReusesTheTokenAndSendsNoSecondInitialized() throws Exception {
        Cmi5Lms.Launch launch = prepare("learner-11", "Normal", 0.7);
        Cmi5Learner learner = open(launch);
        learner.awaitDelivered();
        // The page goes without its pagehide handling (as after a crash): the session is not terminated.
        ((JavascriptExecutor) driver).executeScript("window.PelitaTracking.finish = function () {}");
        learner.leave();
        learner = open(launch);
        learner.awaitDelivered();
        learner.leave();
        List<JsonNode> statements = awaitDefined(launch.registration(), 3);
        assertThat(lms.fetchCalls(launch.sessionId())).isEqualTo(1);
        assertThat(cmi5Defined(statements)).extracting(Cmi5RuntimeBrowserTest::verb)
                .containsExactly("launched", "initialized", "terminated");
        assertThat(statements.get(statements.size() - 1).at("/context/extensions").get(Cmi5Lms.SESSION_ID).asText())
                .isEqualTo(launch.sessionId());
    }

    @Test
    void aPassAfterAFailureInTheSameSessionIsSentInTheNextSessionOnce() throws Exception {
        // One of passed/failed per session (cmi5 9.3): the retake's pass completes the AU now and is told next session.
        Cmi5Lms.Launch first = prepare("learner-7", "Normal", 0.7);
        Cmi5Learner learner = open(first);
        learner.takeWholeModule(Answers.ALL_WRONG);
        learner.retakePostTest(Answers.ALL_RIGHT);
        learner.awaitDelivered();
        learner.leave();
        assertThat(cmi5Defined(awaitDefined(first.registration(), 5))).extracting(Cmi5RuntimeBrowserTest::verb)
                .containsExactly("launched", "initialized", "failed", "completed", "terminated");

        Cmi5Lms.Launch second = lms.launch(server.url("/pkg/index.html"), PUBLISHER_ID, first.registration(), first.activityId(),
                "learner-7", "Normal", "CompletedAndPassed", 0.7);
        learner = open(second);
        learner.awaitDelivered();
        learner.leave();
        List<JsonNode> defined = cmi5Defined(awaitDefined(first.registration(), 9));
        assertThat(defined).extracting(Cmi5RuntimeBrowserTest::verb).containsExactly("launched", "initialized", "failed",
                "completed", "terminated", "launched", "initialized", "passed", "terminated");
        assertThat(defined.get(7).at("/context/extensions").get(Cmi5Lms.SESSION_ID).asText()).isEqualTo(second.sessionId());
        assertThat(defined.get(7).at("/result/score/scaled").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theLearnersLanguagePreferenceChoosesThePackageLanguage() throws Exception {
        Cmi5Lms.Launch launch = lms.launch(server.url("/multi/index.html"), PUBLISHER_ID, UUID.randomUUID().toString(),
                "https://lms.example.org/activities/" + UUID.randomUUID(), "learner-8", "Normal", "CompletedAndPassed", 0.7);
        lms.languagePreference(launch.actor(), "fr-FR,id-ID,en");
        Cmi5Learner learner = open(launch);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "Mulai".equals(learner.text("#pelita-next")));
        learner.next();
        learner.awaitDelivered();
        List<JsonNode> statements = awaitDefined(launch.registration(), 2);
        assertThat(cmi5Defined(statements).get(1).at("/context/language").asText()).isEqualTo("en");
        assertThat(new Select(learner.find("#pelita-lang")).getFirstSelectedOption().getAttribute("value")).isEqualTo("id");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Cmi5Learner open(Cmi5Lms.Launch launch) {
        driver.get(launch.url());
        Cmi5Learner learner = new Cmi5Learner();
        learner.awaitReady();
        return learner;
    }

    private static String verb(JsonNode statement) {
        return statement.at("/verb/id").asText().substring(VERBS.length());
    }

    private static List<String> ids(JsonNode activities) {
        return StreamSupport.stream(activities.spliterator(), false).map(a -> a.get("id").asText()).toList();
    }

    /** The cmi5 defined statements (cmi5 category), in timestamp order. */
    private static List<JsonNode> cmi5Defined(List<JsonNode> statements) {
        return statements.stream().filter(s -> ids(s.at("/context/contextActivities/category")).contains(CATEGORY)).toList();
    }

    /** Every statement of the registration in timestamp order (the LRS gives them newest stored first). */
    private static List<JsonNode> sorted(List<JsonNode> statements) {
        List<JsonNode> stored = new java.util.ArrayList<>(statements);
        java.util.Collections.reverse(stored);
        return stored.stream().sorted(Comparator.comparing(s -> java.time.OffsetDateTime.parse(s.get("timestamp").asText()).toInstant()))
                .toList();
    }

    private static List<JsonNode> awaitStatements(String registration, int count) throws Exception {
        return sorted(lrs.awaitStatements(registration, count));
    }

    /** Until this many cmi5 defined statements are stored; then a moment more, so that an extra one would show. */
    private static List<JsonNode> awaitDefined(String registration, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (cmi5Defined(lrs.statements(registration)).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        return sorted(lrs.statements(registration));
    }

    private enum Answers { ALL_RIGHT, FOUR_OF_FIVE, ALL_WRONG }

    /** A {@link Learner} who also waits for the launch data, and answers and retakes the post-test three ways. */
    private final class Cmi5Learner extends Learner {
        Cmi5Learner() {
            super(Cmi5RuntimeBrowserTest.driver);
        }

        /** Until the launch data is in and every statement so far has been answered for by the LRS. */
        @Override
        public void awaitDelivered() {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !"".equals(js.executeScript(
                    "return window.PelitaTracking.launchMode()")) && pending() == 0);
        }

        /** Every step from the intro to the summary (the same journey as the SCORM and TinCan browser tests). */
        void takeWholeModule(Answers answers) {
            reachPostTest();
            answerPostTest(answers);
            submit("post-test");
            next();
            assertThat(step()).isEqualTo("summary");
        }

        void answerPostTest(Answers answers) {
            if (answers == Answers.ALL_WRONG) {
                choose("post_test__reuse_password", "t");
                match("post_test__factor_kinds", "1", "d");
                match("post_test__factor_kinds", "2", "a");
                match("post_test__factor_kinds", "3", "b");
                order("post_test__setup_order", List.of("d", "c", "b", "a"));
                choose("post_test__sms_codes", "a");
                choose("post_test__backup_codes_place", "t");
            } else {
                choose("post_test__reuse_password", "f");
                match("post_test__factor_kinds", "1", "a");
                match("post_test__factor_kinds", "2", "b");
                match("post_test__factor_kinds", "3", "c");
                order("post_test__setup_order", List.of("a", "b", "c", "d"));
                choose("post_test__sms_codes", answers == Answers.ALL_RIGHT ? "b" : "a");
                choose("post_test__backup_codes_place", "f");
            }
        }

        /** From the summary: back to the failed post-test, take it again, then to the summary. */
        void retakePostTest(Answers answers) {
            find("#pelita-prev").click();
            assertThat(step()).isEqualTo("quiz:post-test");
            click(find(".lang:not([hidden]) form[data-quiz=post-test] [data-action=retake]"));
            answerPostTest(answers);
            submit("post-test");
            next();
        }

        /** The link the adapter puts at the end of the module when the LMS gave a returnURL. */
        void exitToLms() {
            click(find(".lang:not([hidden]) [data-cmi5-return]"));
        }
    }
}
