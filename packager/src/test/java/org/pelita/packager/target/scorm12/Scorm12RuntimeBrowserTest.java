package org.pelita.packager.target.scorm12;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pelita.packager.Packager;
import org.pelita.packager.content.SavedStateBudget;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.content.UnitPlanner;
import org.pelita.packager.definition.ModuleLoader;
import org.pelita.packager.model.Module;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.testing.Browser;
import org.pelita.packager.testing.Learner;
import org.pelita.packager.testing.ScormTestLms;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.TestServer;
import org.pelita.packager.testing.Zips;

/**
 * The SCORM 1.2 runtime in a real Chromium against a strict test LMS (src/test/resources/scorm12-lms) that
 * checks every value against the SCORM 1.2 data model and records every call.
 */
class Scorm12RuntimeBrowserTest {
    private static final String TIMESPAN = "\\d{2,4}:\\d{2}:\\d{2}\\.\\d{2}";
    private static final String CLOCK = "([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d";

    @TempDir
    static Path work;
    private static TestServer server;
    private static ChromeDriver driver;
    private static Module sample;
    /** Whether the tests' learner works in the LMS page's frame (lms() calls return to it). */
    private final ScormTestLms lms = new ScormTestLms(driver);

    @BeforeAll
    static void buildSampleAndStartBrowser() throws Exception {
        Path sampleDir = Repository.sample("feature-tour");
        sample = new ModuleLoader().load(sampleDir).module();
        Path out = work.resolve("out");
        Packager.Result en = new Packager().build(sampleDir, new Scorm12Target(),
                new BuildOptions(LanguageMode.ONE, Optional.of("en"), UnitLayout.SINGLE), out);
        Packager.Result multi = new Packager().build(sampleDir, new Scorm12Target(),
                new BuildOptions(LanguageMode.MULTILINGUAL, Optional.empty(), UnitLayout.SINGLE), out);
        Packager.Result perLesson = new Packager().build(sampleDir, new Scorm12Target(),
                new BuildOptions(LanguageMode.ONE, Optional.of("en"), UnitLayout.PER_LESSON), work.resolve("per-lesson"));
        server = new TestServer()
                .mount("lms", lmsDirectory())
                .mount("pkg", Zips.extract(en.packages().get(0), work.resolve("pkg")))
                .mount("multi", Zips.extract(multi.packages().get(0), work.resolve("multi")))
                .mount("lessons", Zips.extract(perLesson.packages().get(0), work.resolve("lessons")));
        driver = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeExtraWindows() {
        if (driver == null) {
            return;
        }
        String first = driver.getWindowHandles().iterator().next();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(first)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(first);
        driver.manage().logs().get(LogType.BROWSER);
    }

    private static Path lmsDirectory() throws URISyntaxException {
        return Path.of(Scorm12RuntimeBrowserTest.class.getResource("/scorm12-lms/lms.html").toURI()).getParent();
    }

    // ---- the learner's journeys -----------------------------------------------------------------

    @Test
    void aLearnerWhoPassesThePostTestIsReportedPassedWithScoreAndEveryAnswer() {
        ScormLearner learner = launch("/pkg/index.html");
        learner.takeWholeModule(true);
        assertThat(learner.step()).isEqualTo("summary");
        assertThat(learner.text("[data-summary-status]")).isEqualTo("You have completed this module. You can now close it.");
        learner.leave();

        Map<String, Object> store = lms.store();
        assertThat(store.get("cmi.core.lesson_status")).isEqualTo("passed");
        assertThat(store.get("cmi.core.score.raw")).isEqualTo("100");
        assertThat(store.get("cmi.core.score.min")).isEqualTo("0");
        assertThat(store.get("cmi.core.score.max")).isEqualTo("100");
        assertThat(store.get("cmi.core.exit")).isEqualTo("");
        assertThat(lms.errors()).isEmpty();
        assertThat(setValues("cmi.core.session_time")).singleElement().asString().matches(TIMESPAN);

        List<Map<String, Object>> interactions = lms.interactions();
        assertThat(interactions).extracting(i -> i.get("id")).containsExactly(
                "pre_test__reuse_password", "pre_test__second_factor",
                "passwords_check__passphrase_words", "passwords_check__password_manager",
                "post_test__reuse_password", "post_test__factor_kinds", "post_test__setup_order",
                "post_test__sms_codes", "post_test__backup_codes_place");
        assertThat(interactions).extracting(i -> i.get("type")).containsExactly(
                "true-false", "choice", "fill-in", "choice", "true-false", "matching", "sequencing", "choice", "true-false");
        assertThat(interactions).extracting(i -> i.get("student_response")).containsExactly(
                "f", "b", "4", "a,b", "f", "1.a,2.b,3.c", "a,b,c,d", "b", "f");
        assertThat(interactions).extracting(i -> i.get("result")).containsOnly("correct");
        assertThat(interactions).allSatisfy(i -> {
            assertThat((String) i.get("latency")).matches(TIMESPAN);
            assertThat((String) i.get("time")).matches(CLOCK);
            assertThat(i.get("weighting")).isEqualTo("1");
        });
        assertThat(interactions.get(2).get("correct_responses")).isEqualTo(List.of("4", "four"));
        assertThat(interactions.get(5).get("correct_responses")).isEqualTo(List.of("1.a,2.b,3.c"));
        assertThat(interactions.get(6).get("correct_responses")).isEqualTo(List.of("a,b,c,d"));
    }

    @Test
    void withOneScoPerLessonALessonIsCompletedWithoutScoreAndThePostTestPassesOnItsOwn() {
        ScormLearner lesson = launch("/lessons/lesson-two-step.html");
        assertThat(lesson.step()).isEqualTo("page:two-step/how-it-works");
        assertThat(lesson.text("#pelita-next")).isEqualTo("Next");
        lesson.next();
        lesson.next();
        assertThat(lesson.step()).isEqualTo("summary");
        lesson.leave();
        assertThat(lms.store().get("cmi.core.lesson_status")).isEqualTo("completed");
        assertThat(lms.store().get("cmi.core.score.raw")).isEqualTo("");

        ScormLearner test = launch("/lessons/post-test.html");
        assertThat(test.step()).isEqualTo("quiz:post-test");
        test.answerPostTest(true);
        test.submit("post-test");
        test.leave();
        assertThat(lms.store().get("cmi.core.lesson_status")).isEqualTo("passed");
        assertThat(lms.store().get("cmi.core.score.raw")).isEqualTo("100");
        assertThat(lms.interactions()).hasSize(5);
        assertThat(lms.errors()).isEmpty();
    }

    @Test
    void statusIsIncompleteFromTheFirstStepAndTheLmsLocationFollowsTheLearner() {
        ScormLearner learner = launch("/pkg/index.html");
        assertThat(lms.store().get("cmi.core.lesson_status")).isEqualTo("incomplete");
        learner.next();
        assertThat(lms.store().get("cmi.core.lesson_location")).isEqualTo("quiz:pre-test");
        assertThat(setValues("cmi.core.lesson_status")).containsExactly("incomplete");
    }

    @Test
    void aLearnerWhoFailsThePostTestIsReportedFailedAndMayTryAgain() {
        ScormLearner learner = launch("/pkg/index.html");
        learner.takeWholeModule(false);
        learner.showStep("quiz:post-test");
        WebElement retake = learner.find("form[data-quiz=post-test] [data-action=retake]");
        assertThat(retake.isDisplayed()).isTrue();
        assertThat(learner.text("form[data-quiz=post-test] [data-result]")).startsWith("Your score: 0%").contains("did not reach the 70%");
        learner.leave();

        Map<String, Object> store = lms.store();
        assertThat(store.get("cmi.core.lesson_status")).isEqualTo("failed");
        assertThat(store.get("cmi.core.score.raw")).isEqualTo("0");
        assertThat(store.get("cmi.core.score.raw")).isEqualTo("0");
        assertThat(store.get("cmi.core.exit")).isEqualTo("suspend");
        assertThat(lms.interactions()).filteredOn(i -> i.get("id").toString().startsWith("post_test"))
                .extracting(i -> i.get("result")).containsOnly("wrong");
    }

    @Test
    void takingThePostTestAgainClearsItsAnswersAndTheBestScoreCounts() {
        ScormLearner learner = launch("/pkg/index.html");
        learner.takeWholeModule(false);
        learner.showStep("quiz:post-test");
        learner.click(learner.find("form[data-quiz=post-test] [data-action=retake]"));
        WebElement answer = learner.find("fieldset[data-q=post_test__reuse_password] input[value=t]");
        assertThat(answer.isEnabled()).isTrue();
        assertThat(answer.isSelected()).isFalse();
        assertThat(learner.text("form[data-quiz=post-test] [data-result]")).isEmpty();
        learner.answerPostTest(true);
        learner.submit("post-test");
        assertThat(learner.text("form[data-quiz=post-test] [data-result]")).isEqualTo("Your score: 100% You passed.");
        learner.leave();
        assertThat(lms.store().get("cmi.core.lesson_status")).isEqualTo("passed");
        assertThat(lms.store().get("cmi.core.score.raw")).isEqualTo("100");
        assertThat(lms.interactions()).filteredOn(i -> i.get("id").equals("post_test__sms_codes"))
                .extracting(i -> i.get("result")).containsExactly("wrong", "correct");
    }

    @Test
    void submittingATestWithUnansweredQuestionsWarnsOnceThenSubmitsAsItIs() {
        ScormLearner learner = launch("/pkg/index.html");
        learner.next();
        learner.choose("pre_test__reuse_password", "f");
        learner.submit("pre-test");
        assertThat(learner.text("form[data-quiz=pre-test] [data-result]"))
                .isEqualTo("1 question(s) not answered yet. Answer them, or press Submit again to submit as they are.");
        assertThat(lms.interactions()).isEmpty();
        learner.submit("pre-test");
        assertThat(learner.text("form[data-quiz=pre-test] [data-result]")).startsWith("Your score: 50%");
        assertThat(lms.interactions()).extracting(i -> i.get("student_response")).containsExactly("f", "");
        assertThat(lms.interactions()).extracting(i -> i.get("result")).containsExactly("correct", "wrong");
    }

    @Test
    void theLessonsStayClosedUntilThePreTestIsSubmitted() {
        ScormLearner learner = launch("/pkg/index.html");
        learner.next();
        learner.next();
        assertThat(learner.step()).isEqualTo("quiz:pre-test");
        assertThat(learner.text("#pelita-notice")).isEqualTo("Please submit the pre-test before you continue.");
    }

    @Test
    void aLinkToAnotherPageOpensThatStep() {
        ScormLearner learner = launch("/pkg/index.html");
        learner.next();
        learner.choose("pre_test__reuse_password", "f");
        learner.choose("pre_test__second_factor", "b");
        learner.submit("pre-test");
        learner.next();
        learner.click(learner.find(".step.current a[href='#en:page:two-step/how-it-works']"));
        assertThat(learner.step()).isEqualTo("page:two-step/how-it-works");
    }

    @Test
    void aRelaunchResumesAtTheSameStepWithTheLearnersAnswers() {
        ScormLearner learner = launch("/pkg/index.html");
        learner.next();
        learner.choose("pre_test__reuse_password", "t");
        learner.choose("pre_test__second_factor", "b");
        learner.submit("pre-test");
        learner.next();
        learner.next();
        assertThat(learner.step()).isEqualTo("page:passwords/passphrases");
        String saved = (String) lms.store().get("cmi.suspend_data");

        learner = relaunch("/pkg/index.html");
        assertThat(lms.store().get("cmi.core.entry")).isEqualTo("resume");
        assertThat(learner.step()).isEqualTo("page:passwords/passphrases");
        assertThat(learner.text("#pelita-notice")).isEqualTo("Welcome back. You are where you left off.");
        assertThat(saved).isNotBlank();
        learner.showStep("quiz:pre-test");
        assertThat(learner.find("fieldset[data-q=pre_test__reuse_password] input[value=t]").isSelected()).isTrue();
        assertThat(learner.find("fieldset[data-q=pre_test__second_factor] input[value=b]").isSelected()).isTrue();
        assertThat(learner.find("fieldset[data-q=pre_test__second_factor] input[value=b]").isEnabled()).isFalse();
        assertThat(learner.text("form[data-quiz=pre-test] [data-result]")).startsWith("Your score: 50%");
        assertThat(lms.errors()).isEmpty();
    }

    @Test
    void savedStateStaysWithinScorm12sLimitAndTheBuildTimeBound() {
        ScormLearner learner = launch("/pkg/index.html");
        learner.takeWholeModule(true);
        String saved = (String) lms.store().get("cmi.suspend_data");
        int bound = SavedStateBudget.worstCase(sample, UnitPlanner.plan(sample, UnitLayout.SINGLE).get(0), List.of("en"));
        assertThat(saved.length()).isLessThanOrEqualTo(bound).isLessThan(4096);
    }

    @Test
    void theContentFindsTheApiThroughTheOpenerWhenTheLmsOpensANewWindow() {
        driver.get(server.url("/lms/lms.html?mastery=70"));
        String lmsWindow = driver.getWindowHandle();
        ((JavascriptExecutor) driver).executeScript("document.getElementById('open-window').dataset.url = arguments[0]",
                "/pkg/index.html");
        driver.findElement(By.id("open-window")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getWindowHandles().size() == 2);
        driver.switchTo().window(driver.getWindowHandles().stream().filter(h -> !h.equals(lmsWindow)).findFirst().orElseThrow());
        ScormLearner learner = new ScormLearner();
        learner.awaitReady();
        learner.next();
        driver.switchTo().window(lmsWindow);
        assertThat(lms.store().get("cmi.core.lesson_location")).isEqualTo("quiz:pre-test");
    }

    @Test
    void withoutAnLmsTheContentWorksAndShowsNoError() {
        driver.get(server.url("/pkg/index.html"));
        ScormLearner learner = new ScormLearner();
        learner.awaitReady();
        List<String> visited = new ArrayList<>();
        while (true) {
            visited.add(learner.step());
            assertThat(learner.horizontalOverflow()).as("horizontal scrolling on " + learner.step()).isFalse();
            if (learner.step().equals("quiz:pre-test")) {
                learner.choose("pre_test__reuse_password", "f");
                learner.choose("pre_test__second_factor", "b");
                learner.submit("pre-test");
            }
            if (!learner.find("#pelita-next").isDisplayed()) {
                break;
            }
            learner.next();
        }
        assertThat(visited).hasSize(9).startsWith("intro").endsWith("summary");
        assertThat(learner.find("#pelita-notice").isDisplayed()).isFalse();
        assertThat(severeConsoleMessages()).isEmpty();
    }

    @Test
    void theRuntimeRunsUnderAStrictContentSecurityPolicyWithoutViolations() {
        driver.get(server.url("/pkg/index.html"));
        new ScormLearner().awaitReady();
        assertThat(severeConsoleMessages()).as("CSP violations and script errors").isEmpty();
        String html = (String) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content");
        assertThat(html).contains("default-src 'none'").contains("connect-src 'none'").doesNotContain("unsafe");
    }

    @Test
    void theQuickExitLeavesForTheNeutralPageReplacingTheModuleInHistory() {
        ScormLearner learner = launch("/pkg/index.html");
        learner.next();
        learner.find("#pelita-exit").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("127.0.0.1"));
        assertThat(driver.getCurrentUrl()).satisfiesAnyOf(
                url -> assertThat(url).startsWith("https://www.google.com/"),
                url -> assertThat(url).startsWith("chrome-error://"));
    }

