package org.pelita.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.xapi.validation.Verdicts.rejection;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UUIDs in standard string form (xAPI 1.0.3 Data §2.4.1, §4.4; xAPI 2.0 §4.2.7). */
class UuidsTest {

    @ParameterizedTest
    @ValueSource(strings = {"fd41c918-b88b-4b20-a0a5-a4c32391aaa0", "AA97B177-9383-4934-8543-0F91A7A02836",
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"})
    void theStandardStringFormIsParsed(String text) {
        assertThat(Uuids.parse(text, "registration")).isEqualTo(UUID.fromString(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AA97B177-9383-4934-8543-0F91A7A028368", "MA97B177-9383-4934-8543-0F91A7A02836",
        "1-2-3-4-5", "fd41c918b88b4b20a0a5a4c32391aaa0", "{fd41c918-b88b-4b20-a0a5-a4c32391aaa0}",
        "fd41c918-b88b-4b20-a0a5a4c32391aaa0-", "fd41c918_b88b_4b20_a0a5_a4c32391aaa0", "wrong", ""})
    void nonCanonicalFormsAreRejected(String text) {
        assertThat(Uuids.isUuid(text)).isFalse();
        rejection(() -> Uuids.parse(text, "statementId"), null)
                .at("statementId").saying(Rule.UUID.text()).saying(Rule.UUID.citation(null));
    }
}
