package org.pelita.packager.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pelita.packager.testing.Repository;

/**
 * Text stays usable when it is made bigger (WCAG 1.4.4 Resize text, 1.4.10 Reflow): at 200% zoom of a 1280×800 window
 * (640×400 CSS px), at the reflow width of 320 CSS px, and with the browser's text size at 200% (what phones' text-size
 * settings do; it works only because the CSS sizes text in rem and em, never px). On every state a learner sees, the page
 * never scrolls sideways, no text is clipped, runs out of its box or lies under other content, the quick exit and the
 * Previous and Next buttons are on screen and not covered, and the module can be completed.
 */
class ZoomTest {
    /** What is wrong with the layout as shown; empty when nothing is. Reads the page, changes only its scroll position. */
    private static final String LAYOUT = """
            var problems = [], doc = document.documentElement;
            function what(el) { return el.outerHTML.slice(0, 100).replace(/\\s+/g, ' '); }
            function visible(el) { return el.checkVisibility({visibilityProperty: true}); } // false inside a closed <details> too
            function scrolls(el) { var o = getComputedStyle(el).overflowX; return o === 'auto' || o === 'scroll'; }
            if (doc.scrollWidth > doc.clientWidth) problems.push('the page scrolls sideways: ' + doc.scrollWidth + ' CSS px in ' + doc.clientWidth);
            var offenders = [];
            document.body.querySelectorAll('*').forEach(function (el) {
              if (!visible(el) || !el.textContent.trim() || /^(SELECT|OPTION|INPUT|TEXTAREA|PROGRESS|AUDIO|VIDEO|SCRIPT)$/.test(el.tagName)) return;
              var s = getComputedStyle(el);
              if (s.display === 'inline' || s.display === 'contents') return;
              var box = el.parentElement;
              while (box && !scrolls(box)) box = box.parentElement;
              if (box) return; // inside a scroll container: checked as the container below
              if (scrolls(el)) {
                if (el.scrollWidth > el.clientWidth + 1 && el.tabIndex < 0 && !el.querySelector('a[href], button, input, select, [tabindex]'))
                  problems.push('this scrolls sideways but the keyboard cannot reach it to scroll: ' + what(el));
                return;
              }
              var clipsY = s.overflowY !== 'visible';
              if (el.scrollWidth > el.clientWidth + 1 || (clipsY && el.scrollHeight > el.clientHeight + 1)) offenders.push(el);
            });
            offenders.filter(function (el) { return !offenders.some(function (o) { return o !== el && el.contains(o); }); })
              .forEach(function (el) {
                var right = el.getBoundingClientRect().right, out = Array.prototype.filter.call(el.querySelectorAll('*'),
                  function (d) { return d.getBoundingClientRect().right > right + 1; }).slice(0, 2).map(what);
                problems.push('text runs out of its box (' + el.scrollWidth + ' > ' + el.clientWidth + ' CSS px): ' + what(el)
                  + (out.length ? '; what sticks out: ' + out.join(', ') : ''));
              });
            // Text under other content: look at every line of text, one screen at a time, above the sticky step bar.
            var nav = document.getElementById('pelita-nav'), covered = {};
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), texts = [];
            while (walker.nextNode()) if (walker.currentNode.textContent.trim() && visible(walker.currentNode.parentElement)) texts.push(walker.currentNode);
            for (var y = 0; ; y += Math.max(50, innerHeight - 120)) {
              scrollTo(0, y);
              var bar = nav && visible(nav) ? nav.getBoundingClientRect().top : innerHeight;
              texts.forEach(function (node) {
                var range = document.createRange(), parent = node.parentElement;
                range.selectNodeContents(node);
                Array.prototype.forEach.call(range.getClientRects(), function (r) {
                  var x = r.left + r.width / 2, cy = r.top + r.height / 2;
                  // Lines partly under the sticky bar are scrolled there, not covered.
                  if (r.width < 1 || x < 0 || x >= innerWidth || r.top < 0 || r.bottom > (nav && nav.contains(parent) ? innerHeight : bar)) return;
                  var hit = document.elementFromPoint(x, cy);
                  if (hit && !parent.contains(hit) && !hit.contains(parent) && !covered[what(parent)]) {
                    covered[what(parent)] = 1;
                    problems.push('"' + node.textContent.trim().slice(0, 40) + '" lies under ' + what(hit));
                  }
                });
              });
              if (y + innerHeight >= doc.scrollHeight) break;
            }
            scrollTo(0, 0);
            // The controls: the quick exit at the top of each step, Previous and Next always.
            ['pelita-exit', 'pelita-prev', 'pelita-next'].forEach(function (id) {
              var el = document.getElementById(id);
              if (!el || !visible(el)) return;
              var r = el.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) problems.push('#' + id + ' is off screen');
              else if (!hit || !el.contains(hit)) problems.push('#' + id + ' is covered by ' + (hit ? what(hit) : 'nothing'));
              else if (el.scrollWidth > el.clientWidth + 1) problems.push('the text of #' + id + ' is clipped');
            });
            return problems;
            """;

