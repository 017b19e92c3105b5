package org.pelita.packager.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pelita.packager.testing.Axe;

/**
 * The generated pages pass axe-core's WCAG 2.1 A/AA and best-practice rules with no serious or critical violation, on
 * every state a learner sees (each step; the tests before and after submitting; the checks with their feedback; the
 * summary), in light and dark mode (prefers-color-scheme; colour contrast differs), for every sample module and the web
 * target's language list and code entry.
 */
class AxeTest {
    @RegisterExtension
    static final SamplesInBrowser BROWSER = new SamplesInBrowser();

    static Stream<SamplePackages.Served> packages() {
        return BROWSER.samples().packages().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void everyStateOfEverySampleHasNoSeriousAxeViolationInLightOrDarkMode(SamplePackages.Served pkg) {
        BROWSER.driver().get(pkg.url());
        List<String> reports = new ArrayList<>();
        new Tour(BROWSER.driver(), new Tour.Mouse(BROWSER.driver())).walk(where -> reports.add(check(pkg + ", " + where)));
        assertThat(String.join("\n", reports).trim()).isEmpty();
    }

    @Test
    void theWebSitesLanguageListAndCodeEntryHaveNoSeriousAxeViolationInLightOrDarkMode() throws Exception {
        String site = BROWSER.samples().webSite("feature-tour");
        List<String> reports = new ArrayList<>();
        BROWSER.driver().get(site + "index.html");
        reports.add(check("web index.html"));
        BROWSER.driver().findElement(By.cssSelector(".versions a")).click();
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id("code")).isDisplayed());
        BROWSER.driver().executeScript("localStorage.clear()");
        BROWSER.driver().navigate().refresh();
        reports.add(check("web start page, code entry"));
        WebElement code = BROWSER.driver().findElement(By.id("code"));
        code.sendKeys("someone@example.org");
        BROWSER.driver().findElement(By.cssSelector("#code-form button[type=submit]")).click();
        assertThat(BROWSER.driver().findElement(By.id("code-error")).isDisplayed()).isTrue();
        reports.add(check("web start page, an e-mail address refused"));
        BROWSER.driver().executeScript("localStorage.setItem('pelita-web:code', 'owl-42')");
        BROWSER.driver().navigate().refresh();
        assertThat(BROWSER.driver().findElement(By.id("code-known")).isDisplayed()).isTrue();
        reports.add(check("web start page, a code remembered"));
        assertThat(String.join("\n", reports).trim()).isEmpty();
    }

    @Test
    void axeReportsWhatIsWrongAndWhere() {
        BROWSER.driver().get("data:text/html,<html lang=en><title>t</title><main><p style='color:%23bbb'>faint text</p>"
                + "<img id=photo src=x.png></main></html>");
        String report = Axe.report("a broken page", Axe.run(BROWSER.driver()));
        assertThat(report).contains("serious color-contrast", "faint text", "critical image-alt", "#photo",
                "https://dequeuniversity.com/rules/axe/");
    }

    /** axe's rules in light mode, then its colour-contrast rule in dark mode; the report of serious violations. */
    private static String check(String where) {
        List<Axe.Violation> all = Axe.run(BROWSER.driver());
        // Moderate and minor findings do not fail the build (they include authors' own Markdown, e.g. a skipped heading
        // level), but they are shown.
        all.stream().filter(v -> !v.seriousOrCritical()).forEach(v -> System.out.println("axe, not failing, on " + where + ": " + v));
        String light = Axe.report(where + " (light)", all);
        scheme("dark");
        try {
            return (light + "\n" + Axe.report(where + " (dark)", Axe.runContrast(BROWSER.driver()))).trim();
        } finally {
            scheme("light");
        }
    }

    private static void scheme(String scheme) {
        BROWSER.driver().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        assertThat(BROWSER.driver().executeScript("return matchMedia('(prefers-color-scheme: " + scheme + ")').matches")).isEqualTo(true);
    }
}
