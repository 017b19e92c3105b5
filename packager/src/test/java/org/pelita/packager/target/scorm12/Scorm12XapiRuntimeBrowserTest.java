package org.pelita.packager.target.scorm12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.packager.testing.Statements.one;
import static org.pelita.packager.testing.Statements.verbCounts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pelita.packager.Packager;
import org.pelita.packager.content.LrsConnection;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.testing.Browser;
import org.pelita.packager.testing.InProcessLrs;
import org.pelita.packager.testing.Learner;
import org.pelita.packager.testing.ScormTestLms;
import org.pelita.packager.testing.Pseudonyms;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.TestServer;
import org.pelita.packager.testing.Zips;
import org.pelita.packager.testing.Statements;

/**
 * A SCORM 1.2 package built with an LRS (--lrs-endpoint) in a real Chromium: the strict test LMS
 * (src/test/resources/scorm12-lms) gets its cmi values as a plain SCORM package gives them, and the project's LRS,
 * started in this JVM with CORS for the LMS's origin and a write-only key restricted to the module's IRI, gets the
 * xAPI statements under a pseudonymous account that the test computes on its own (HMAC-SHA-256, docs/xapi-profile.md).
 */
class Scorm12XapiRuntimeBrowserTest {
    private static final String MODULE_IRI = "urn:pelita:module:feature-tour";
    private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
    private static final String PACKAGE_KEY = "pkg-feature-tour";
    private static final String PSEUDONYM_KEY = "test-pseudonym-key-0123456789";
    private static final Pseudonyms PSEUDONYMS = new Pseudonyms(PSEUDONYM_KEY);

    @TempDir
    static Path work;
    private static TestServer server;
    private static InProcessLrs lrs;
    private static ChromeDriver driver;
    private static String origin;
    private final ScormTestLms lms = new ScormTestLms(driver);

