package org.pelita.packager.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The strict SCORM 1.2 test LMS page (test resources, scorm12-lms/lms.html) driven from a test: it launches a SCO in its
 * frame "sco", and reads what the SCO stored and every API call it made. The driver stays in the SCO's frame between
 * calls, so a {@link Learner} can act on the module.
 */
public final class ScormTestLms {
    private final ChromeDriver driver;
    private final JavascriptExecutor js;
    private boolean inFrame;

    public ScormTestLms(ChromeDriver driver) {
        this.driver = driver;
        this.js = driver;
    }

    /** Opens the LMS page (a new LMS: nothing stored). */
    public void open(String url) {
        driver.switchTo().defaultContent();
        inFrame = false;
        driver.get(url);
    }

    /** Launches the SCO at this path in the LMS's frame (the LMS keeps what earlier launches stored) and enters the frame. */
    public void launch(String path) {
        driver.switchTo().defaultContent();
        js.executeScript("lms.launch(arguments[0])", path);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> ((JavascriptExecutor) d).executeScript(
                "var f = document.getElementById('sco'); return f.contentDocument && f.contentDocument.readyState === 'complete'"
                        + " && f.contentWindow.location.pathname === arguments[0]", path));
        driver.switchTo().frame("sco");
        inFrame = true;
    }

    /** The learner closes the module: the frame is unloaded, and this waits until the SCO has finished. */
    public void unload() {
        driver.switchTo().defaultContent();
        inFrame = false;
        js.executeScript("document.getElementById('sco').src = 'about:blank'");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                js.executeScript("return lms.state().finished")));
    }

    /** Evaluates an expression in the LMS's page, then returns to the SCO's frame if the driver was in it. */
    public Object call(String expression) {
        driver.switchTo().defaultContent();
        Object result = js.executeScript("return " + expression);
        if (inFrame) {
            driver.switchTo().frame("sco");
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> store() {
        return (Map<String, Object>) call("lms.store()");
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> interactions() {
        return (List<Map<String, Object>>) call("lms.interactions()");
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> errors() {
        return (List<Map<String, Object>>) call("lms.errors()");
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> log() {
        return (List<Map<String, Object>>) call("lms.log()");
    }
}