    @RegisterExtension
    static final SamplesInBrowser BROWSER = new SamplesInBrowser();

    @AfterEach
    void normalSizes() {
        BROWSER.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        BROWSER.driver().executeCdpCommand("Page.setFontSizes", Map.of("fontSizes", Map.of("standard", 16, "fixed", 13)));
    }

    /** The sizes a learner may use: a window at 200% zoom, the reflow width, a phone with its text size at 200%. */
    enum View {
        ZOOM_200("200% zoom of 1280×800", 640, 400, 16),
        REFLOW_320("320 CSS px wide", 320, 256, 16),
        TEXT_200("a phone with text at 200%", 360, 740, 32);

        final String label;
        final int width;
        final int height;
        final int textSize;

        View(String label, int width, int height, int textSize) {
            this.label = label;
            this.width = width;
            this.height = height;
            this.textSize = textSize;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * Each sample's first language in every view; its other language (another script) where layouts are tightest: 320 px
     * and 200% text (the 640 px view is wider and taller than the 320 px one). This keeps the test's time in CI down.
     */
    static Stream<Arguments> packagesAndViews() {
        return BROWSER.samples().packages().stream().flatMap(p -> Stream.of(View.values())
                .filter(v -> p.firstLanguage() || v != View.ZOOM_200).map(v -> Arguments.of(p, v)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("packagesAndViews")
    void textStaysUsableOnEveryStepAndTheModuleCanBeCompleted(SamplePackages.Served pkg, View view) {
        BROWSER.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", view.width, "height", view.height, "deviceScaleFactor", 2, "mobile", false));
        BROWSER.driver().executeCdpCommand("Page.setFontSizes", Map.of("fontSizes", Map.of("standard", view.textSize, "fixed", view.textSize * 13 / 16)));
        BROWSER.driver().get(pkg.url());
        assertThat(((Number) BROWSER.driver().executeScript("return parseFloat(getComputedStyle(document.body).fontSize)")).doubleValue())
                .as("the body text follows the browser's text size").isEqualTo(17.0 * view.textSize / 16);
        List<String> problems = new ArrayList<>();
        Tour tour = new Tour(BROWSER.driver(), new Tour.Mouse(BROWSER.driver()));
        List<String> seen = tour.walk(where -> {
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) BROWSER.driver().executeScript(LAYOUT);
            found.forEach(problem -> problems.add(where + ": " + problem));
            if (where.equals("quiz:pre-test")) {
                previousAndBack(tour, where);
            }
        });
        assertThat(problems).as(pkg + " at " + view).isEmpty();
        assertThat(seen).last().isEqualTo("summary");
    }

    /** Previous works at this size too (Next is pressed on every step). */
    private static void previousAndBack(Tour tour, String step) {
        WebElement previous = BROWSER.driver().findElement(By.id("pelita-prev"));
        previous.click();
        assertThat(tour.step()).isNotEqualTo(step);
        BROWSER.driver().findElement(By.id("pelita-next")).click();
        assertThat(tour.step()).isEqualTo(step);
    }

    @Test
    void theStylesheetSizesTextInRemAndEmSoTheBrowsersTextSizeApplies() throws Exception {
        String css = Files.readString(Repository.root().resolve("packager/src/main/resources/org/pelita/packager/runtime/pelita.css"));
        Matcher sizes = Pattern.compile("font(?:-size)?\\s*:[^;}]*?\\d+(?:\\.\\d+)?(px|pt)\\b").matcher(css);
        List<String> absolute = new ArrayList<>();
        while (sizes.find()) {
            absolute.add(sizes.group());
        }
        assertThat(absolute).as("font sizes in absolute units in pelita.css").isEmpty();
    }
}
