package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HrefCheckTest {
    @TempDir
    Path dir;

    @Test
    void aLaunchFileMissingFromTheZipIsAnErrorNamingTheFile() throws IOException {
        TestZip zip = TestZip.create().add("imsmanifest.xml", TestPackages.MANIFEST).add("style.css", "x");

        ValidationReport report = TestPackages.validate(zip, dir);

        assertThat(report.withCode("launch-file-missing")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'index.html'", "not in the zip"));
        assertThat(report.withCode("file-missing")).as("the same file is not reported twice").isEmpty();
        assertThat(report.withCode("no-launchable-sco")).hasSize(1);
    }

    @Test
    void aListedFileMissingFromTheZipIsAnErrorAtItsLine() throws IOException {
        TestZip zip = TestZip.create().add("imsmanifest.xml", TestPackages.MANIFEST).add("index.html", "x");

        ValidationReport report = TestPackages.validate(zip, dir);

        assertThat(report.withCode("file-missing")).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(TestPackages.lineOf(TestPackages.MANIFEST, "style.css"));
            assertThat(f.message()).contains("'style.css'");
        });
    }

    @Test
    void aFileDifferingOnlyInCaseIsMissingAndTheMessageShowsTheZipsSpelling() throws IOException {
        TestZip zip = TestZip.create().add("imsmanifest.xml", TestPackages.MANIFEST).add("Index.html", "x").add("style.css", "x");

        ValidationReport report = TestPackages.validate(zip, dir);

        assertThat(report.withCode("launch-file-missing")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'Index.html'", "case-sensitive"));
    }

    @Test
    void hrefsAreResolvedWithTheResourceBaseWithoutQueryOrFragmentAndPercentDecoded() throws IOException {
        String manifest = TestPackages.manifestWith("href=\"index.html\">", "xml:base=\"content/\" href=\"my%20page.html?lang=en#start\">")
                .replace("<file href=\"index.html\"/>", "<file href=\"my%20page.html\"/>");
        TestZip zip = TestZip.create().add("imsmanifest.xml", manifest)
                .add("content/my page.html", "x").add("content/style.css", "x");

        ValidationReport report = TestPackages.validate(zip, dir);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("launch-item");
        assertThat(report.findings().get(0).message()).contains("content/my page.html");
    }

    @Test
    void aBaseWithoutTrailingSlashIsJoinedAsTextLikeMoodleDoesAndWarned() throws IOException {
        String manifest = TestPackages.manifestWith("href=\"index.html\">", "xml:base=\"content\" href=\"index.html\">");
        TestZip zip = TestZip.create().add("imsmanifest.xml", manifest).add("content/index.html", "x").add("content/style.css", "x");

        ValidationReport report = TestPackages.validate(zip, dir);

        assertThat(report.withCode("xml-base-no-slash")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'contentindex.html'"));
        assertThat(report.withCode("launch-file-missing")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'contentindex.html'"));
    }

    @Test
    void anXmlBaseOnTheManifestIsIgnoredByMoodleAndWarned() throws IOException {
        String manifest = TestPackages.manifestWith("identifier=\"MANIFEST-1\"", "identifier=\"MANIFEST-1\" xml:base=\"content/\"");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("xml-base-ignored")).hasSize(1);
        assertThat(report.hasErrors()).as("Moodle resolves from the zip root, where the files are").isFalse();
    }

    @Test
    void anAbsoluteLaunchUrlIsAWarningButAnAbsoluteFileUrlIsAnError() throws IOException {
        String manifest = TestPackages.manifestWith("href=\"index.html\">", "href=\"https://cdn.example.org/course/index.html\">")
                .replace("<file href=\"style.css\"/>", "<file href=\"https://cdn.example.org/style.css\"/>");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("external-launch")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(report.withCode("file-href-absolute")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void hrefsClimbingAboveTheZipRootAreErrors() throws IOException {
        String manifest = TestPackages.manifestWith("<file href=\"style.css\"/>",
                "<file href=\"../style.css\"/>\n      <file href=\"css/../../x.css\"/>\n      <file href=\"/etc/passwd\"/>");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("href-outside-package")).hasSize(3);
    }
}
