package org.pelita.packager.accessibility;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.pelita.packager.testing.Browser;
import org.pelita.packager.testing.TempDirectories;

/**
 * What every accessibility test class needs for all its tests: the samples built and served ({@link SamplePackages})
 * and one headless Chromium, made before the class's first test and stopped after its last.
 */
final class SamplesInBrowser implements BeforeAllCallback, AfterAllCallback {
    private SamplePackages samples;
    private ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        samples = new SamplePackages(TempDirectories.create("pelita-a11y-"));
        driver = Browser.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
        if (samples != null) {
            samples.close();
        }
    }

    SamplePackages samples() {
        return samples;
    }

    ChromeDriver driver() {
        return driver;
    }
}
