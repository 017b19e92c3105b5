package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchCheckTest {
    @TempDir
    Path dir;

    @Test
    void aPackageWhoseResourcesAreAllAssetsHasNoLaunchableSco() throws IOException {
        String manifest = TestPackages.manifestWith("adlcp:scormtype=\"sco\"", "adlcp:scormtype=\"asset\"")
                .replace("<adlcp:masteryscore>80</adlcp:masteryscore>", "");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(Finding::code).containsExactly("no-launchable-sco");
        assertThat(report.withCode("launch-item")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("an asset"));
    }

    @Test
    void theLaunchItemComesFromTheDefaultOrganizationNotTheFirst() throws IOException {
        String second = """
                <organization identifier="ORG-2">
                      <title>Second</title>
                      <item identifier="ITEM-2" identifierref="RES-2"><title>Other</title></item>
                    </organization>
                  </organizations>""";
        String manifest = TestPackages.manifestWith("</organizations>", second)
                .replace("default=\"ORG-1\"", "default=\"ORG-2\"")
                .replace("</resources>", "<resource identifier=\"RES-2\" type=\"webcontent\" adlcp:scormtype=\"sco\""
                        + " href=\"other.html\"><file href=\"other.html\"/></resource>\n</resources>");
        TestZip zip = TestPackages.withManifest(manifest).add("other.html", "x");

        ValidationReport report = TestPackages.validate(zip, dir);

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.withCode("launch-item")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'ITEM-2'", "other.html"));
    }

    @Test
    void aManifestWithoutOrganizationsIsAnError() throws IOException {
        String manifest = TestPackages.MANIFEST.replaceAll("(?s)<organizations .*</organizations>", "<organizations/>");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("no-organization")).hasSize(1);
        assertThat(report.withCode("no-launchable-sco")).isEmpty();
    }

    @Test
    void aScoWithoutHrefIsAnError() throws IOException {
        String manifest = TestPackages.manifestWith(" href=\"index.html\">", ">");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("sco-without-href")).hasSize(1);
        assertThat(report.withCode("no-launchable-sco")).hasSize(1);
    }
}
