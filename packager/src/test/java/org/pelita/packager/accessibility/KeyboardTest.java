package org.pelita.packager.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A learner completes every sample module from its first screen to a passed summary with the keyboard alone (WCAG
 * 2.1.1): answering every kind of question (radio groups with the arrows, checkboxes with Space, text, matching selects
 * with the arrows, ordering with the Move up buttons), checking, submitting, failing and retaking the post-test. The
 * focus is visible after every key and never falls back to the page body; each new step puts it on the step's heading.
 */
class KeyboardTest {
    @RegisterExtension
    static final SamplesInBrowser BROWSER = new SamplesInBrowser();

    /** Each sample in its first language: the keys and the focus order are the same in every language. */
    static Stream<SamplePackages.Served> packages() {
        return BROWSER.samples().packages().stream().filter(SamplePackages.Served::firstLanguage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void aLearnerCompletesTheModuleWithTheKeyboardAloneAndAlwaysSeesTheFocus(SamplePackages.Served pkg) {
        BROWSER.driver().get(pkg.url());
        Keyboard keyboard = new Keyboard(BROWSER.driver());
        Tour tour = new Tour(BROWSER.driver(), keyboard);
        List<String> seen = tour.walk(where -> {
            if (keyboard.presses() > 0 && !where.contains(",")) {
                assertThat(BROWSER.driver().executeScript("return document.activeElement === document.querySelector('.step.current h1')"))
                        .as("the focus moves to the heading of " + where).isEqualTo(true);
            }
        });
        assertThat(seen).last().isEqualTo("summary");
        String passed = (String) BROWSER.driver().executeScript("var data = JSON.parse(document.getElementById('pelita-data').textContent);"
                + " return data.ui[data.languages[0]].passed");
        assertThat(tour.current("[data-summary-score]").getText()).contains(passed);
    }
}
