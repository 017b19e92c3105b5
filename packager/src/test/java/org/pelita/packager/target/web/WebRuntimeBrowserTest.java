package org.pelita.packager.target.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.packager.testing.Statements.verbCounts;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
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
import org.pelita.packager.testing.Pseudonyms;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.TestServer;
import org.pelita.packager.testing.Zips;

/**
 * The web target's site in a real Chromium, served from one 127.0.0.1 origin, against the project's LRS in this JVM
 * (CORS for the site's origin, a write-only key restricted to the module's IRI): the learner picks a language,
 * enters a pseudonymous code (an e-mail address is refused), takes the module, and the statements land under the
 * account the test computes on its own from the code; a second visit resumes.
 */
class WebRuntimeBrowserTest {
    private static final String MODULE_IRI = "urn:pelita:module:feature-tour";
    private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
    private static final String PACKAGE_KEY = "pkg-feature-tour";
    private static final String PSEUDONYM_KEY = "web-test-pseudonym-key-0123";
    private static final Pseudonyms PSEUDONYMS = new Pseudonyms(PSEUDONYM_KEY);

    @TempDir
    static Path work;
    private static TestServer server;
    private static InProcessLrs lrs;
    private static ChromeDriver driver;
    private static String origin;

    @BeforeAll
    static void startLrsBuildSiteAndBrowser() throws Exception {
        server = new TestServer();
        origin = server.url("").replaceAll("/$", "");
        lrs = new InProcessLrs(origin);
        lrs.credential(PACKAGE_KEY, "statements/write", MODULE_IRI);
        LrsConnection connection = LrsConnection.of(lrs.endpoint(), PACKAGE_KEY + ":" + PACKAGE_KEY + "-secret", PSEUDONYM_KEY);
        Packager.Result site = new Packager().build(Repository.sample("feature-tour"), new WebTarget(),
                new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.SINGLE, Optional.empty(), Optional.of(connection)),
                work.resolve("out"));
        server.mount("site", Zips.extract(site.packages().get(0), work.resolve("site")));
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

    @BeforeEach
    void anotherDeviceWithNothingStored() {
        driver.get(server.url("/site/index.html"));
        ((JavascriptExecutor) driver).executeScript("localStorage.clear()");
    }

    static String accountName(String code) throws Exception {
        return PSEUDONYMS.accountName("web", origin, code);
    }

    static String registration(String code) throws Exception {
        return PSEUDONYMS.registration(accountName(code), MODULE_IRI, "1.0.0");
    }

    // ---- the learner's journeys -----------------------------------------------------------------

    @Test
    void aLearnerEntersACodeTakesTheModuleAndTheStatementsLandUnderThatAccount() throws Exception {
        SiteLearner learner = new SiteLearner();
        learner.chooseLanguage("English");
        learner.enterCode("  Owl-42 ");
        learner.awaitModule("learn-en.html");
        learner.takeWholeModule(true);
        learner.awaitDelivered();
        assertThat(learner.failures()).isEmpty();
        learner.leave();

        String registration = registration("owl-42");
        assertThat(learner.pseudonymSeen).containsEntry("registration", registration);
        List<JsonNode> statements = lrs.awaitStatements(registration, 19);
        assertThat(verbCounts(statements)).isEqualTo(Map.of("initialized", 1L, "experienced", 4L, "answered", 9L,
                "completed", 2L, "passed", 2L, "terminated", 1L));
        assertThat(statements).extracting(s -> s.get("id").asText()).doesNotHaveDuplicates();
        assertThat(statements).allSatisfy(s -> {
            assertThat(s.at("/actor/account/homePage").asText()).isEqualTo(origin);
            assertThat(s.at("/actor/account/name").asText()).isEqualTo(accountName("owl-42"));
            assertThat(s.get("actor").toString()).doesNotContain("owl");
            assertThat(s.at("/context/registration").asText()).isEqualTo(registration);
            assertThat(s.at("/context/language").asText()).isEqualTo("en");
        });
        JsonNode passed = statements.stream().filter(s -> s.at("/verb/id").asText().equals(VERBS + "passed")
                && s.at("/object/id").asText().equals(MODULE_IRI)).findFirst().orElseThrow();
        assertThat(passed.at("/result/score/raw").asInt()).isEqualTo(100);
    }

