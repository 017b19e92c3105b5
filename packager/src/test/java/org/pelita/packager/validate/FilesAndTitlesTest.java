package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesAndTitlesTest {
    @TempDir
    Path dir;

    @Test
    void filesNoFileElementListsAreCountedAsInformationWithAFewNames() throws IOException {
        TestZip zip = TestPackages.withManifest(TestPackages.MANIFEST);
        for (int i = 1; i <= 7; i++) {
            zip.add("img/photo" + i + ".jpg", "x");
        }
        zip.add("imscp_rootv1p1p2.xsd", "<schema/>");

        ValidationReport report = TestPackages.validate(zip, dir);

        assertThat(report.withCode("unreferenced-files")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).startsWith("7 file(s)").contains("img/photo1.jpg").doesNotContain("img/photo6.jpg")
                    .doesNotContain(".xsd").doesNotContain("imsmanifest.xml");
        });
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void emptyOrganizationAndItemTitlesAreWarnings() throws IOException {
        String manifest = TestPackages.manifestWith("<title>Course</title>", "<title> </title>")
                .replace("<title>Lesson</title>", "");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("empty-title")).extracting(f -> f.severity()).containsExactly(Severity.WARNING, Severity.WARNING);
    }
}
