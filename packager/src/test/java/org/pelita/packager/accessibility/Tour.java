package org.pelita.packager.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pelita.packager.testing.Learner;

/**
 * A learner going through any module from its first screen to its summary, stopping at every state a learner sees: each
 * step as shown, each test after it is submitted (the post-test first failed, with its wrong-answer feedback and Take it
 * again, then passed), each practice check after checking wrong answers and after checking right ones. The answers come
 * from the module's answer key in the page (its runtime data); the {@link Hands} decide how they are given: mouse or
 * keyboard.
 */
final class Tour {
    /** How the learner acts on the page. */
    interface Hands {
        /** Presses a button or follows a link. */
        void activate(WebElement control);

        /** Gives this response (in the runtime's SCORM format) to the question in this fieldset. */
        void answer(WebElement fieldset, String kind, List<String> response);
    }

    /** Called at every state the learner sees, with a name for it ("quiz:post-test, submitted"). */
    interface Stop {
        void at(String where);
    }

    private final ChromeDriver driver;
    private final JavascriptExecutor js;
    private final Hands hands;

    Tour(ChromeDriver driver, Hands hands) {
        this.driver = driver;
        this.js = driver;
        this.hands = hands;
    }

    void awaitReady() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return document.documentElement.classList.contains('js') && !!document.querySelector('.step.current')")));
    }

    String step() {
        return (String) js.executeScript("return document.querySelector('.step.current').dataset.step");
    }

    WebElement current(String css) {
        return driver.findElement(By.cssSelector(".step.current " + css));
    }

    /** Walks every step; returns the steps in the order seen, which end with the summary. */
    List<String> walk(Stop stop) {
        awaitReady();
        List<String> seen = new ArrayList<>();
        while (true) {
            String step = step();
            seen.add(step);
            stop.at(step);
            String kind = kind(step);
            if (kind.equals("pre-test")) {
                answerAll(true);
                hands.activate(current("[data-action=submit]"));
                stop.at(step + ", submitted");
            } else if (kind.equals("post-test")) {
                answerAll(false);
                hands.activate(current("[data-action=submit]"));
                stop.at(step + ", submitted and failed");
                hands.activate(current("[data-action=retake]"));
                answerAll(true);
                hands.activate(current("[data-action=submit]"));
                stop.at(step + ", submitted and passed");
            } else if (kind.equals("check")) {
                for (boolean right : new boolean[] {false, true}) {
                    for (WebElement fieldset : fieldsets()) {
                        answer(fieldset, right);
                        hands.activate(fieldset.findElement(By.cssSelector("[data-action=check]")));
                    }
                    stop.at(step + ", checked " + (right ? "right" : "wrong") + " answers");
                }
            }
            if (Boolean.TRUE.equals(js.executeScript("return document.getElementById('pelita-next').hidden"))) {
                break;
            }
            hands.activate(driver.findElement(By.id("pelita-next")));
            assertThat(step()).as("Next on " + step + " moves on").isNotEqualTo(step);
        }
        assertThat(seen).last().isEqualTo("summary");
        assertThat(seen).hasSize(((Number) js.executeScript(
                "return JSON.parse(document.getElementById('pelita-data').textContent).steps.length")).intValue());
        return seen;
    }

    private String kind(String step) {
        return (String) js.executeScript("var key = arguments[0]; return JSON.parse(document.getElementById('pelita-data')"
                + ".textContent).steps.filter(function (s) { return s.key === key; })[0].kind", step);
    }

    private List<WebElement> fieldsets() {
        return driver.findElements(By.cssSelector(".step.current fieldset.question"));
    }

    private void answerAll(boolean right) {
        fieldsets().forEach(fieldset -> answer(fieldset, right));
    }

    /** Answers from the answer key; a wrong answer is one the key does not accept. */
    @SuppressWarnings("unchecked")
    private void answer(WebElement fieldset, boolean right) {
        Map<String, Object> q = (Map<String, Object>) js.executeScript(
                "var data = JSON.parse(document.getElementById('pelita-data').textContent), id = arguments[0].dataset.q;"
                        + "var found = null; Object.keys(data.quizzes).forEach(function (k) { data.quizzes[k].questions"
                        + ".forEach(function (q) { if (q.id === id) found = q; }); }); return found;", fieldset);
        String kind = fieldset.getDomAttribute("data-kind");
        String correct = ((List<String>) q.get("correct")).get(0);
        List<String> response = right ? split(correct) : wrong(fieldset, kind, correct);
        hands.answer(fieldset, kind, response);
    }

    private static List<String> split(String response) {
        return response.isEmpty() ? List.of() : Arrays.asList(response.split(","));
    }

    private List<String> wrong(WebElement fieldset, String kind, String correct) {
        List<String> right = split(correct);
        switch (kind) {
            case "fill-in":
                return List.of("no idea");
            case "matching": {
                List<String> pairs = new ArrayList<>();
                for (WebElement select : fieldset.findElements(By.tagName("select"))) {
                    String source = select.getDomAttribute("data-source");
                    String target = select.findElements(By.cssSelector("option")).stream().map(o -> o.getDomAttribute("value"))
                            .filter(v -> !v.isEmpty() && !right.contains(source + "." + v)).findFirst().orElseThrow();
                    pairs.add(source + "." + target);
                }
                return pairs;
            }
            case "ordering": {
                List<String> reversed = new ArrayList<>(right);
                java.util.Collections.reverse(reversed);
                return reversed;
            }
            default:
                return List.of(fieldset.findElements(By.tagName("input")).stream().map(i -> i.getDomAttribute("value"))
                        .filter(v -> !right.contains(v)).findFirst().orElseThrow());
        }
    }

    /** A learner with a mouse or a finger: scrolls each control to the middle of the screen and clicks it. */
    static final class Mouse implements Hands {
        private final ChromeDriver driver;

        Mouse(ChromeDriver driver) {
            this.driver = driver;
        }

        private void click(WebElement element) {
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
        }

        @Override
        public void activate(WebElement control) {
            click(control);
        }

        @Override
        public void answer(WebElement fieldset, String kind, List<String> response) {
            switch (kind) {
                case "fill-in" -> {
                    WebElement input = fieldset.findElement(By.cssSelector("input[type=text]"));
                    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
                    input.clear();
                    input.sendKeys(String.join(",", response));
                }
                case "matching" -> {
                    for (String pair : response) {
                        WebElement select = fieldset.findElement(By.cssSelector("select[data-source='" + pair.split("\\.")[0] + "']"));
                        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
                        new org.openqa.selenium.support.ui.Select(select).selectByValue(pair.split("\\.")[1]);
                    }
                }
                case "ordering" -> Learner.order(fieldset, response, this::click);
                default -> {
                    for (WebElement input : fieldset.findElements(By.tagName("input"))) {
                        if (input.isSelected() != response.contains(input.getDomAttribute("value"))) {
                            click(input);
                        }
                    }
                }
            }
        }
    }
}