    @Test
    void anEmailAddressIsRefusedWithTheReasonAndNothingIsRemembered() {
        SiteLearner learner = new SiteLearner();
        learner.chooseLanguage("English");
        learner.enterCode("siti.rahma@example.org");
        assertThat(driver.getCurrentUrl()).endsWith("/site/start-en.html");
        WebElement error = driver.findElement(By.id("code-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).contains("e-mail address").contains("must not be linked to your e-mail");
        assertThat(driver.findElement(By.id("code")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(storedCode()).isNull();
        learner.enterCode("ab");
        assertThat(error.getText()).contains("4 to 40");
        assertThat(storedCode()).isNull();
    }

    @Test
    void aSecondVisitResumesWhereTheLearnerLeftAndNotYouForgetsTheCode() throws Exception {
        SiteLearner learner = new SiteLearner();
        driver.get(server.url("/site/learn-id.html"));
        // No code on this device yet: the module's page sends the learner to its start page.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/site/start-id.html"));
        assertThat(driver.findElement(By.cssSelector("label[for=code]")).getText()).isEqualTo("Kode Anda");
        learner.enterCode("kite-7");
        learner.awaitModule("learn-id.html");
        learner.next();
        learner.choose("pre_test__reuse_password", "f");
        learner.choose("pre_test__second_factor", "b");
        learner.submit("pre-test");
        learner.next();
        String where = learner.step();
        assertThat(where).startsWith("page:");
        learner.awaitDelivered();
        Map<String, Object> first = learner.pseudonymSeen;

        driver.get(server.url("/site/index.html")); // the learner leaves, and comes back later on the same device
        driver.get(server.url("/site/start-id.html"));
        assertThat(driver.findElement(By.id("code-value")).getText()).isEqualTo("kite-7");
        driver.findElement(By.id("code-continue")).click();
        learner.awaitModule("learn-id.html");
        assertThat(learner.step()).isEqualTo(where);
        assertThat(learner.text("#pelita-notice")).isNotBlank();
        assertThat(learner.pseudonymSeen).isEqualTo(first);
        learner.awaitDelivered();

        driver.get(server.url("/site/start-id.html"));
        driver.findElement(By.id("code-forget")).click();
        assertThat(storedCode()).isNull();
        assertThat(driver.findElement(By.id("code-form")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("code-known")).isDisplayed()).isFalse();

        // Each visit: initialized, the page shown (experienced) and terminated; the pre-test once.
        List<JsonNode> statements = lrs.awaitStatements(registration("kite-7"), 9);
        assertThat(verbCounts(statements)).isEqualTo(Map.of("initialized", 2L, "answered", 2L, "completed", 1L,
                "experienced", 2L, "terminated", 2L));
        assertThat(statements).allSatisfy(s -> assertThat(s.at("/context/language").asText()).isEqualTo("id"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String storedCode() {
        return (String) ((JavascriptExecutor) driver).executeScript("return localStorage.getItem('pelita-web:code')");
    }

    /** A {@link Learner} on the site: chooses a language, enters a code, and sees the pseudonym the module got. */
    private final class SiteLearner extends Learner {
        Map<String, Object> pseudonymSeen;

        SiteLearner() {
            super(WebRuntimeBrowserTest.driver);
        }

        void chooseLanguage(String name) {
            driver.get(server.url("/site/index.html"));
            driver.findElement(By.linkText(name)).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("code")).isDisplayed());
        }

        void enterCode(String code) {
            WebElement input = driver.findElement(By.id("code"));
            input.clear();
            input.sendKeys(code);
            driver.findElement(By.cssSelector("#code-form button[type=submit]")).click();
        }

        @SuppressWarnings("unchecked")
        void awaitModule(String page) {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/site/" + page)
                    && Boolean.TRUE.equals(js.executeScript("return document.documentElement.classList.contains('js')"
                    + " && !!document.querySelector('.step.current') && !!window.PelitaTracking.pseudonym()")));
            pseudonymSeen = (Map<String, Object>) js.executeScript("return window.PelitaTracking.pseudonym()");
        }

        /** The text of the first element that matches (the site's pages have one language each). */
        @Override
        public String text(String css) {
            return (String) js.executeScript("return document.querySelector(arguments[0]).textContent", css);
        }
    }
}
