package org.pelita.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.pelita.lrs.xapi.validation.Verdicts.rejection;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations: ISO 8601:2004 §4.4.3.2 (xAPI 1.0.3 Data §4.6; xAPI 2.0 §4.2.7). */
class DurationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"PT1H0M0S", "PT1H0M0.1S", "PT4H35M59.14S", "PT16559.14S", "P3Y1M29DT4H35M59.14S", "P3Y",
        "P4W", "P1DT12H36M0.12567S", "PT0S", "P0D", "P1M", "PT1M", "P1Y2M3DT4H5M6S", "PT0,5S", "P0.5Y", "PT36H"})
    void theIso8601DurationFormatIsAccepted(String duration) {
        assertThatCode(() -> Durations.validate(duration, "$.result.duration")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PA1H0M0S", "should fail", "P4W1D", "P1DT4W", "P", "PT", "P1DT", "1H", "P1H", "PT1D",
        "P1M1Y", "PT1S1M", "PT.5S", "PT0.5H1M", "P1.5DT1H", "P16559.14S", "P0003-01-29T04:35:59", "-PT1S", "pt1h",
        "PT1H ", "P1W2W", ""})
    void anythingElseIsRejected(String duration) {
        rejection(() -> Durations.validate(duration, "$.result.duration"), null)
                .at("$.result.duration").saying(Rule.DURATION.text()).saying("Data §4.6");
    }
}
