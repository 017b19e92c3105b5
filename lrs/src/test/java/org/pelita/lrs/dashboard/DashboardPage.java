package org.pelita.lrs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard as a test drives it: signing in by keyboard, reading tables, checking that charts were drawn, CSV. */
final class DashboardPage {
    /** --series-1 in dashboard.css: every chart draws some of it. */
    static final int SERIES_1 = 0x0b6e99;

    private final ChromeDriver driver;
    private final String base;

    DashboardPage(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Opens /dashboard (which redirects to /dashboard/) in a tab that remembers no credential. */
    DashboardPage open() {
        // Forget the tab's credential from a page of the same origin that runs no script (a 404), so no sign-in of
        // the dashboard's is under way to store it again.
        driver.get(base + "/dashboard/nothing-here");
        js("sessionStorage.clear()");
        driver.get(base + "/dashboard");
        waitFor("the sign-in form", () -> driver.findElement(By.id("sign-in")).isDisplayed());
        driver.manage().logs().get(LogType.BROWSER); // forget earlier pages' messages
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Signs in with the keyboard only: the page focuses the key field; Tab to the secret, Enter submits. */
    void signIn(String key, String secret) {
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getAttribute("id")).as("the key field has focus").isEqualTo("key");
        focused.sendKeys(key, Keys.TAB);
        driver.switchTo().activeElement().sendKeys(secret, Keys.ENTER);
    }

    /** Waits for the sign-in to fail; the message shown. */
    String signInError() {
        waitFor("a sign-in error", () -> driver.findElement(By.id("sign-in-error")).isDisplayed());
        return driver.findElement(By.id("sign-in-error")).getText();
    }

    /** Waits until the reports are shown and no longer loading. */
    void waitForReports() {
        waitFor("the reports", () -> driver.findElement(By.id("reports")).isDisplayed()
                && "false".equals(driver.findElement(By.id("reports")).getAttribute("aria-busy")));
    }

    String storedAuthorization() {
        return (String) js("return sessionStorage.getItem('pelita.dashboard.authorization')");
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        waitFor("the sign-in form", () -> driver.findElement(By.id("sign-in")).isDisplayed());
    }

    /** The rows of the table with this caption in a report (the cells' texts, the row header first). */
    @SuppressWarnings("unchecked")
    List<List<String>> table(String report, String caption) {
        return (List<List<String>>) js("""
                const table = [...document.querySelectorAll('#' + arguments[0] + ' table')]
                    .find(t => t.caption && t.caption.textContent === arguments[1]);
                if (!table) { return null; }
                return [...table.tBodies[0].rows].map(r => [...r.cells].map(c => c.innerText.replace(/\\s+/g, ' ').trim()));
                """, report, caption);
    }

    /** The cell of the table's row whose header starts with rowHeader, at column (0 = the row header). */
    String cell(String report, String caption, String rowHeader, int column) {
        List<List<String>> rows = table(report, caption);
        assertThat(rows).as("table '%s' in %s", caption, report).isNotNull();
        return rows.stream().filter(r -> r.get(0).startsWith(rowHeader)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + rowHeader + " in " + rows)).get(column);
    }

    boolean emptyShown(String report) {
        return driver.findElement(By.cssSelector("#" + report + " .empty")).isDisplayed();
    }

    String error(String report) {
        WebElement error = driver.findElement(By.cssSelector("#" + report + " .error"));
        return error.isDisplayed() ? error.getText() : "";
    }

