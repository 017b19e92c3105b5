package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaVersionCheckTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"1.3", "CAM 1.3", "2004 3rd Edition", "2004 4th Edition"})
    void aScorm2004SchemaVersionIsAnError(String version) throws IOException {
        String manifest = TestPackages.manifestWith(">1.2<", ">" + version + "<");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("schemaversion-2004")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("'" + version + "'", "SCORM 2004");
        });
    }

    @Test
    void aMissingSchemaVersionIsAWarningBecauseMoodleAssumes12() throws IOException {
        String manifest = TestPackages.manifestWith("<schemaversion>1.2</schemaversion>", "");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("schemaversion-missing")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void withoutAManifestLevelVersionTheFirstNestedOneDecidesAsInMoodle() throws IOException {
        String manifest = TestPackages.manifestWith("<schemaversion>1.2</schemaversion>", "")
                .replace("<title>Lesson</title>", "<title>Lesson</title><metadata><schema>ADL SCORM</schema>"
                        + "<schemaversion>2004 4th Edition</schemaversion></metadata>");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("schemaversion-missing")).hasSize(1);
        assertThat(report.withCode("schemaversion-2004")).hasSize(1);
    }

    @Test
    void anUnknownSchemaVersionIsAWarning() throws IOException {
        ValidationReport report = TestPackages.validateManifest(TestPackages.manifestWith(">1.2<", ">SCORM 1.2<"), dir);

        assertThat(report.withCode("schemaversion-unknown")).hasSize(1);
        assertThat(report.withCode("schemaversion-2004")).isEmpty();
    }
}
