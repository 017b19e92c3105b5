package org.pelita.packager.accessibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A learner with a keyboard only: every key goes to the focused element (Tab, Shift+Tab, Enter, Space, arrows, typing),
 * nothing is clicked and nothing is focused by script. After every key the focus must be somewhere (never the page's
 * body) and visible: an outline or a shadow with at least 3:1 contrast against the page (WCAG 2.4.7, 1.4.11), not
 * hidden under something else such as the sticky step bar.
 */
final class Keyboard implements Tour.Hands {
    /** Where the focus is, or what is wrong with it; reading the page only. */
    private static final String FOCUS = """
            var a = document.activeElement;
            if (!a || a === document.body || a === document.documentElement) return 'the focus is lost to the page body';
            var what = a.outerHTML.slice(0, 160);
            var s = getComputedStyle(a);
            var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            if (!outline && (!s.boxShadow || s.boxShadow === 'none')) return 'no visible focus indicator on ' + what;
            function luminance(css) {
              var c = css.match(/[\\d.]+/g).slice(0, 3).map(function (v) {
                v = v / 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
            }
            if (outline) {
              var l1 = luminance(s.outlineColor), l2 = luminance(getComputedStyle(document.body).backgroundColor);
              var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              if (ratio < 3) return 'the focus outline ' + s.outlineColor + ' has contrast ' + ratio.toFixed(2) + ':1 with the page on ' + what;
            }
            var r = a.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) return 'the focused element has no size: ' + what;
            var x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + Math.min(r.height / 2, 10), 0), innerHeight - 1);
            var hit = document.elementFromPoint(x, y);
            if (!hit || !(a.contains(hit) || hit.contains(a) || (a.labels && Array.prototype.some.call(a.labels, function (l) { return l.contains(hit); }))))
              return 'the focused element is covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing (out of view)') + ': ' + what;
            return '';
            """;
    /** 1 to Tab forward to reach the target, -1 to Shift+Tab back, 0 once the focus is on it or inside it. */
    private static final String DIRECTION = """
            var t = arguments[0], a = document.activeElement;
            if (t === a || t.contains(a)) return 0;
            return t.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1;
            """;

    /** 0 once a radio of the fieldset has the focus; else which way to Tab (a radio group is one stop, entered at any radio). */
    private static final String RADIO_DIRECTION = """
            var f = arguments[0], a = document.activeElement, first = f.querySelector('input[type=radio]');
            if (a && a.type === 'radio' && f.contains(a)) return 0;
            return first.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1;
            """;

    private final ChromeDriver driver;
    private int presses;

    Keyboard(ChromeDriver driver) {
        this.driver = driver;
    }

    int presses() {
        return presses;
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Sends keys to the focused element, then checks that the focus is still somewhere visible. */
    void press(CharSequence... keys) {
        focused().sendKeys(keys);
        presses++;
        String problem = (String) driver.executeScript(FOCUS);
        if (!problem.isEmpty()) {
            fail("on " + driver.executeScript("var s = document.querySelector('.step.current'); return s ? s.dataset.step : location.pathname")
                    + ", after " + String.join("", keys).codePoints().mapToObj(Keyboard::name).toList() + ": " + problem);
        }
    }

    private static String name(int key) {
        for (Keys k : Keys.values()) {
            if (k.charAt(0) == key) {
                return k.name();
            }
        }
        return Character.toString(key);
    }

    /** Tabs forwards or backwards until the focus is on the target or inside it (a radio group's fieldset). */
    void tabTo(WebElement target) {
        tabUntil(DIRECTION, target, () -> target.getDomProperty("outerHTML"));
    }

    /** Tab or Shift+Tab, as the script says (1, -1; 0 once there), until there: never more than 200 presses. */
    private void tabUntil(String direction, WebElement target, Supplier<String> what) {
        for (int i = 0; i < 200; i++) {
            long way = (Long) driver.executeScript(direction, target);
            if (way == 0) {
                return;
            }
            press(way > 0 ? Keys.TAB : Keys.chord(Keys.SHIFT, Keys.TAB));
        }
        fail("Tab never reaches " + what.get());
    }

    /**
     * Into the fieldset's radio group. Not {@link #tabTo} the fieldset: coming back from below, Shift+Tab would stop
     * on the fieldset's own Check answer button (a check quiz), which is inside it too.
     */
    void tabToRadios(WebElement fieldset) {
        tabUntil(RADIO_DIRECTION, fieldset, () -> "the choices of " + fieldset.getDomAttribute("data-q"));
    }

    @Override
    public void activate(WebElement control) {
        tabTo(control);
        press(Keys.ENTER);
    }

    @Override
    public void answer(WebElement fieldset, String kind, List<String> response) {
        switch (kind) {
            case "fill-in" -> {
                tabTo(fieldset.findElement(By.cssSelector("input[type=text]")));
                press(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
                press(String.join(",", response));
            }
            case "matching" -> {
                for (String pair : response) {
                    WebElement select = fieldset.findElement(By.cssSelector("select[data-source='" + pair.split("\\.")[0] + "']"));
                    tabTo(select);
                    List<String> values = select.findElements(By.tagName("option")).stream().map(o -> o.getDomAttribute("value")).toList();
                    int from = values.indexOf(select.getDomProperty("value")), to = values.indexOf(pair.split("\\.")[1]);
                    for (int i = 0; i < Math.abs(to - from); i++) {
                        press(to > from ? Keys.ARROW_DOWN : Keys.ARROW_UP);
                    }
                    assertThat(select.getDomProperty("value")).as("the arrow keys choose in a select").isEqualTo(pair.split("\\.")[1]);
                }
            }
            case "ordering" -> {
                for (int position = 0; position < response.size(); position++) {
                    String item = response.get(position);
                    for (int guard = 0; position(fieldset, item) > position && guard < 20; guard++) {
                        WebElement up = fieldset.findElement(By.cssSelector("li[data-item='" + item + "'] button[data-move='-1']"));
                        if (!up.equals(focused())) {
                            tabTo(up);
                        }
                        press(Keys.ENTER);
                    }
                    assertThat(position(fieldset, item)).as("Move up puts the item in place").isEqualTo(position);
                }
            }
            case "multiple" -> {
                for (WebElement box : fieldset.findElements(By.cssSelector("input[type=checkbox]"))) {
                    if (box.isSelected() != response.contains(box.getDomAttribute("value"))) {
                        tabTo(box);
                        press(Keys.SPACE);
                    }
                }
            }
            default -> { // one radio group: Tab into it, Space checks the focused one, the arrows move and check
                tabToRadios(fieldset);
                String wanted = response.get(0);
                if (focused().getDomAttribute("value").equals(wanted)) {
                    press(Keys.SPACE);
                }
                List<WebElement> radios = fieldset.findElements(By.cssSelector("input[type=radio]"));
                for (int i = 0; i < radios.size() && !checked(fieldset).equals(wanted); i++) {
                    press(Keys.ARROW_DOWN);
                }
                assertThat(checked(fieldset)).isEqualTo(wanted);
            }
        }
    }

    private static String checked(WebElement fieldset) {
        return fieldset.findElements(By.cssSelector("input:checked")).stream().map(i -> i.getDomAttribute("value")).findFirst().orElse("");
    }

    private static int position(WebElement fieldset, String item) {
        List<WebElement> items = fieldset.findElements(By.tagName("li"));
        for (int i = 0; i < items.size(); i++) {
            if (item.equals(items.get(i).getDomAttribute("data-item"))) {
                return i;
            }
        }
        return -1;
    }
}