    void filter(String name, String value) {
        WebElement field = driver.findElement(By.id("f-" + name));
        if ("select".equals(field.getTagName())) {
            new Select(field).selectByValue(value);
        } else if ("date".equals(field.getAttribute("type"))) {
            // Typing into a date field depends on the browser's locale: set the ISO value as a date picker would.
            js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", field, value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
    }

    /** Ticks or clears "Compare versions" (by=version). */
    void compareVersions(boolean on) {
        WebElement box = driver.findElement(By.id("f-by"));
        if (box.isSelected() != on) {
            box.click();
        }
    }

        /** Applies the filters and waits for the reports to load again. */
    void apply() {
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        waitForReports();
    }

    void chooseQuiz(String quizId) {
        new Select(driver.findElement(By.id("quiz"))).selectByValue(quizId);
    }

    List<WebElement> charts(String report) {
        return driver.findElements(By.cssSelector("#" + report + " .chart canvas"));
    }

    /**
     * The screenshot check: each chart's canvas, as Chromium rendered it on the page, has more than 1% of its pixels
     * differing from its background (its most common colour), and more than 0.5% in the first series' colour (the
     * bars or boxes themselves, not only axes). Returns how many charts were checked.
     */
    int assertChartsDrawn(String report) {
        List<WebElement> canvases = charts(report);
        for (WebElement canvas : canvases) {
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
            byte[] png = canvas.getScreenshotAs(OutputType.BYTES);
            keep(report + "-" + canvases.indexOf(canvas), png);
            BufferedImage image = image(png);
            assertThat(image.getWidth() * image.getHeight()).as("%s chart size", report).isGreaterThan(200 * 100);
            assertThat(nonBackgroundShare(image)).as("share of non-background pixels in a %s chart", report).isGreaterThan(0.01);
            assertThat(colourShare(image, SERIES_1)).as("share of bar-coloured pixels in a %s chart", report).isGreaterThan(0.005);
        }
        return canvases.size();
    }

    /** With -Dpelita.screenshots=<folder>, the charts' screenshots are kept there to look at. */
    private void keep(String name, byte[] png) {
        String folder = System.getProperty("pelita.screenshots");
        if (folder != null) {
            try {
                Path file = Path.of(folder, driver.manage().window().getSize().getWidth() + "-" + name + ".png");
                Files.createDirectories(file.getParent());
                Files.write(file, png);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static BufferedImage image(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double nonBackgroundShare(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int pixel : pixels) {
            counts.merge(pixel & 0xffffff, 1, Integer::sum);
        }
        int background = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long different = 0;
        for (int pixel : pixels) {
            if (distance(pixel, background) > 24) {
                different++;
            }
        }
        return different / (double) pixels.length;
    }

    static double colourShare(BufferedImage image, int colour) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        long close = 0;
        for (int pixel : pixels) {
            if (distance(pixel, colour) <= 24) {
                close++;
            }
        }
        return close / (double) pixels.length;
    }

    private static int distance(int a, int b) {
        int red = Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff));
        int green = Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff));
        int blue = Math.abs((a & 0xff) - (b & 0xff));
        return Math.max(red, Math.max(green, blue));
    }

    /** A downloaded CSV: the file name the page gave it and its text. */
    record Csv(String fileName, String text) {
    }

    /**
     * Clicks a report's "Download CSV" and catches the file on its way out: the blob the page made (its text) and the
     * name on the link it clicked (the download itself is stopped, so nothing lands in a downloads folder).
     */
    @SuppressWarnings("unchecked")
    Csv downloadCsv(String report) {
        js("""
                window.caughtCsv = {};
                const make = URL.createObjectURL;
                URL.createObjectURL = blob => {
                  blob.text().then(text => { window.caughtCsv.text = text; });
                  return make.call(URL, blob);
                };
                document.addEventListener('click', event => {
                  if (event.target.tagName === 'A' && event.target.hasAttribute('download')) {
                    window.caughtCsv.fileName = event.target.getAttribute('download');
                    event.preventDefault();
                  }
                }, true);
                """);
        driver.findElement(By.cssSelector("#" + report + " button.csv")).click();
        waitFor("the CSV of " + report, () -> js("return window.caughtCsv.text !== undefined && window.caughtCsv.fileName !== undefined")
                .equals(Boolean.TRUE));
        Map<String, Object> caught = (Map<String, Object>) js("return window.caughtCsv");
        return new Csv((String) caught.get("fileName"), (String) caught.get("text"));
    }

    /** The elements that stick out to the right of the window (making the whole page scroll sideways), if any. */
    @SuppressWarnings("unchecked")
    List<String> widerThanTheWindow() {
        return (List<String>) js("""
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) { return []; }
                return [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > width + 0.5 && !e.closest('.table-wrap table'))
                  .map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '')
                    + ' right=' + Math.round(e.getBoundingClientRect().right));
                """);
    }

    /** The browser console's messages about the Content Security Policy or uncaught errors since the page opened. */
    List<String> scriptProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("TypeError")).toList();
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    void waitFor(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .withMessage(() -> "waiting for " + what + "; the page shows: " + js("return document.body.innerText"))
                .until(d -> condition.getAsBoolean());
    }
}
