package org.pelita.packager.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.pelita.packager.Packager;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.definition.ModuleLoader;
import org.pelita.packager.model.Module;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.scorm12.Scorm12Target;
import org.pelita.packager.testing.Browser;
import org.pelita.packager.testing.Learner;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.TestServer;
import org.pelita.packager.testing.Zips;

/**
 * A benchmark, not a test (docs/benchmarks.md, "Low bandwidth"): opens each sample's SCORM 1.2 package in each language
 * in headless Chromium on throttled links and prints when its text is painted and when its scripts have run. It shows
 * that a learner on a slow link reads the first screen before the runtime has loaded. Run it with
 * {@code mvn -B -pl packager test -Dtest=SlowLinkBench -Dpelita.bench=slow-link -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "pelita.bench", matches = "slow-link")
class SlowLinkBench {
    /** WebPageTest's connection profiles: download and upload in kbit/s, round-trip time in ms. */
    record Link(String name, int downKbps, int upKbps, int rttMs) {
    }

    private static final List<Link> LINKS = List.of(new Link("2G", 280, 256, 800), new Link("3G slow", 400, 400, 400));
    private static final int RUNS = 3;

    @TempDir
    Path work;

    @Test
    void printTimesToFirstTextAndToScriptsOnSlowLinks() throws Exception {
        ChromeDriver driver = Browser.start();
        try (TestServer server = new TestServer()) {
            System.out.printf("%-18s %-4s %-8s %9s %9s %9s %9s %9s  %s%n", "sample", "lang", "link", "bytes", "FCP ms", "LCP ms",
                    "DCL ms", "ready ms", "text before scripts");
            for (Path sample : Repository.samples()) {
                Module module = new ModuleLoader().load(sample).module();
                for (String language : module.languages()) {
                    Path zip = new Packager().build(sample, new Scorm12Target(),
                            new BuildOptions(LanguageMode.ONE, Optional.of(language), UnitLayout.SINGLE),
                            Files.createTempDirectory(work, "out")).packages().get(0);
                    String prefix = module.id() + "-" + language;
                    server.mount(prefix, Zips.extract(zip, Files.createTempDirectory(work, prefix)));
                    for (Link link : LINKS) {
                        List<Map<String, Object>> runs = new ArrayList<>();
                        for (int i = 0; i < RUNS; i++) {
                            runs.add(measure(driver, server.url("/" + prefix + "/index.html"), link));
                        }
                        runs.sort(Comparator.comparingDouble(r -> ((Number) r.get("lcp")).doubleValue()));
                        Map<String, Object> median = runs.get(RUNS / 2);
                        double lcp = number(median, "lcp");
                        double dcl = number(median, "dcl");
                        System.out.printf("%-18s %-4s %-8s %,9d %,9.0f %,9.0f %,9.0f %,9.0f  %s%n", module.id(), language, link.name(),
                                (long) number(median, "bytes"), number(median, "fcp"), lcp, dcl, number(median, "ready"),
                                lcp < dcl ? "yes" : "no");
                    }
                }
            }
        } finally {
            driver.quit();
        }
    }

    private static double number(Map<String, Object> run, String key) {
        return ((Number) run.get(key)).doubleValue();
    }

    /** One cold load: cache off, the link throttled, then the page's own performance entries. */
    private static Map<String, Object> measure(ChromeDriver driver, String url, Link link) {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", link.rttMs(),
                "downloadThroughput", link.downKbps() * 1000 / 8, "uploadThroughput", link.upKbps() * 1000 / 8));
        driver.get(url);
        new Learner(driver).awaitReadyWithin(java.time.Duration.ofSeconds(60));
        double ready = ((Number) driver.executeScript("return performance.now()")).doubleValue();
        @SuppressWarnings("unchecked")
        Map<String, Object> entries = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                new PerformanceObserver(list => {
                  const nav = performance.getEntriesByType('navigation')[0];
                  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                  const bytes = [nav, ...performance.getEntriesByType('resource')].reduce((sum, e) => sum + e.transferSize, 0);
                  done({fcp: fcp ? fcp.startTime : -1, lcp: list.getEntries().at(-1).startTime,
                        dcl: nav.domContentLoadedEventEnd, bytes: bytes});
                }).observe({type: 'largest-contentful-paint', buffered: true});
                """);
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        Map<String, Object> run = new java.util.HashMap<>(entries);
        run.put("ready", ready);
        return run;
    }
}
