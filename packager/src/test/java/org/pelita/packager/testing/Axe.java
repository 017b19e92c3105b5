package org.pelita.packager.testing;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (Deque's accessibility rules engine, from npm) run in the page a test has open. The version is pinned with
 * its integrity hash in src/test/a11y/package-lock.json; {@code npm ci} installs it into target/a11y once per JVM.
 * Where npm is missing the test is skipped with a message, except under CI ({@code PELITA_CI=1}), where it fails.
 *
 * <p>axe is injected with WebDriver's executeScript: the DevTools protocol runs it outside the page's
 * Content-Security-Policy (script-src 'self' would refuse it as a page script), so the pages are tested as they ship.
 */
public final class Axe {
    /** The WCAG 2.0 and 2.1 A and AA rules and axe's best practices. */
    private static final String OPTIONS = "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},"
            + " resultTypes: ['violations']}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private Axe() {
    }

    /** One rule broken on the page, with every element that breaks it. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<Node> nodes) {
        public boolean seriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder().append(impact).append(' ').append(rule).append(": ").append(help)
                    .append(" (").append(helpUrl).append(')');
            for (Node node : nodes) {
                text.append("\n    at ").append(String.join(" > ", node.target())).append("\n       ").append(node.html());
                if (!node.summary().isEmpty()) {
                    text.append("\n       ").append(node.summary().replace("\n", "\n       "));
                }
            }
            return text.toString();
        }
    }

    public record Node(List<String> target, String html, String summary) {
    }

    /** Runs axe on the document the driver is in (its current frame), with the WCAG 2.1 A/AA and best-practice rules. */
    public static List<Violation> run(ChromeDriver driver) {
        return run(driver, OPTIONS);
    }

    /** Runs axe's colour-contrast rule alone (to check a second colour scheme without re-running every rule). */
    public static List<Violation> runContrast(ChromeDriver driver) {
        return run(driver, "{runOnly: {type: 'rule', values: ['color-contrast']}, resultTypes: ['violations']}");
    }

    /** Fails listing every serious or critical violation: its rule, help, and each element's selector and HTML. */
    public static void assertNoSeriousViolations(String where, List<Violation> violations) {
        String report = report(where, violations);
        if (!report.isEmpty()) {
            fail(report);
        }
    }

    /** The serious and critical violations on a page, described for a failure message; empty if there are none. */
    public static String report(String where, List<Violation> violations) {
        List<Violation> serious = violations.stream().filter(Violation::seriousOrCritical).toList();
        if (serious.isEmpty()) {
            return "";
        }
        StringBuilder message = new StringBuilder().append(serious.size()).append(" serious or critical accessibility violation(s) on ")
                .append(where).append(':');
        serious.forEach(v -> message.append("\n  ").append(v));
        return message.toString();
    }

    private static List<Violation> run(ChromeDriver driver, String options) {
        JavascriptExecutor js = driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(source());
        }
        Duration before = driver.manage().timeouts().getScriptTimeout();
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result;
        try {
            result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "axe.run(document, " + options + ").then(function (r) { done(JSON.stringify(r.violations)); },"
                    + " function (e) { done('error: ' + e); });");
        } finally {
            driver.manage().timeouts().scriptTimeout(before);
        }
        String text = String.valueOf(result);
        if (!text.startsWith("[")) {
            throw new IllegalStateException("axe did not run: " + text);
        }
        try {
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : JSON.readTree(text)) {
                List<Node> nodes = new ArrayList<>();
                for (JsonNode n : v.path("nodes")) {
                    List<String> target = new ArrayList<>();
                    n.path("target").forEach(t -> target.add(t.isTextual() ? t.asText() : t.toString()));
                    nodes.add(new Node(target, n.path("html").asText(), n.path("failureSummary").asText()));
                }
                violations.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(),
                        v.path("helpUrl").asText(), nodes));
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe.min.js, installed with npm ci from the lock file when it is absent or the lock changed. */
    private static synchronized String source() {
        if (source == null) {
            try {
                Path script = install();
                source = Files.readString(script, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    private static Path install() throws IOException {
        Path from = Repository.root().resolve("packager/src/test/a11y");
        Path to = Repository.root().resolve("packager/target/a11y");
        Path script = to.resolve("node_modules/axe-core/axe.min.js");
        Files.createDirectories(to);
        boolean lockChanged = !Files.exists(to.resolve("package-lock.json"))
                || !Arrays.equals(Files.readAllBytes(from.resolve("package-lock.json")), Files.readAllBytes(to.resolve("package-lock.json")));
        if (Files.isRegularFile(script) && !lockChanged) {
            return script;
        }
        Optional<Path> npm = Browser.executable("PELITA_NPM", "npm");
        if (npm.isEmpty()) {
            Browser.missing("accessibility tests need npm to install axe-core (Debian: apt-get install npm)");
        }
        for (String name : List.of("package.json", "package-lock.json")) {
            Files.copy(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = to.resolve("npm-ci.log");
        Process process = new ProcessBuilder(npm.get().toString(), "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                .directory(to.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                Browser.missing("npm ci for axe-core did not finish in 5 minutes (is the npm registry reachable?); see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(script)) {
            Files.deleteIfExists(to.resolve("package-lock.json"));
            Browser.missing("npm ci for axe-core failed (is the npm registry reachable?):\n" + Files.readString(log));
        }
        return script;
    }
}
