package org.pelita.packager.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * The pages are readable before their scripts run, and where scripts never run (blocked, failed to download on a
 * poor connection, or an LMS that strips them): with JavaScript off, every step's heading, every lesson page's text and
 * every quiz question with its answers are shown in the page's flow. The scripts are deferred or come after the
 * content, so the text is drawn before they load.
 */
class NoScriptTest {
    /** What is not readable on the page as it is; empty when everything is. */
    private static final String UNREADABLE = """
            var problems = [];
            function what(el) { return el.outerHTML.slice(0, 100).replace(/\\s+/g, ' '); }
            function readable(el) {
              var r = el.getBoundingClientRect();
              if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true}) || r.width < 1 || r.height < 1) return false;
              for (var e = el; e && e !== document.body; e = e.parentElement) {
                var p = getComputedStyle(e).position;
                if (p === 'absolute' || p === 'fixed') return false; // out of the flow: off screen or over other text
              }
              return r.left >= 0 && r.right <= document.documentElement.clientWidth + 1;
            }
            function ownText(el) {
              return Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
            }
            var steps = document.querySelectorAll('section.step');
            if (!steps.length) problems.push('no steps in the page');
            steps.forEach(function (step) {
              var h = step.querySelector('h1');
              if (!h || !h.textContent.trim() || !readable(h)) problems.push(step.id + ': the heading is not shown');
              // Feedback stays hidden (it would give the answers away) and controls that need scripts are not drawn.
              step.querySelectorAll('.page-body *, .lead, .lessons *, fieldset.question *').forEach(function (el) {
                // A select's options are drawn by the select (checked itself) only when it is opened.
                if (el.closest('[hidden], .needs-js, option') || !(ownText(el) || /^(INPUT|SELECT|IMG|AUDIO)$/.test(el.tagName))) return;
                if (!readable(el)) problems.push(step.id + ': not shown: ' + what(el));
              });
              step.querySelectorAll('fieldset.question').forEach(function (q) {
                if (!readable(q.querySelector('legend'))) problems.push(step.id + ': a question is not shown: ' + what(q));
              });
            });
            return problems;
            """;
    /** Scripts that block the first drawing of the text: neither deferred nor after all the content. */
    private static final String BLOCKING = """
            var all = Array.prototype.slice.call(document.querySelectorAll('*'));
            return Array.prototype.filter.call(document.querySelectorAll('script[src]'), function (s) {
              if (s.defer || s.async) return false;
              return all.slice(all.indexOf(s) + 1).some(function (el) { return el.tagName !== 'SCRIPT' && !!el.closest('body'); });
            }).map(function (s) { return s.outerHTML; });
            """;

    @RegisterExtension
    static final SamplesInBrowser BROWSER = new SamplesInBrowser();

    /** The page's scripts do not run; WebDriver's own (which read the page) still do. */
    @BeforeEach
    void javaScriptOff() {
        BROWSER.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
    }

    @AfterEach
    void javaScriptOn() {
        BROWSER.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }

    static Stream<SamplePackages.Served> packages() {
        return BROWSER.samples().packages().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void everyStepsHeadingLessonTextAndQuestionIsShownWithoutJavaScript(SamplePackages.Served pkg) {
        BROWSER.driver().get(pkg.url());
        assertThat(BROWSER.driver().findElement(By.tagName("html")).getAttribute("class")).as("the runtime did not run").isEqualTo("no-js");
        long steps = (Long) BROWSER.driver().executeScript("return JSON.parse(document.getElementById('pelita-data').textContent).steps.length");
        assertThat(BROWSER.driver().findElements(By.cssSelector("section.step"))).hasSize((int) steps);
        assertThat(BROWSER.driver().findElements(By.cssSelector("fieldset.question"))).isNotEmpty();
        assertThat(unreadable()).isEmpty();
        assertThat(blockingScripts()).isEmpty();
    }

    @Test
    void theWebSitesLanguageListAndCodeEntryAreShownWithoutJavaScript() throws Exception {
        String site = BROWSER.samples().webSite("feature-tour");
        BROWSER.driver().get(site + "index.html");
        assertThat(BROWSER.driver().findElement(By.cssSelector("main h1")).isDisplayed()).isTrue();
        assertThat(BROWSER.driver().findElements(By.cssSelector(".versions a"))).isNotEmpty().allMatch(a -> a.isDisplayed());
        BROWSER.driver().findElement(By.cssSelector(".versions a")).click();
        assertThat(BROWSER.driver().findElement(By.cssSelector("main h1")).isDisplayed()).isTrue();
        assertThat(BROWSER.driver().findElement(By.cssSelector("main .notice")).isDisplayed()).isTrue();
        assertThat(BROWSER.driver().findElement(By.id("code")).isDisplayed()).isTrue();
        assertThat(blockingScripts()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> unreadable() {
        return (List<String>) BROWSER.driver().executeScript(UNREADABLE);
    }

    @SuppressWarnings("unchecked")
    private static List<String> blockingScripts() {
        return (List<String>) BROWSER.driver().executeScript(BLOCKING);
    }
}
