package org.pelita.lrs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.dashboard.PelitaStatements.MODULE;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.pelita.lrs.testing.Browser;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * The dashboard end to end: a real LRS (H2 in a temporary folder) holding the statements a Pelita package sends for
 * three learners, read through the real research API by headless Chromium. Learners: Ana (English, pre-test 1/3,
 * post-test 3/3, passed, 14 min), Budi (Indonesian, 0/3 then 1/3, failed, 9.5 min), Citra (English, 2/3 then 2/3,
 * passed, 20 min).
 */
class DashboardBrowserTest {
    private static TestLrs lrs;

    @BeforeAll
    static void start() {
        lrs = TestLrs.h2();
        lrs.credential("reader", "statements/read").credential("writer", "statements/write define"); // define: as a package key, so that reports have names
        Instant day = Instant.parse("2026-11-20T09:00:00Z");
        List<PelitaStatements> learners = List.of(
                visit(new PelitaStatements("ana", "en", "Women Defenders Network", "ID", day), new boolean[] {true, false, false},
                        new boolean[] {true, true, true}, "PT14M"),
                visit(new PelitaStatements("budi", "id", "Yayasan Aman", "ID", day.plusSeconds(3600)), new boolean[] {false, false, false},
                        new boolean[] {true, false, false}, "PT9M30S"),
                visit(new PelitaStatements("citra", "en", "Women Defenders Network", "PH", day.plusSeconds(7200)), new boolean[] {true, true, false},
                        new boolean[] {true, true, false}, "PT20M"));
        XapiClient writer = lrs.client("writer", "2.0.0");
        for (PelitaStatements learner : learners) {
            XapiClient.Response response = writer.post("/statements", learner.json());
            assertThat(response.status()).as("%s", response).isEqualTo(200);
        }
    }

    private static PelitaStatements visit(PelitaStatements learner, boolean[] pre, boolean[] post, String duration) {
        return learner.initialized()
                .page("welcome", "hello", "Hello").page("welcome", "how", "How this works")
                .test("pre-test", pre)
                .page("passwords", "strong", "Strong passwords").page("passwords", "two-factor", "Two-factor authentication")
                .test("post-test", post)
                .terminated(duration);
    }

    @AfterAll
    static void stop() {
        if (lrs != null) {
            lrs.close();
        }
    }

    @Test
    void theLrsHoldsTheLearnersStatements() {
        XapiClient.Response response = lrs.admin().get("/statements?limit=500");
        assertThat(response.status()).isEqualTo(200);
        // 3 learners × (initialized, 4 pages, 3 + 1 pre-test, 3 + 2 post-test, terminated) + completed module for the 2 who passed
        assertThat(response.json().get("statements")).hasSize(3 * 15 + 2);
    }

    @Test
    void showsTheRealReports() {
        ChromeDriver driver = Browser.start(1024, 900);
        try {
            DashboardPage page = new DashboardPage(driver, lrs.base()).open();
            assertThat(page.url()).endsWith("/dashboard/");

            page.signIn("reader", "wrong-secret");
            assertThat(page.signInError()).isEqualTo("Key or secret not accepted.");
            page.signIn("writer", "writer-secret");
            assertThat(page.signInError()).isEqualTo("This credential cannot read reports.");

            page.signIn("reader", "reader-secret");
            page.waitForReports();
            for (String report : List.of("funnel", "quizzes", "questions", "pre-post", "time-on-task")) {
                assertThat(page.error(report)).as(report).isEmpty();
            }

            // The screenshot check: every chart drawn.
            assertThat(page.assertChartsDrawn("funnel")).isEqualTo(1);
            assertThat(page.assertChartsDrawn("quizzes")).isEqualTo(2);
            assertThat(page.assertChartsDrawn("questions")).isEqualTo(1);
            assertThat(page.assertChartsDrawn("pre-post")).isEqualTo(1);
            assertThat(page.assertChartsDrawn("time-on-task")).isEqualTo(1);

            assertThat(page.table("funnel", "Learners per module")).containsExactly(List.of("Feature tour", "3", "2", "66.7%", "2", "1"));
            assertThat(page.table("quizzes", "Scores per quiz (first submissions)")).contains(
                    List.of("Feature tour: Before you start", "pre-test", "3", "33.3%", "33.3%"),
                    List.of("Feature tour: Final check", "post-test", "3", "66.7%", "66.7%"));
            assertThat(page.table("pre-post", "Pre-test and post-test per module")).first()
                    .satisfies(row -> assertThat(row.subList(0, 5)).containsExactly("Feature tour", "3", "33.3%", "66.7%", "+33.3 pp"));
            assertThat(page.cell("time-on-task", "Minutes on task per module", "Feature tour", 4)).isEqualTo("14.0");
            List<List<String>> items = page.table("questions", "Item analysis (3 learners)");
            assertThat(items).hasSize(3);
            assertThat(items.get(0).get(5)).contains("\u2713 Correct: A long passphrase (b)");

            page.filter("language", "id");
            page.apply();
            assertThat(page.table("funnel", "Learners per module")).containsExactly(List.of("Feature tour", "1", "0", "0%", "0", "1"));
            assertThat(page.cell("time-on-task", "Minutes on task per module", "Feature tour", 4)).isEqualTo("9.5");

            DashboardPage.Csv csv = page.downloadCsv("funnel");
            assertThat(csv.fileName()).matches("funnel-\\d{4}-\\d{2}-\\d{2}\\.csv");
            assertThat(csv.text().lines().findFirst().orElse("")).contains("launched", "completed", "passed", "failed");
            assertThat(csv.text()).contains(MODULE);

            page.filter("language", "");
            page.filter("organisation", "Nobody here");
            page.apply();
            assertThat(page.emptyShown("funnel")).isTrue();
            assertThat(page.scriptProblems()).isEmpty();
        } finally {
            driver.quit();
        }
    }
}
