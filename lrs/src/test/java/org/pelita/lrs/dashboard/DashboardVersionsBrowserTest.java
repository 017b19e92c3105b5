package org.pelita.lrs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.testing.PilotStatements.day;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.pelita.lrs.testing.Browser;
import org.pelita.lrs.testing.PilotStatements;
import org.pelita.lrs.testing.TestLrs;

/**
 * "Compare versions" in the dashboard (by=version, docs/reports.md) in headless Chromium against the real API: two
 * versions of one module whose pre-test kept question q1 (the same revision) and reworded q2 (a new revision).
 * 1.0.0: A1 pre-test a b (1 of 2), A2 b b (2 of 2). 1.1.0: B1 b a (1 of 2). Every learner launched; nobody finished.
 */
class DashboardVersionsBrowserTest {
    private static final String MODULE = "urn:pelita:module:versions";
    private static TestLrs lrs;

    @BeforeAll
    static void start() {
        lrs = TestLrs.h2();
        lrs.credential("reader", "statements/read");
        String[] v100 = {"q1/0123456789ab", "q2/aaaaaaaaaaaa"};
        String[] v110 = {"q1/0123456789ab", "q2/bbbbbbbbbbbb"};
        PilotStatements.postAll(lrs, List.of(
                new PilotStatements(MODULE, "1.0.0", "en", "A1", day(2)).questions(v100).initialized().quiz("pre-test", "pre", "a", "b")
                        .terminated(Duration.ofMinutes(10)),
                new PilotStatements(MODULE, "1.0.0", "en", "A2", day(3)).questions(v100).initialized().quiz("pre-test", "pre", "b", "b")
                        .terminated(Duration.ofMinutes(20)),
                new PilotStatements(MODULE, "1.1.0", "id", "B1", day(4)).questions(v110).initialized().quiz("pre-test", "pre", "b", "a")
                        .terminated(Duration.ofMinutes(30))));
    }

    @AfterAll
    static void stop() {
        if (lrs != null) {
            lrs.close();
        }
    }

    @Test
    void eachReportGetsARowPerVersionAndTheItemAnalysisMarksTheRewordedQuestion() {
        ChromeDriver driver = Browser.start(1024, 900);
        try {
            DashboardPage page = new DashboardPage(driver, lrs.base()).open();
            page.signIn("reader", "reader-secret");
            page.waitForReports();
            assertThat(page.table("funnel", "Learners per module")).extracting(row -> row.subList(0, 2))
                    .containsExactly(List.of("Cyber resilience", "3"));

            page.compareVersions(true);
            page.apply();

            assertThat(page.table("funnel", "Learners per module")).extracting(row -> row.subList(0, 2))
                    .containsExactly(List.of("Cyber resilience 1.0.0", "2"), List.of("Cyber resilience 1.1.0", "1"));
            assertThat(page.table("quizzes", "Scores per quiz (first submissions)")).extracting(row -> row.subList(2, 4))
                    .containsExactly(List.of("2", "75%"), List.of("1", "50%"));
            List<List<String>> items = page.table("questions", "Item analysis by version (learners: 2 in 1.0.0, 1 in 1.1.0)");
            assertThat(items).extracting(row -> row.subList(1, 4)).containsExactly(
                    List.of("1.0.0", "0123456789ab", "Same in every version"),
                    List.of("1.1.0", "0123456789ab", "Same in every version"),
                    List.of("1.0.0", "aaaaaaaaaaaa", "Changed between versions: do not compare or pool its answers"),
                    List.of("1.1.0", "bbbbbbbbbbbb", "Changed between versions: do not compare or pool its answers"));
            assertThat(items.get(0).get(5)).isEqualTo("50%"); // q1 in 1.0.0: A1 a (wrong), A2 b (right)
            assertThat(items.get(3).get(5)).isEqualTo("0%"); // q2 in 1.1.0: B1 a (wrong)

            page.compareVersions(false);
            page.apply();
            assertThat(page.table("funnel", "Learners per module")).hasSize(1);
            assertThat(page.scriptProblems()).isEmpty();
        } finally {
            driver.quit();
        }
    }
}
