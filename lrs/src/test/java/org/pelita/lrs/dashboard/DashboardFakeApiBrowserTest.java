package org.pelita.lrs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.dashboard.FakeReportsApi.FEATURE_TOUR;
import static org.pelita.lrs.dashboard.FakeReportsApi.SECURITY;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.pelita.lrs.testing.Browser;

/**
 * The dashboard in headless Chromium against canned answers shaped as the research API's contract says
 * ({@link FakeReportsApi}; the page's files are served as the LRS serves them). {@link DashboardBrowserTest} runs the
 * same page against the real LRS and its real reports.
 */
class DashboardFakeApiBrowserTest {
    private static final List<String> REPORTS = List.of("funnel", "quizzes", "questions", "pre-post", "time-on-task");

    private static FakeReportsApi api;
    private static ChromeDriver driver;
    private DashboardPage page;

    @BeforeAll
    static void start() {
        api = new FakeReportsApi();
        driver = Browser.start(1024, 900);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (api != null) {
            api.close();
        }
    }

    @BeforeEach
    void open() {
        driver.manage().window().setSize(new Dimension(1024, 900));
        page = new DashboardPage(driver, api.base()).open();
        api.forget();
    }

    @Test
    void tellsWhyACredentialIsRefusedAndKeepsNothing() {
        assertThat(page.url()).endsWith("/dashboard/");

        page.signIn("reader", "wrong");
        assertThat(page.signInError()).isEqualTo("Key or secret not accepted.");
        assertThat(page.storedAuthorization()).isNull();
        // The page asked with its own Authorization header (and the 401's Basic challenge opened no dialog: the page went on).
        assertThat(api.calls()).singleElement().satisfies(call -> assertThat(call.report()).isEqualTo("modules"));

        page.signIn("writer", "writer-secret");
        assertThat(page.signInError()).isEqualTo("This credential cannot read reports.");
        assertThat(page.storedAuthorization()).isNull();
        assertThat(driver.findElement(By.id("reports")).isDisplayed()).isFalse();
    }

