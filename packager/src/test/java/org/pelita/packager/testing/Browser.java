package org.pelita.packager.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium driven through its own chromedriver (never a download). Where either is missing the test
 * is skipped with a message, except under CI ({@code PELITA_CI=1}), where a missing browser is a failure.
 */
public final class Browser {
    private Browser() {
    }

    public static ChromeDriver start() throws IOException {
        Optional<Path> chromium = executable("PELITA_CHROMIUM", "chromium", "chromium-browser");
        Optional<Path> driver = executable("PELITA_CHROMEDRIVER", "chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            missing("browser tests need Chromium and chromedriver (Debian: apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=360,740", "--user-data-dir=" + TempDirectories.create("pelita-chrome-"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver.get().toString())).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().implicitlyWait(Duration.ZERO);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return chrome;
    }

    /** A tool the test needs is missing: the test is skipped with this message, or fails under CI ({@code PELITA_CI=1}). */
    static void missing(String message) {
        if ("1".equals(System.getenv("PELITA_CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    /** The executable named by the environment variable, else the first of the names found on PATH. */
    static Optional<Path> executable(String variable, String... names) {
        String configured = System.getenv(variable);
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        for (String directory : List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))) {
            for (String name : names) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
