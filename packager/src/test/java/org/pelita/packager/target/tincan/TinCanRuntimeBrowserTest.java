package org.pelita.packager.target.tincan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.packager.testing.Statements.one;
import static org.pelita.packager.testing.Statements.verbCounts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.pelita.packager.Packager;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.testing.Browser;
import org.pelita.packager.testing.FlakyProxy;
import org.pelita.packager.testing.InProcessLrs;
import org.pelita.packager.testing.Learner;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.TestServer;
import org.pelita.packager.testing.Zips;
import org.pelita.packager.testing.Statements;

/**
 * The TinCan runtime in a real headless Chromium against the project's LRS in this JVM: the package is served from
 * one 127.0.0.1 origin, the LRS listens on another and allows that origin (CORS), and the package is launched with
 * Rustici's query string. The package's key may only write statements about the module's activities.
 */
class TinCanRuntimeBrowserTest {
    private static final String MODULE_IRI = "urn:pelita:module:feature-tour";
    private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
    private static final String EXT = "urn:pelita:xapi:extension:";
    private static final String PACKAGE_KEY = "pkg-feature-tour";

    @TempDir
    static Path work;
    private static TestServer server;
    private static InProcessLrs lrs;
    private static ChromeDriver driver;

    @BeforeAll
    static void buildPackageStartLrsAndBrowser() throws Exception {
        Path sample = Repository.sample("feature-tour");
        Packager.Result en = new Packager().build(sample, new TinCanTarget(),
                new BuildOptions(LanguageMode.ONE, Optional.of("en"), UnitLayout.SINGLE), work.resolve("out"));
        Packager.Result multi = new Packager().build(sample, new TinCanTarget(),
                new BuildOptions(LanguageMode.MULTILINGUAL, Optional.empty(), UnitLayout.SINGLE), work.resolve("out"));
        server = new TestServer()
                .mount("pkg", Zips.extract(en.packages().get(0), work.resolve("pkg")))
                .mount("multi", Zips.extract(multi.packages().get(0), work.resolve("multi")));
        String origin = server.url("");
        lrs = new InProcessLrs(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
        lrs.credential(PACKAGE_KEY, "statements/write", MODULE_IRI);
        driver = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (lrs != null) {
            lrs.close();
        }
        if (server != null) {
            server.close();
        }
    }

    // ---- the learner's journeys -----------------------------------------------------------------

    @Test
    void aLearnerWhoTakesTheModuleIsRecordedStatementByStatementInTheLrs() throws Exception {
        String registration = UUID.randomUUID().toString();
        Learner learner = launch("/pkg/index.html", registration, "{\"objectType\":\"Agent\",\"name\":\"Learner One\","
                + "\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"learner-1\"}}", Map.of());
        learner.takeWholeModule(true);
        learner.awaitDelivered();
        assertThat(learner.failures()).isEmpty();
        learner.leave();

        List<JsonNode> statements = lrs.awaitStatements(registration, 19);
        assertThat(verbCounts(statements)).isEqualTo(Map.of("initialized", 1L, "experienced", 4L, "answered", 9L,
                "completed", 2L, "passed", 2L, "terminated", 1L));
        assertThat(statements).extracting(s -> s.get("id").asText()).doesNotHaveDuplicates();
        assertThat(statements).allSatisfy(s -> {
            assertThat(s.at("/context/registration").asText()).isEqualTo(registration);
            assertThat(s.at("/context/language").asText()).isEqualTo("en");
            assertThat(s.at("/context/platform").asText()).isEqualTo("Pelita");
            assertThat(s.at("/context/extensions").get(EXT + "module-version").asText()).isEqualTo("1.0.0");
            assertThat(s.at("/actor/account/name").asText()).isEqualTo("learner-1");
            assertThat(s.at("/object/id").asText()).startsWith(MODULE_IRI);
        });

        JsonNode matching = one(statements, "answered", Statements.questionIri(MODULE_IRI, "feature-tour", "post-test", "factor-kinds"));
        assertThat(matching.at("/object/definition/interactionType").asText()).isEqualTo("matching");
        assertThat(matching.at("/object/definition/correctResponsesPattern/0").asText()).isEqualTo("1[.]a[,]2[.]b[,]3[.]c");
        assertThat(matching.at("/object/definition/source/0/description/en").asText()).isNotBlank();
        assertThat(matching.at("/result/response").asText()).isEqualTo("1[.]a[,]2[.]b[,]3[.]c");
        assertThat(matching.at("/result/success").asBoolean()).isTrue();
        assertThat(matching.at("/result/score/scaled").asDouble()).isEqualTo(1.0);
        assertThat(matching.at("/result/duration").asText()).matches("PT(\\d+M)?\\d+(\\.\\d+)?S");
        assertThat(matching.at("/context/contextActivities/parent/0/id").asText()).isEqualTo(MODULE_IRI + "/quizzes/post-test");
        assertThat(matching.at("/context/contextActivities/grouping/0/id").asText()).isEqualTo(MODULE_IRI);
        assertThat(matching.at("/context/extensions").get(EXT + "quiz-kind").asText()).isEqualTo("post-test");

        JsonNode trueFalse = one(statements, "answered", Statements.questionIri(MODULE_IRI, "feature-tour", "pre-test", "reuse-password"));
        assertThat(trueFalse.at("/result/response").asText()).isEqualTo("false");
        assertThat(trueFalse.at("/object/definition/correctResponsesPattern/0").asText()).isEqualTo("false");
        assertThat(trueFalse.at("/context/extensions").get(EXT + "quiz-kind").asText()).isEqualTo("pre-test");
        JsonNode multiple = one(statements, "answered", Statements.questionIri(MODULE_IRI, "feature-tour", "passwords-check", "password-manager"));
        assertThat(multiple.at("/result/response").asText()).isEqualTo("a[,]b");
        assertThat(multiple.at("/object/definition/choices").size()).isGreaterThan(2);
        assertThat(multiple.at("/context/contextActivities/grouping/1/id").asText()).isEqualTo(MODULE_IRI + "/lessons/passwords");
        assertThat(multiple.at("/context/extensions").get(EXT + "quiz-kind").asText()).isEqualTo("check");
        assertThat(one(statements, "answered", Statements.questionIri(MODULE_IRI, "feature-tour", "post-test", "setup-order")).at("/result/response").asText())
                .isEqualTo("a[,]b[,]c[,]d");

        JsonNode preTest = one(statements, "completed", MODULE_IRI + "/quizzes/pre-test");
        assertThat(preTest.at("/result/score/raw").asInt()).isEqualTo(2);
        assertThat(preTest.at("/result/score/max").asInt()).isEqualTo(2);
        assertThat(preTest.at("/result/success").isMissingNode()).isTrue();
        JsonNode postTest = one(statements, "passed", MODULE_IRI + "/quizzes/post-test");
        assertThat(postTest.at("/result/score/scaled").asDouble()).isEqualTo(1.0);
        assertThat(postTest.at("/result/score/raw").asInt()).isEqualTo(5);
        assertThat(postTest.at("/result/success").asBoolean()).isTrue();
        JsonNode passed = one(statements, "passed", MODULE_IRI);
        assertThat(passed.at("/result/score/scaled").asDouble()).isEqualTo(1.0);
        assertThat(passed.at("/result/score/raw").asInt()).isEqualTo(100);
        assertThat(passed.at("/object/definition/type").asText()).isEqualTo("http://adlnet.gov/expapi/activities/course");
        assertThat(one(statements, "completed", MODULE_IRI).at("/result/completion").asBoolean()).isTrue();
        assertThat(one(statements, "terminated", MODULE_IRI).at("/result/duration").asText()).matches("PT(\\d+H)?(\\d+M)?\\d+(\\.\\d+)?S");
        JsonNode page = one(statements, "experienced", MODULE_IRI + "/pages/two-step/backup-codes");
        assertThat(page.at("/object/definition/name/en").asText()).isNotBlank();
        assertThat(page.at("/context/contextActivities/parent/0/id").asText()).isEqualTo(MODULE_IRI + "/lessons/two-step");
        // The lesson is never a statement's object: its name reaches the LRS (and the reports) from the context only.
        assertThat(page.at("/context/contextActivities/parent/0/definition/name/en").asText()).isEqualTo("Two-step verification");
        assertThat(page.at("/context/contextActivities/parent/0/definition/type").asText())
                .isEqualTo("http://adlnet.gov/expapi/activities/module");
    }

    @Test
    void aLearnerWhoFailsThePostTestIsRecordedFailedWithTheScore() throws Exception {
        String registration = UUID.randomUUID().toString();
        Learner learner = launch("/pkg/index.html", registration, actor("learner-2"), Map.of());
        learner.takeWholeModule(false);
        learner.awaitDelivered();
        List<JsonNode> statements = lrs.awaitStatements(registration, 17);
        assertThat(verbCounts(statements)).isEqualTo(Map.of("initialized", 1L, "experienced", 4L, "answered", 9L,
                "completed", 1L, "failed", 2L));
        JsonNode failed = one(statements, "failed", MODULE_IRI);
        assertThat(failed.at("/result/success").asBoolean()).isFalse();
        assertThat(failed.at("/result/score/raw").asInt()).isZero();
        assertThat(one(statements, "failed", MODULE_IRI + "/quizzes/post-test").at("/result/score/scaled").asDouble()).isZero();
    }

    @Test
    void offlineTheLearnerGoesOnAndAfterReopeningEveryStatementArrivesExactlyOnce() throws Exception {
        String registration = UUID.randomUUID().toString();
        // The actor in the TinCan 0.9 form of the launch document's example: values in arrays.
        String actor = "{\"name\":[\"Learner Three\"],\"mbox\":[\"mailto:learner3@example.org\"]}";
        Learner learner = launch("/pkg/index.html", registration, actor, Map.of());
        lrs.awaitStatements(registration, 1);
        // The LRS stores a statement before its answer reaches the page: stopping it in between would leave that
        // statement queued too (and sent again later), so the count below would depend on timing.
        learner.awaitDelivered();
        lrs.stop();
        try {
            learner.takeWholeModule(true);
            assertThat(learner.step()).isEqualTo("summary");
            assertThat(learner.text("[data-summary-status]")).isEqualTo("You have completed this module. You can now close it.");
            assertThat(learner.pending()).isEqualTo(17);
            assertThat(learner.failures()).extracting(f -> f.get("kind")).containsExactly("network");
            learner.leave(); // the tab is closed while the LRS is unreachable: terminated is queued too
            Thread.sleep(300); // the keepalive request sent on leaving fails before the LRS is back
        } finally {
            lrs.restart();
        }
        assertThat(lrs.statements(registration)).hasSize(1);

        learner = launch("/pkg/index.html", registration, actor, Map.of());
        assertThat(learner.step()).isEqualTo("summary");
        learner.awaitDelivered();
        List<JsonNode> statements = lrs.awaitStatements(registration, 20);
        Thread.sleep(500); // nothing more arrives later (a duplicate from a lost answer would)
        statements = lrs.statements(registration);
        assertThat(statements).as(verbCounts(statements).toString()).hasSize(20);
        assertThat(statements).extracting(s -> s.get("id").asText()).doesNotHaveDuplicates();
        assertThat(verbCounts(statements)).isEqualTo(Map.of("initialized", 2L, "experienced", 4L, "answered", 9L,
                "completed", 2L, "passed", 2L, "terminated", 1L));
        assertThat(statements).allSatisfy(s -> assertThat(s.at("/actor/mbox").asText()).isEqualTo("mailto:learner3@example.org"));
        assertThat(learner.failures()).isEmpty();
    }

    @Test
    void whileTheLrsAnswers503StatementsWaitAndAreSentAgainWithBackoffThenStoredOnce() throws Exception {
        try (FlakyProxy proxy = new FlakyProxy(lrs.base())) {
            proxy.failPosts(3);
            String registration = UUID.randomUUID().toString();
            long start = System.nanoTime();
            Learner learner = launch("/pkg/index.html", proxy.base() + "/xapi/", registration, actor("learner-9"), Map.of());
            learner.next();
            learner.choose("pre_test__reuse_password", "f");
            learner.choose("pre_test__second_factor", "b");
            learner.submit("pre-test");
            learner.awaitDelivered();
            // Retries after about 1, 2 and 4 seconds (each plus up to a quarter): 7 to 9 seconds for three 503s.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(7));
            assertThat(proxy.failed()).isEqualTo(3);
            List<JsonNode> statements = lrs.awaitStatements(registration, 4);
            assertThat(verbCounts(statements)).isEqualTo(Map.of("initialized", 1L, "answered", 2L, "completed", 1L));
            assertThat(statements).extracting(s -> s.get("id").asText()).doesNotHaveDuplicates();
            assertThat(learner.failures()).singleElement().satisfies(f -> {
                assertThat(f.get("kind")).isEqualTo("http");
                assertThat(f.get("status")).isEqualTo(503L);
            });
        }
    }

    @Test
    void aStatementTheLrsRefusesIsDroppedAloneAndTheRestOfItsBatchIsDelivered() throws Exception {
        String registration = UUID.randomUUID().toString();
        Learner learner = launch("/pkg/index.html", registration, actor("learner-4"), Map.of());
        learner.awaitDelivered();
        // Two statements wait in the queue: one the LRS must refuse (400: a verb id that is no IRI), one valid.
        String bad = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        enqueue(registration, "learner-4", statement(bad, "not an iri", registration), statement(good, VERBS + "experienced", registration));
        learner = launch("/pkg/index.html", registration, actor("learner-4"), Map.of());
        learner.awaitDelivered();
        List<JsonNode> statements = lrs.awaitStatements(registration, 4);
        assertThat(statements).extracting(s -> s.get("id").asText()).contains(good).doesNotContain(bad);
        assertThat(verbCounts(statements)).isEqualTo(Map.of("initialized", 2L, "experienced", 1L, "terminated", 1L));
        assertThat(learner.failures()).singleElement().satisfies(f -> {
            assertThat(f.get("kind")).isEqualTo("refused");
            assertThat(f.get("status")).isEqualTo(400L);
            assertThat(f.get("id")).isEqualTo(bad);
        });
    }

    @Test
    void aStatementSentAgainAfterItsAnswerWasLostIsStoredOnce() throws Exception {
        String registration = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        String statement = statement(id, VERBS + "experienced", registration);
        launch("/pkg/index.html", registration, actor("learner-7"), Map.of()).awaitDelivered();
        enqueue(registration, "learner-7", statement);
        launch("/pkg/index.html", registration, actor("learner-7"), Map.of()).awaitDelivered();
        // The LRS stored it, but as far as the browser knows the answer never came: it is still in the queue.
        enqueue(registration, "learner-7", statement);
        Learner learner = launch("/pkg/index.html", registration, actor("learner-7"), Map.of());
        learner.awaitDelivered();
        List<JsonNode> statements = lrs.awaitStatements(registration, 6);
        assertThat(statements).filteredOn(s -> s.get("id").asText().equals(id)).hasSize(1);
        assertThat(verbCounts(statements)).isEqualTo(Map.of("initialized", 3L, "experienced", 1L, "terminated", 2L));
        assertThat(learner.failures()).isEmpty();
    }

    @Test
    void whenStorageIsFullStatementsStillGoFromMemoryAndTheFailureIsRecorded() throws Exception {
        driver.get(server.url("/pkg/index.html"));
        ((JavascriptExecutor) driver).executeScript(
                "var chunk = new Array(1 << 20).join('x'), i = 0;"
                        + "try { for (;;) localStorage.setItem('fill-' + i++, chunk); } catch (e) {}"
                        + "chunk = new Array(1 << 10).join('x');"
                        + "try { for (;;) localStorage.setItem('fill-' + i++, chunk); } catch (e) {}");
        try {
            String registration = UUID.randomUUID().toString();
            Learner learner = launch("/pkg/index.html", registration, actor("learner-5"), Map.of());
            learner.next();
            learner.choose("pre_test__reuse_password", "f");
            learner.choose("pre_test__second_factor", "b");
            learner.submit("pre-test");
            learner.awaitDelivered();
            assertThat(verbCounts(lrs.awaitStatements(registration, 4))).isEqualTo(Map.of("initialized", 1L, "answered", 2L, "completed", 1L));
            assertThat(learner.failures()).extracting(f -> f.get("kind")).contains("storage");
            assertThat(severeConsoleMessages()).noneMatch(m -> m.contains("Uncaught"));
        } finally {
            ((JavascriptExecutor) driver).executeScript(
                    "Object.keys(localStorage).filter(function (k) { return k.indexOf('fill-') === 0; }).forEach(function (k) { localStorage.removeItem(k); })");
        }
    }

    @Test
    void theLanguageOfAMultilingualPackageFollowsTheLaunchAndTheLearnersChoice() throws Exception {
        String registration = UUID.randomUUID().toString();
        Learner learner = launch("/multi/index.html", registration, actor("learner-6"), Map.of("lang", "id"));
        assertThat(learner.text("#pelita-next")).isEqualTo("Mulai");
        learner.next();
        learner.choose("pre_test__reuse_password", "f");
        learner.choose("pre_test__second_factor", "b");
        learner.submit("pre-test");
        new Select(learner.find("#pelita-lang")).selectByValue("en");
        learner.next();
        learner.awaitDelivered();
        List<JsonNode> statements = lrs.awaitStatements(registration, 5);
        Map<String, List<String>> languages = statements.stream().collect(Collectors.groupingBy(
                s -> s.at("/verb/id").asText().substring(VERBS.length()), TreeMap::new,
                Collectors.mapping(s -> s.at("/context/language").asText(), Collectors.toList())));
        assertThat(languages).isEqualTo(Map.of("initialized", List.of("id"), "answered", List.of("id", "id"),
                "completed", List.of("id"), "experienced", List.of("en")));
        JsonNode choice = one(statements, "answered", Statements.questionIri(MODULE_IRI, "feature-tour", "pre-test", "second-factor"))
                .at("/object/definition/choices/0/description");
        assertThat(choice.get("en").asText()).isEqualTo("Your date of birth");
        assertThat(choice.get("id").asText()).isEqualTo("Tanggal lahir Anda");
    }

    @Test
    void anErrorInTrackingIsRecordedAndNeverReachesTheLearner() {
        Learner learner = launch("/pkg/index.html", UUID.randomUUID().toString(), actor("learner-8"), Map.of());
        ((JavascriptExecutor) driver).executeScript("window.PelitaTracking.answer({ id: 'no-such-question' })");
        assertThat(learner.failures()).extracting(f -> f.get("kind")).containsExactly("runtime");
        learner.next();
        assertThat(learner.step()).isEqualTo("quiz:pre-test");
    }

    @Test
    void withoutLaunchParametersTheContentWorksAndTracksNothing() {
        driver.manage().logs().get(LogType.BROWSER); // earlier tests' messages
        driver.get(server.url("/pkg/index.html"));
        Learner learner = new Learner(driver);
        learner.awaitReady();
        learner.next();
        assertThat(learner.step()).isEqualTo("quiz:pre-test");
        assertThat(severeConsoleMessages()).isEmpty();
        assertThat(learner.pending()).isZero();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** A statement about the module as JSON, as the runtime would have queued it. */
    private static String statement(String id, String verb, String registration) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lms.example.org\","
                + "\"name\":\"learner\"}},\"verb\":{\"id\":\"" + verb + "\"},\"object\":{\"objectType\":\"Activity\",\"id\":\""
                + MODULE_IRI + "\"},\"context\":{\"registration\":\"" + registration + "\"},\"timestamp\":\"2026-01-01T00:00:00.000Z\"}";
    }

    /**
     * Adds statements to the stored queue of a launch (endpoint, account name, registration) while no page of it runs:
     * from the package opened without launch parameters, which tracks nothing.
     */
    private static void enqueue(String registration, String accountName, String... statements) {
        driver.get(server.url("/pkg/index.html"));
        ((JavascriptExecutor) driver).executeScript(
                "var key = 'pelita-xapi:' + JSON.stringify([arguments[0], {homePage: 'https://lms.example.org', name: arguments[1]}, arguments[2]]);"
                        + "var queue = JSON.parse(localStorage.getItem(key) || '[]');"
                        + "arguments[3].forEach(function (s) { queue.push(JSON.parse(s)); });"
                        + "localStorage.setItem(key, JSON.stringify(queue));",
                lrs.endpoint(), accountName, registration, List.of(statements));
    }

    private static String actor(String name) {
        return "{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"" + name + "\"}}";
    }

    private Learner launch(String path, String registration, String actor, Map<String, String> extra) {
        return launch(path, lrs.endpoint(), registration, actor, extra);
    }

    private Learner launch(String path, String endpoint, String registration, String actor, Map<String, String> extra) {
        StringBuilder url = new StringBuilder(server.url(path)).append("?endpoint=").append(encode(endpoint))
                .append("&auth=").append(encode(InProcessLrs.basicAuth(PACKAGE_KEY)))
                .append("&actor=").append(encode(actor))
                .append("&registration=").append(encode(registration))
                .append("&activity_id=").append(encode(MODULE_IRI));
        extra.forEach((k, v) -> url.append('&').append(encode(k)).append('=').append(encode(v)));
        driver.get(url.toString());
        Learner learner = new Learner(driver);
        learner.awaitReady();
        return learner;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<String> severeConsoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }
}