    @Test
    void drawsEveryReportWithItsCharts() {
        page.signIn("reader", "reader-secret");
        page.waitForReports();
        assertThat(driver.findElement(By.id("signed-in-as")).getText()).isEqualTo("Signed in as reader");

        // The screenshot check, chart by chart: one funnel, a histogram per quiz, item analysis, pre/post, time on task.
        assertThat(page.assertChartsDrawn("funnel")).isEqualTo(1);
        assertThat(page.assertChartsDrawn("quizzes")).isEqualTo(3);
        assertThat(page.assertChartsDrawn("questions")).isEqualTo(1);
        assertThat(page.assertChartsDrawn("pre-post")).isEqualTo(1);
        assertThat(page.assertChartsDrawn("time-on-task")).isEqualTo(1);

        assertThat(page.table("funnel", "Learners per module")).containsExactly(
                List.of("Feature tour", "5", "4", "80%", "4", "1"),
                List.of("Digital security", "3", "2", "66.7%", "1", "1"));
        assertThat(page.table("funnel", "Lessons of Feature tour")).containsExactly(
                List.of("Welcome", "5", "5", "100%"), List.of("Staying safe", "5", "4", "80%"));
        assertThat(page.table("quizzes", "Scores per quiz (first submissions)")).contains(
                List.of("Feature tour: Before you start", "pre-test", "5", "40%", "40%"));
        assertThat(page.table("pre-post", "Pre-test and post-test per module")).containsExactly(
                List.of("Feature tour", "5", "40%", "80%", "+40 pp", "0.67", "0.65"),
                List.of("Digital security", "0", "\u2014", "\u2014", "\u2014", "\u2014", "\u2014"));
        assertThat(page.table("time-on-task", "Minutes on task per module")).first().isEqualTo(
                List.of("Feature tour", "5", "7", "8.5", "17.0", "19.2", "4.0", "6.5", "9.0"));

        // Item analysis of the first quiz listed; the correct response is marked (for screen readers too).
        List<List<String>> items = page.table("questions", "Item analysis (5 learners)");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).subList(0, 5)).containsExactly("Q1. Which password is strongest?", "5", "80%", "0.35", "0.40");
        assertThat(items.get(0).get(5)).contains("Your birthday (a): 1 (20%)").contains("\u2713 Correct: A long passphrase (b): 4 (80%)");
        assertThat(items.get(2).subList(3, 5)).containsExactly("\u2014", "0.00");
        assertThat(driver.findElements(By.cssSelector("#questions .responses li.correct"))).hasSize(3);
        assertThat(api.calls()).filteredOn(c -> c.report().equals("questions"))
                .extracting(c -> c.query().get("quiz")).containsExactly(FEATURE_TOUR + "/quizzes/pre");

        page.chooseQuiz(SECURITY + "/quizzes/final");
        page.waitFor("the other quiz's items", () -> page.table("questions", "Item analysis (5 learners)") != null
                && page.cell("questions", "Item analysis (5 learners)", "Q1", 0).equals("Q1. Which password is strongest?")
                && api.calls().stream().anyMatch(c -> (SECURITY + "/quizzes/final").equals(c.query().get("quiz"))));

        // Accessible tables: a caption each, column headers scoped, row headers scoped.
        for (WebElement table : driver.findElements(By.cssSelector("#reports table"))) {
            assertThat(table.findElement(By.tagName("caption")).getText()).isNotBlank();
            assertThat(table.findElements(By.cssSelector("thead th"))).allSatisfy(th -> assertThat(th.getAttribute("scope")).isEqualTo("col"));
            assertThat(table.findElements(By.cssSelector("tbody th"))).allSatisfy(th -> assertThat(th.getAttribute("scope")).isEqualTo("row"));
        }
        assertThat(page.scriptProblems()).isEmpty();
    }

    @Test
    void filtersApplyToEveryReport() {
        page.signIn("reader", "reader-secret");
        page.waitForReports();
        assertThat(page.cell("funnel", "Learners per module", "Feature tour", 1)).isEqualTo("5");
        assertThat(driver.findElements(By.cssSelector("#f-language option"))).extracting(o -> o.getAttribute("value"))
                .containsExactly("", "en", "id");
        page.filter("module", SECURITY);
        assertThat(driver.findElements(By.cssSelector("#f-version option"))).extracting(o -> o.getAttribute("value"))
                .containsExactly("", "2.0.0");
        page.filter("module", FEATURE_TOUR);
        api.forget();

        page.filter("language", "id");
        page.filter("version", "1.1.0");
        page.filter("since", "2026-11-01");
        page.apply();

        assertThat(page.table("funnel", "Learners per module")).containsExactly(List.of("Feature tour", "2", "1", "50%", "1", "1"));
        assertThat(page.cell("pre-post", "Pre-test and post-test per module", "Feature tour", 3)).isEqualTo("90%");
        assertThat(page.charts("quizzes")).hasSize(2);
        assertThat(page.assertChartsDrawn("quizzes")).isEqualTo(2);
        assertThat(api.calls()).extracting(FakeReportsApi.Call::report)
                .containsExactlyInAnyOrder("funnel", "quizzes", "pre-post", "time-on-task", "questions");
        assertThat(api.calls()).allSatisfy(call -> {
            assertThat(call.query()).containsEntry("language", "id").containsEntry("module", FEATURE_TOUR).containsEntry("version", "1.1.0")
                    .containsEntry("since", "2026-11-01").doesNotContainKeys("organisation", "country", "registration", "until");
            assertThat(call.accept()).isEqualTo("application/json");
        });
        assertThat(page.scriptProblems()).isEmpty();
    }

    @Test
    void saysSoWhenNothingMatches() {
        page.signIn("reader", "reader-secret");
        page.waitForReports();
        page.filter("organisation", "Nobody at all");
        page.apply();
        for (String report : REPORTS) {
            assertThat(page.emptyShown(report)).as(report).isTrue();
            assertThat(driver.findElement(By.cssSelector("#" + report + " .empty")).getText()).isEqualTo("No statements match these filters.");
            assertThat(page.charts(report)).as(report).isEmpty();
        }

        page.filter("organisation", "");
        page.filter("since", "2026-11-02");
        page.filter("until", "2026-11-01");
        page.apply();
        assertThat(page.error("funnel")).isEqualTo("The LRS refused these filters: until is before since");
        assertThat(page.emptyShown("funnel")).isFalse();
    }

    @Test
    void downloadsEachReportAsCsvWithTheFilters() {
        page.signIn("reader", "reader-secret");
        page.waitForReports();
        page.filter("language", "en");
        page.apply();
        api.forget();

        DashboardPage.Csv funnel = page.downloadCsv("funnel");
        assertThat(funnel.fileName()).matches("funnel-\\d{4}-\\d{2}-\\d{2}\\.csv");
        assertThat(funnel.text()).isEqualTo("id,name,launched,completed,passed,failed\r\n"
                + FEATURE_TOUR + ",Feature tour,3,2,2,1\r\n" + SECURITY + ",Digital security,3,2,1,1\r\n");
        assertThat(api.calls()).singleElement().satisfies(call -> {
            assertThat(call.query()).containsEntry("format", "csv").containsEntry("language", "en");
            assertThat(call.accept()).isEqualTo("text/csv");
        });

        DashboardPage.Csv questions = page.downloadCsv("questions");
        assertThat(questions.fileName()).matches("questions-\\d{4}-\\d{2}-\\d{2}\\.csv");
        assertThat(questions.text()).isEqualTo("report,learners\r\nquestions,3\r\n");
        assertThat(api.calls().get(api.calls().size() - 1).query()).containsEntry("quiz", FEATURE_TOUR + "/quizzes/pre");
        for (String report : List.of("quizzes", "pre-post", "time-on-task")) {
            assertThat(page.downloadCsv(report).fileName()).startsWith(report + "-");
        }
    }

    @Test
    void fitsA360PixelScreen() {
        driver.manage().window().setSize(new Dimension(360, 740));
        page.open();
        page.signIn("reader", "reader-secret");
        page.waitForReports();
        assertThat(page.widerThanTheWindow()).as("what sticks out of a 360 px window").isEmpty();
        for (String report : REPORTS) {
            page.assertChartsDrawn(report);
            for (WebElement canvas : page.charts(report)) {
                assertThat(canvas.getRect().getWidth()).as("%s chart width", report).isLessThanOrEqualTo(360);
            }
        }
    }

    @Test
    void signingOutForgetsTheCredential() {
        page.signIn("reader", "reader-secret");
        page.waitForReports();
        assertThat(page.storedAuthorization()).startsWith("Basic ");

        driver.navigate().refresh(); // the tab keeps it across reloads
        page.waitForReports();

        page.signOut();
        assertThat(page.storedAuthorization()).isNull();
        assertThat(driver.findElement(By.id("reports")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector(".chart canvas"))).isEmpty();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("key");
    }
}