    @BeforeAll
    static void startLrsBuildPackageAndBrowser() throws Exception {
        server = new TestServer().mount("lms", lmsDirectory());
        origin = server.url("").replaceAll("/$", "");
        lrs = new InProcessLrs(origin);
        lrs.credential(PACKAGE_KEY, "statements/write", MODULE_IRI);
        LrsConnection connection = LrsConnection.of(lrs.endpoint(), PACKAGE_KEY + ":" + PACKAGE_KEY + "-secret", PSEUDONYM_KEY);
        Packager.Result en = new Packager().build(Repository.sample("feature-tour"), new Scorm12Target(),
                new BuildOptions(LanguageMode.ONE, Optional.of("en"), UnitLayout.SINGLE, Optional.empty(), Optional.of(connection)),
                work.resolve("out"));
        server.mount("pkg", Zips.extract(en.packages().get(0), work.resolve("pkg")));
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

    private static Path lmsDirectory() throws URISyntaxException {
        return Path.of(Scorm12XapiRuntimeBrowserTest.class.getResource("/scorm12-lms/lms.html").toURI()).getParent();
    }

    // ---- the pseudonyms, computed here independently of the runtime ------------------------------

    static String accountName(String studentId) throws Exception {
        return PSEUDONYMS.accountName("scorm12", origin, studentId);
    }

    static String registration(String studentId) throws Exception {
        return PSEUDONYMS.registration(accountName(studentId), MODULE_IRI, "1.0.0");
    }

    // ---- the learner's journeys -----------------------------------------------------------------

    @Test
    void theLmsGetsItsCmiValuesAndTheLrsTheStatementsUnderAPseudonymousAccount() throws Exception {
        ScormLearner learner = launch("learner-1");
        learner.takeWholeModule(true);
        learner.awaitDelivered();
        assertThat(learner.failures()).isEmpty();
        learner.leave();

        Map<String, Object> store = lms.store();
        assertThat(store.get("cmi.core.lesson_status")).isEqualTo("passed");
        assertThat(store.get("cmi.core.score.raw")).isEqualTo("100");
        assertThat(store.get("cmi.core.exit")).isEqualTo("");
        assertThat(lms.errors()).isEmpty();
        assertThat(lms.interactions()).hasSize(9).extracting(i -> i.get("result")).containsOnly("correct");

        String registration = registration("learner-1");
        List<JsonNode> statements = lrs.awaitStatements(registration, 19);
        assertThat(verbCounts(statements)).isEqualTo(Map.of("initialized", 1L, "experienced", 4L, "answered", 9L,
                "completed", 2L, "passed", 2L, "terminated", 1L));
        assertThat(statements).extracting(s -> s.get("id").asText()).doesNotHaveDuplicates();
        String name = accountName("learner-1");
        assertThat(name).hasSize(64).doesNotContain("learner");
        assertThat(statements).allSatisfy(s -> {
            assertThat(s.get("actor").toString()).doesNotContain("learner-1");
            assertThat(s.at("/actor/account/homePage").asText()).isEqualTo(origin);
            assertThat(s.at("/actor/account/name").asText()).isEqualTo(name);
            assertThat(s.at("/actor/name").isMissingNode()).isTrue();
            assertThat(s.at("/context/registration").asText()).isEqualTo(registration);
            assertThat(s.at("/context/language").asText()).isEqualTo("en");
            assertThat(s.at("/object/id").asText()).startsWith(MODULE_IRI);
        });
        JsonNode passed = one(statements, "passed", MODULE_IRI);
        assertThat(passed.at("/result/score/raw").asInt()).isEqualTo(100);
        assertThat(passed.at("/result/score/scaled").asDouble()).isEqualTo(1.0);
        JsonNode postTest = one(statements, "passed", MODULE_IRI + "/quizzes/post-test");
        assertThat(postTest.at("/result/score/raw").asInt()).isEqualTo(5);
        assertThat(postTest.at("/result/score/max").asInt()).isEqualTo(5);
        JsonNode preTest = one(statements, "completed", MODULE_IRI + "/quizzes/pre-test");
        assertThat(preTest.at("/result/score/raw").asInt()).isEqualTo(2);
        assertThat(one(statements, "answered", Statements.questionIri(MODULE_IRI, "feature-tour", "post-test", "factor-kinds")).at("/result/response").asText())
                .isEqualTo("1[.]a[,]2[.]b[,]3[.]c");
    }

    @Test
    void theSameStudentGetsTheSameActorAndRegistrationOnAnotherLaunchAndAnotherStudentOthers() throws Exception {
        ScormLearner first = launch("learner-2");
        Map<String, Object> one = first.pseudonym();
        first.next();
        first.leave();
        ScormLearner again = relaunch();
        Map<String, Object> two = again.pseudonym();
        assertThat(two).isEqualTo(one);
        again.awaitDelivered();
        again.leave();
        ScormLearner other = launch("learner-3");
        Map<String, Object> three = other.pseudonym();
        other.awaitDelivered();
        other.leave();

        assertThat(account(one)).isEqualTo(accountName("learner-2"));
        assertThat(account(three)).isEqualTo(accountName("learner-3")).isNotEqualTo(account(one));
        assertThat(three.get("registration")).isEqualTo(registration("learner-3")).isNotEqualTo(one.get("registration"));
        // Two launches of learner-2 in one registration: initialized and terminated each time.
        List<JsonNode> statements = lrs.awaitStatements(registration("learner-2"), 4);
        assertThat(verbCounts(statements)).isEqualTo(Map.of("initialized", 2L, "terminated", 2L));
        assertThat(statements).extracting(s -> s.at("/actor/account/name").asText()).containsOnly(accountName("learner-2"));
        assertThat(lrs.awaitStatements(registration("learner-3"), 2)).extracting(s -> s.at("/actor/account/name").asText())
                .containsOnly(accountName("learner-3"));
    }

    @Test
    void anLrsThatIsDownAtFirstReceivesEverythingLaterExactlyOnceWhileTheLmsIsUnaffected() throws Exception {
        String registration = registration("learner-4");
        lrs.stop();
        try {
            ScormLearner learner = launch("learner-4");
            learner.takeWholeModule(true);
            assertThat(learner.step()).isEqualTo("summary");
            assertThat(learner.pending()).isEqualTo(18);
            assertThat(learner.failures()).extracting(f -> f.get("kind")).containsExactly("network");
            learner.leave();
            Thread.sleep(300); // the keepalive request sent on leaving fails before the LRS is back
            assertThat(lms.store().get("cmi.core.lesson_status")).isEqualTo("passed");
            assertThat(lms.errors()).isEmpty();
        } finally {
            lrs.restart();
        }
        assertThat(lrs.statements(registration)).isEmpty();

        ScormLearner learner = relaunch();
        assertThat(learner.step()).isEqualTo("summary");
        learner.awaitDelivered();
        lrs.awaitStatements(registration, 20);
        Thread.sleep(500); // nothing more arrives later (a duplicate would)
        List<JsonNode> statements = lrs.statements(registration);
        assertThat(statements).as(verbCounts(statements).toString()).hasSize(20);
        assertThat(statements).extracting(s -> s.get("id").asText()).doesNotHaveDuplicates();
        assertThat(verbCounts(statements)).isEqualTo(Map.of("initialized", 2L, "experienced", 4L, "answered", 9L,
                "completed", 2L, "passed", 2L, "terminated", 1L));
        assertThat(learner.failures()).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Opens a fresh test LMS whose learner has this cmi.core.student_id and launches the package in its frame. */
    private ScormLearner launch(String studentId) {
        lms.open(server.url("/lms/lms.html?mastery=70&student=" + studentId));
        return relaunch();
    }

    /** Launches the package again in the same LMS page (the LMS keeps what the last launch stored). */
    private ScormLearner relaunch() {
        lms.launch("/pkg/index.html");
        ScormLearner learner = new ScormLearner();
        learner.awaitReady();
        return learner;
    }

    @SuppressWarnings("unchecked")
    private static String account(Map<String, Object> pseudonym) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) pseudonym.get("actor")).get("account")).get("name");
    }

    /** A {@link Learner} in the LMS's frame, who also waits for the pseudonym and sees it. */
    private final class ScormLearner extends Learner {
        ScormLearner() {
            super(Scorm12XapiRuntimeBrowserTest.driver);
        }

        @Override
        public void awaitReady() {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return document.documentElement.classList.contains('js') && !!document.querySelector('.step.current')"
                            + " && !!window.PelitaTracking.pseudonym()")));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> pseudonym() {
            return (Map<String, Object>) js.executeScript("return window.PelitaTracking.pseudonym()");
        }

        /** The learner closes the module: the frame is unloaded and the SCO finishes. */
        @Override
        public void leave() {
            lms.unload();
        }
    }
}
