package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLocationTest {
    @TempDir
    Path dir;

    @Test
    void aManifestInsideAFolderIsAnErrorThatNamesTheFolderAndExplainsHowToRezip() throws IOException {
        TestZip zip = TestZip.create()
                .addFolder("my-course/")
                .add("my-course/imsmanifest.xml", TestPackages.MANIFEST)
                .add("my-course/index.html", "x");

        ValidationReport report = TestPackages.validate(zip, dir);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("manifest-not-at-root");
        Finding finding = report.findings().get(0);
        assertThat(finding.location().entry()).isEqualTo("my-course/imsmanifest.xml");
        assertThat(finding.message()).contains("'my-course/'", "wraps a folder", "not the folder itself");
    }

    @Test
    void aZipWithoutAnyManifestIsNotAScormPackage() throws IOException {
        ValidationReport report = TestPackages.validate(TestZip.create().add("index.html", "x"), dir);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("manifest-missing");
    }

    @Test
    void aManifestWhoseNameDiffersInCaseIsMissingForMoodleAndTheMessageSaysSo() throws IOException {
        ValidationReport report = TestPackages.validate(TestZip.create().add("IMSManifest.xml", TestPackages.MANIFEST), dir);

        assertThat(report.withCode("manifest-missing")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'IMSManifest.xml'", "lower case"));
    }
}
