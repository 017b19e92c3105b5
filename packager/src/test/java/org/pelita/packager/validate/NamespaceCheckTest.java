package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceCheckTest {
    private static final String ADL_PREFIX = "xmlns:adl=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"";

    @TempDir
    Path dir;

    @Test
    void anAdlAttributeWithAnotherPrefixIsAnErrorBecauseMoodleTurnsTheScoIntoAnUntrackedAsset() throws IOException {
        String manifest = TestPackages.manifestWith("adlcp:scormtype=\"sco\"", ADL_PREFIX + " adl:scormtype=\"sco\"");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("adlcp-prefix")).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(Location.at("imsmanifest.xml", TestPackages.lineOf(manifest, "adl:scormtype")));
            assertThat(f.message()).contains("adl:scormtype", "untracked asset");
        });
        // Moodle's reading of the same manifest: no SCO at all.
        assertThat(report.withCode("no-launchable-sco")).hasSize(1);
    }

    @Test
    void anAdlElementWithAnotherPrefixLosesTheMasteryScore() throws IOException {
        String manifest = TestPackages.manifestWith("<adlcp:masteryscore>80</adlcp:masteryscore>",
                "<adl:masteryscore " + ADL_PREFIX + ">80</adl:masteryscore>");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("adlcp-prefix")).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(TestPackages.lineOf(manifest, "<adl:masteryscore"));
            assertThat(f.message()).contains("<adl:masteryscore>", "mastery score is lost");
        });
    }

    @Test
    void aScormtypeWithoutAnyPrefixIsIgnoredByMoodle() throws IOException {
        String manifest = TestPackages.manifestWith("adlcp:scormtype=\"sco\"", "scormtype=\"sco\"");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("adlcp-prefix")).hasSize(1);
        assertThat(report.withCode("no-launchable-sco")).hasSize(1);
    }

    @Test
    void prefixedImsContentPackagingElementsAreOneErrorPerPrefix() throws IOException {
        String manifest = TestPackages.MANIFEST
                .replace("xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"",
                        "xmlns:imscp=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"")
                .replaceAll("<(/?)(manifest|metadata|schema|schemaversion|organizations|organization|title|item|resources|resource|file)\\b",
                        "<$1imscp:$2");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("imscp-prefixed")).singleElement().satisfies(f -> {
            // SAX reports the line where the start tag ends.
            assertThat(f.location().line()).isEqualTo(TestPackages.lineOf(manifest, "xmlns:adlcp"));
            assertThat(f.message()).contains("'imscp:'", "<imscp:manifest>", "default");
        });
        assertThat(report.withCode("root-not-manifest")).isEmpty();
        assertThat(report.withCode("launch-item")).isEmpty();
    }

    @Test
    void theScorm2004SpellingScormTypeIsAnError() throws IOException {
        String manifest = TestPackages.manifestWith("adlcp:scormtype=\"sco\"", "adlcp:scormType=\"sco\"");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("scormtype-spelling")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().line()).isEqualTo(TestPackages.lineOf(manifest, "scormType"));
            assertThat(f.message()).contains("'scormType'", "scormtype");
        });
        assertThat(report.withCode("schema-invalid")).isNotEmpty();
    }
}
