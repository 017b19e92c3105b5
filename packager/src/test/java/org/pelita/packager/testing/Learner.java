package org.pelita.packager.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A learner driving a Pelita page in the browser as a person would, through the keyboard and the mouse: clicking
 * Next, choosing, filling in, matching and ordering answers, checking and submitting quizzes. The journeys
 * ({@link #takeWholeModule(boolean)}) follow the sample module {@code samples/feature-tour}. The driver must already be
 * on the module's page (or in its frame); browser tests add what is particular to their target in a small subclass.
 */
public class Learner {
    protected final ChromeDriver driver;
    protected final JavascriptExecutor js;

    public Learner(ChromeDriver driver) {
        this.driver = driver;
        this.js = driver;
    }

    /** Until the runtime has started: scripts are on and a step is shown. */
    public void awaitReady() {
        awaitReadyWithin(Duration.ofSeconds(10));
    }

    public void awaitReadyWithin(Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return document.documentElement.classList.contains('js') && !!document.querySelector('.step.current')")));
    }

    /** Until the queue is empty: every statement so far has been answered for by the LRS. */
    public void awaitDelivered() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> pending() == 0);
    }

    public long pending() {
        return (Long) js.executeScript("return window.PelitaTracking.pending()");
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> failures() {
        return (List<Map<String, Object>>) js.executeScript("return window.PelitaTracking.failures()");
    }

    public String step() {
        return (String) js.executeScript("return document.querySelector('.step.current').dataset.step");
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Scrolls the element to the middle of the screen first, as a learner would, then clicks it. */
    public void click(WebElement element) {
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** The text of the first element that matches, in the language shown if the page has several. */
    public String text(String css) {
        return (String) js.executeScript("return document.querySelector('.lang:not([hidden]) ' + arguments[0] + ', ' + arguments[0]).textContent", css);
    }

    public void next() {
        find("#pelita-next").click();
    }

    protected WebElement question(String iid) {
        return find(".lang:not([hidden]) fieldset[data-q=" + iid + "]");
    }

    public void choose(String iid, String... values) {
        for (String value : values) {
            click(question(iid).findElement(By.cssSelector("input[value='" + value + "']")));
        }
    }

    public void fill(String iid, String text) {
        WebElement input = question(iid).findElement(By.cssSelector("input[type=text]"));
        input.clear();
        input.sendKeys(text);
    }

    public void match(String iid, String source, String target) {
        WebElement select = question(iid).findElement(By.cssSelector("select[data-source='" + source + "']"));
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
        new Select(select).selectByValue(target);
    }

    /** Puts an ordering question's items in the given order with the Move up buttons, as a learner would. */
    public void order(String iid, List<String> wanted) {
        order(question(iid), wanted, this::click);
    }

    /** The same for a question's fieldset, pressing each Move up button with {@code press}. */
    public static void order(WebElement question, List<String> wanted, Consumer<WebElement> press) {
        for (int position = 0; position < wanted.size(); position++) {
            while (true) {
                List<WebElement> items = question.findElements(By.cssSelector("li"));
                int at = -1;
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).getDomAttribute("data-item").equals(wanted.get(position))) {
                        at = i;
                    }
                }
                if (at <= position) {
                    break;
                }
                press.accept(items.get(at).findElement(By.cssSelector("button[data-move='-1']")));
            }
        }
    }

    public void check(String iid) {
        click(question(iid).findElement(By.cssSelector("[data-action=check]")));
    }

    public void submit(String quiz) {
        click(find(".lang:not([hidden]) form[data-quiz=" + quiz + "] [data-action=submit]"));
    }

    /** Every step from the intro to the summary, answering the post-test right or wrong. */
    public void takeWholeModule(boolean pass) {
        reachPostTest();
        answerPostTest(pass);
        submit("post-test");
        next();
    }

    /** From the intro through the pre-test and the passwords check to the post-test, answering what it meets. */
    public void reachPostTest() {
        assertThat(step()).isEqualTo("intro");
        next();
        choose("pre_test__reuse_password", "f");
        choose("pre_test__second_factor", "b");
        submit("pre-test");
        next();
        next();
        next();
        assertThat(step()).isEqualTo("quiz:passwords-check");
        fill("passwords_check__passphrase_words", "4");
        check("passwords_check__passphrase_words");
        passphraseChecked();
        choose("passwords_check__password_manager", "a", "b");
        check("passwords_check__password_manager");
        next();
        next();
        next();
        assertThat(step()).isEqualTo("quiz:post-test");
    }

    /** Called on the way to the post-test right after the passphrase question was checked; a test may assert here. */
    protected void passphraseChecked() {
    }

    /** Answers every post-test question right or wrong, without submitting. */
    public void answerPostTest(boolean pass) {
        if (pass) {
            choose("post_test__reuse_password", "f");
            match("post_test__factor_kinds", "1", "a");
            match("post_test__factor_kinds", "2", "b");
            match("post_test__factor_kinds", "3", "c");
            order("post_test__setup_order", List.of("a", "b", "c", "d"));
            choose("post_test__sms_codes", "b");
            choose("post_test__backup_codes_place", "f");
        } else {
            choose("post_test__reuse_password", "t");
            match("post_test__factor_kinds", "1", "d");
            match("post_test__factor_kinds", "2", "a");
            match("post_test__factor_kinds", "3", "b");
            order("post_test__setup_order", List.of("d", "c", "b", "a"));
            choose("post_test__sms_codes", "a");
            choose("post_test__backup_codes_place", "t");
        }
    }

    /** Closes the module as a learner closing the tab would: the page is unloaded (pagehide). */
    public void leave() {
        driver.get("about:blank");
    }
}
