package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MasteryScoreCheckTest {
    @TempDir
    Path dir;

    private ValidationReport withScore(String score) throws IOException {
        return TestPackages.validateManifest(TestPackages.manifestWith(">80<", ">" + score + "<"), dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"80%", "eighty", "150", "-1", "100.5", ""})
    void aMasteryScoreThatIsNotANumberFrom0To100IsAnError(String score) throws IOException {
        ValidationReport report = withScore(score);

        assertThat(report.withCode("mastery-score-invalid")).singleElement()
                .satisfies(f -> assertThat(f.location().line())
                        .isEqualTo(TestPackages.lineOf(TestPackages.MANIFEST, "masteryscore")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100", "75.5", " 60 "})
    void numbersFrom0To100AreAccepted(String score) throws IOException {
        assertThat(withScore(score).withCode("mastery-score-invalid")).isEmpty();
    }

    @Test
    void aMasteryScoreOnAnItemThatLaunchesAnAssetIsAWarning() throws IOException {
        String manifest = TestPackages.manifestWith("<title>Lesson</title>",
                "<title>Lesson</title>\n<item identifier=\"ITEM-A\" identifierref=\"RES-A\"><title>Handout</title>"
                        + "<adlcp:masteryscore>50</adlcp:masteryscore></item>")
                .replace("</resources>", "<resource identifier=\"RES-A\" type=\"webcontent\" adlcp:scormtype=\"asset\""
                        + " href=\"style.css\"/></resources>");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("mastery-score-not-sco")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("'ITEM-A'");
        });
    }
}
