package org.pelita.packager.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.demo.Demo;
import org.pelita.lrs.demo.PackagerCli;
import org.pelita.lrs.demo.SampleModule;
import org.pelita.packager.testing.Browser;
import org.pelita.packager.testing.Learner;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.TempDirectories;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's first command, {@code pelita-lrs demo} (docs/demo.md), end to end: the real packager (found on this
 * module's class path) builds the repository's samples, the demo serves them beside the LRS, and a learner in
 * Chromium goes from the landing page into the first sample, enters a code, moves on a page, and the statements
 * reach the LRS, readable with the dashboard's key. It lives here rather than in lrs/ because only this module has
 * both the packager and the LRS on its class path (lrs cannot depend on the packager: the packager's tests depend
 * on the LRS).
 */
class DemoBrowserTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERBS = "http://adlnet.gov/expapi/verbs/";

    @Test
    void aNewcomerTakesTheFirstSampleFromTheLandingPageAndItsStatementsArrive() throws Exception {
        Path data = TempDirectories.create("pelita-demo-");
        StringWriter log = new StringWriter();
        try (PackagerCli packager = PackagerCli.locate(Optional.empty());
             Demo demo = Demo.start(ConfigLoader.load(Optional.empty(), Map.of(), Map.of("host", "127.0.0.1", "port", "0",
                     "db", "jdbc:h2:file:" + data.resolve("lrs"))), data, Repository.root().resolve("samples"), packager,
                     new SecretHasher(4), new PrintWriter(log, true))) {
            assertThat(packager.where()).isEqualTo("the class path");
            assertThat(demo.failed()).as(log.toString()).isEmpty();
            SampleModule first = demo.samples().get(0);
            // Each sample was released by the real packager and published: its latest SCORM 1.2 package is the release's.
            assertThat(demo.published()).as(log.toString()).hasSize(demo.samples().size());
            String language = first.languages().get(0);
            HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(demo.latestPackageUrl(first.id(), "scorm12", language)))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((Demo.LMS_KEY + ":" + demo.lmsSecret())
                            .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(Files.readAllBytes(data.resolve("releases").resolve(first.id()).resolve(first.version())
                    .resolve("scorm12").resolve(first.id() + "-" + first.version() + "-scorm12-" + language + ".zip")));
            String module = Demo.ACTIVITY_BASE + first.id();
            ChromeDriver driver = Browser.start();
            try {
                driver.get(demo.landingUrl());
                assertThat(driver.getTitle()).isEqualTo("Pelita demo");
                driver.findElement(By.cssSelector("a.take")).click();
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(demo.sampleUrl(first.id())));
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(first.defaultTitle());

                driver.findElement(By.cssSelector("ul.versions a")).click();
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("code")).isDisplayed());
                driver.findElement(By.id("code")).sendKeys("demo-newcomer-1");
                driver.findElement(By.cssSelector("#code-form button[type=submit]")).click();

                Learner learner = new Learner(driver);
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/learn-"));
                learner.awaitReady();
                String intro = learner.step();
                learner.next();
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !learner.step().equals(intro));
                learner.awaitDelivered();
                assertThat(learner.failures()).isEmpty();
                assertThat(statements(demo, module)).as("delivered while the learner is on the second step").isNotEmpty();
                learner.leave(); // the page is hidden: the session's "terminated" goes out
            } finally {
                driver.quit();
            }

            // What the dashboard will show: read with its own key, the learner's statements about this module.
            List<JsonNode> statements = statements(demo, module);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (verbs(statements).stream().noneMatch(v -> v.endsWith("/terminated")) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                statements = statements(demo, module);
            }
            assertThat(verbs(statements)).contains(VERBS + "initialized", VERBS + "terminated");
            assertThat(statements).allSatisfy(s -> {
                assertThat(s.at("/actor/account/homePage").asText()).isEqualTo("http://127.0.0.1:" + demo.lrs().port());
                assertThat(s.toString()).doesNotContain("demo-newcomer-1");
                assertThat(s.at("/authority/account/name").asText()).isEqualTo(Demo.writerKey(first.id()));
            });
        }
    }

    private static List<String> verbs(List<JsonNode> statements) {
        return statements.stream().map(s -> s.at("/verb/id").asText()).toList();
    }

    /** Every statement about the module, read with the demo's dashboard key (statements/read). */
    private static List<JsonNode> statements(Demo demo, String module) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((Demo.READER_KEY + ":" + demo.readerSecret())
                .getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create("http://127.0.0.1:" + demo.lrs().port() + "/xapi/statements?related_activities=true&limit=500&activity="
                + URLEncoder.encode(module, StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", auth)
                .header("X-Experience-API-Version", "1.0.3").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> statements = new ArrayList<>();
        JSON.readTree(response.body()).get("statements").forEach(statements::add);
        return statements;
    }
}
