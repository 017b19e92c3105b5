package org.pelita.lrs.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the reports read a question's revision from its IRI, and in which order they give module versions. */
class ReportsVersionsTest {
    private static final String QUESTIONS = "urn:pelita:module:cyber/questions/pre/";

    @Test
    void aRevisionIsTwelveLowercaseHexDigitsAfterTheQuestionId() {
        assertThat(Reports.QuestionIri.of(QUESTIONS + "q1/0123456789ab"))
                .isEqualTo(new Reports.QuestionIri(QUESTIONS + "q1", "0123456789ab"));
        assertThat(Reports.QuestionIri.of("https://lrs.example.org/modules/tour/questions/post/q-2/ffffffffffff"))
                .isEqualTo(new Reports.QuestionIri("https://lrs.example.org/modules/tour/questions/post/q-2", "ffffffffffff"));
    }

    @Test
    void anIriOfAPackageBuiltBeforeRevisionsHasNone() {
        // A question id may itself be twelve hex digits: without a third segment after /questions/ it is no revision.
        for (String old : List.of(QUESTIONS + "q1", QUESTIONS + "abcdef012345", QUESTIONS + "q1/0123456789AB", QUESTIONS + "q1/0123456789a",
                QUESTIONS + "q1/0123456789abc", QUESTIONS + "q1/0123456789ag", "urn:pelita:module:cyber/quizzes/pre/0123456789ab")) {
            assertThat(Reports.QuestionIri.of(old)).as(old).isEqualTo(new Reports.QuestionIri(old, null));
        }
    }

    @Test
    void versionsComeInReleaseOrderAndTextThatIsNoVersionAfterThem() {
        List<String> versions = new ArrayList<>(List.of("1.10.0", "pilot-b", "1.2.0", "1.9.1", "0.9", "1.9.0", "2.0.0-beta", "2.0.0",
                "pilot-a"));

        versions.sort(Reports.VERSION_ORDER);

        assertThat(versions).containsExactly("0.9", "1.2.0", "1.9.0", "1.9.1", "1.10.0", "2.0.0-beta", "2.0.0", "pilot-a",
                "pilot-b");
    }
}