    @Test
    void pressingEscapeTwiceIsAQuickExitToo() {
        ScormLearner learner = launch("/pkg/index.html");
        learner.find(".step.current h1").click();
        new Actions(driver).sendKeys(Keys.ESCAPE).sendKeys(Keys.ESCAPE).perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("127.0.0.1"));
        assertThat(learner).isNotNull();
    }

    @Test
    void theKeyboardAloneTakesALearnerThroughTheSteps() {
        ScormLearner learner = launch("/pkg/index.html");
        learner.find("#pelita-next").sendKeys(Keys.ENTER);
        assertThat(learner.step()).isEqualTo("quiz:pre-test");
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.activeElement === document.querySelector('.step.current h1')")).isTrue();
        WebElement radio = learner.find("fieldset[data-q=pre_test__reuse_password] input[value=t]");
        radio.sendKeys(Keys.SPACE);
        radio.sendKeys(Keys.ARROW_DOWN);
        assertThat(learner.find("fieldset[data-q=pre_test__reuse_password] input[value=f]").isSelected()).isTrue();
    }

    @Test
    void aMultilingualPackageOffersItsLanguagesAndKeepsAnswersAcrossThem() {
        ScormLearner learner = launch("/multi/index.html");
        learner.click(learner.find("a[data-lang=id]"));
        assertThat(learner.step()).isEqualTo("intro");
        assertThat(learner.text("#pelita-next")).isEqualTo("Mulai");
        assertThat(((JavascriptExecutor) driver).executeScript("return document.documentElement.lang")).isEqualTo("id");
        learner.next();
        learner.choose("pre_test__reuse_password", "f");
        new Select(learner.find("#pelita-lang")).selectByValue("en");
        assertThat(learner.find("fieldset[data-q=pre_test__reuse_password] input[value=f]").isSelected()).isTrue();
        assertThat(lms.store().get("cmi.student_preference.language")).isEqualTo("en");
        assertThat(lms.errors()).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private ScormLearner launch(String path) {
        lms.open(server.url("/lms/lms.html?mastery=70"));
        return relaunch(path);
    }

    private ScormLearner relaunch(String path) {
        lms.launch(path);
        ScormLearner learner = new ScormLearner();
        learner.awaitReady();
        return learner;
    }

    @SuppressWarnings("unchecked")
    private List<Object> setValues(String element) {
        List<Map<String, Object>> log = lms.log();
        return log.stream().filter(c -> c.get("fn").equals("LMSSetValue") && ((List<Object>) c.get("args")).get(0).equals(element))
                .map(c -> ((List<Object>) c.get("args")).get(1)).toList();
    }

    private List<String> severeConsoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** A {@link Learner} in the test LMS's frame or window, who also checks the passphrase verdict on the way. */
    private final class ScormLearner extends Learner {
        ScormLearner() {
            super(Scorm12RuntimeBrowserTest.driver);
        }

        boolean horizontalOverflow() {
            return (Boolean) js.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
        }

        void showStep(String key) {
            js.executeScript("document.querySelector('.lang:not([hidden]) .toc a[data-step=\"' + arguments[0] + '\"]').click()", key);
            assertThat(step()).isEqualTo(key);
        }

        @Override
        protected void passphraseChecked() {
            assertThat(text("fieldset[data-q=passwords_check__passphrase_words] [data-verdict]")).isEqualTo("Correct.");
        }

        /** Leaves the module as a learner closing it would: the page is unloaded. */
        @Override
        public void leave() {
            lms.unload();
        }
    }
}
