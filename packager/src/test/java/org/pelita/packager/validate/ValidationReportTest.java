package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportTest {
    private static final Finding INFO = Finding.info("launch-item", Location.at("imsmanifest.xml", 12), "launches x");
    private static final Finding WARNING = Finding.warning("schemaversion-missing", Location.at("imsmanifest.xml", 2), "no version");
    private static final Finding LATE_ERROR = Finding.error("file-missing", Location.at("imsmanifest.xml", 30), "missing b");
    private static final Finding EARLY_ERROR = Finding.error("file-missing", Location.at("imsmanifest.xml", 20), "missing a");
    private static final Finding ZIP_ERROR = Finding.error("zip-slip", Location.entry("../evil.txt"), "escapes");

    @Test
    void findingsAreOrderedBySeverityThenEntryThenLineWhateverTheInputOrder() {
        ValidationReport report = new ValidationReport("course.zip", List.of(INFO, LATE_ERROR, WARNING, EARLY_ERROR, ZIP_ERROR));

        assertThat(report.findings()).containsExactly(ZIP_ERROR, EARLY_ERROR, LATE_ERROR, WARNING, INFO);
    }

    @Test
    void countsBySeverityIncludeZeroes() {
        ValidationReport report = new ValidationReport("course.zip", List.of(WARNING, INFO, INFO));

        assertThat(report.counts()).containsEntry(Severity.ERROR, 0L).containsEntry(Severity.WARNING, 1L)
                .containsEntry(Severity.INFO, 2L);
        assertThat(report.hasErrors()).isFalse();
        assertThat(new ValidationReport("x.zip", List.of(ZIP_ERROR)).hasErrors()).isTrue();
    }

    @Test
    void textHasOneLinePerFindingThenASummary() {
        ValidationReport report = new ValidationReport("course.zip",
                List.of(EARLY_ERROR, Finding.error("not-a-zip", Location.ZIP, "not a zip"), INFO));

        assertThat(report.toText()).isEqualTo("""
                ERROR not-a-zip course.zip  not a zip
                ERROR file-missing imsmanifest.xml:20  missing a
                INFO launch-item imsmanifest.xml:12  launches x
                course.zip: FAILED (2 errors, 0 warnings, 1 info)
                """);
    }

    @Test
    void textNeverSpansLinesEvenWhenAHostileNameHoldsLineBreaks() {
        Finding hostile = Finding.error("zip-slip", Location.entry("../a\nERROR fake-code x  forged"), "escapes\r\n");
        String text = new ValidationReport("z.zip", List.of(hostile)).toText();

        assertThat(text.lines()).hasSize(2);
    }

    @Test
    void jsonIsParseableAndCarriesEveryField() throws Exception {
        ValidationReport bad = new ValidationReport("bad.zip", List.of(EARLY_ERROR, Finding.error("not-a-zip", Location.ZIP, "nope")));
        ValidationReport good = new ValidationReport("good.zip", List.of(INFO));

        JsonNode root = new ObjectMapper().readTree(JsonReport.render(List.of(bad, good)));

        assertThat(root.get("valid").asBoolean()).isFalse();
        assertThat(root.get("reports")).hasSize(2);
        JsonNode first = root.get("reports").get(0);
        assertThat(first.get("zip").asText()).isEqualTo("bad.zip");
        assertThat(first.get("valid").asBoolean()).isFalse();
        assertThat(first.get("errors").asInt()).isEqualTo(2);
        assertThat(first.get("warnings").asInt()).isZero();
        JsonNode finding = first.get("findings").get(1);
        assertThat(finding.get("severity").asText()).isEqualTo("ERROR");
        assertThat(finding.get("code").asText()).isEqualTo("file-missing");
        assertThat(finding.get("entry").asText()).isEqualTo("imsmanifest.xml");
        assertThat(finding.get("line").asInt()).isEqualTo(20);
        assertThat(finding.get("message").asText()).isEqualTo("missing a");
        JsonNode wholeZip = first.get("findings").get(0);
        assertThat(wholeZip.get("entry").isNull()).isTrue();
        assertThat(wholeZip.get("line").isNull()).isTrue();
        assertThat(root.get("reports").get(1).get("valid").asBoolean()).isTrue();
    }
}
