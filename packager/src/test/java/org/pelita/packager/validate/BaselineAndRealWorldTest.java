package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineAndRealWorldTest {
    @TempDir
    Path dir;

    @Test
    void theBaselinePackageHasNoErrorsNoWarningsAndNamesTheLaunchItem() throws IOException {
        ValidationReport report = TestPackages.validateManifest(TestPackages.MANIFEST, dir);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("launch-item");
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.withCode("launch-item").get(0).message()).contains("ITEM-1", "\"Lesson\"", "index.html", "a SCO");
    }

    @Test
    void theRealCspsManifestPackagedWithItsLaunchFilePassesWithoutErrors() throws IOException {
        TestZip zip = TestZip.create()
                .add("imsmanifest.xml", TestPackages.resource("csps-K100-imsmanifest.xml"))
                .add("index_en.html", "<!doctype html><title>K100</title>");

        ValidationReport report = TestPackages.validate(zip, dir);

        assertThat(report.count(Severity.ERROR)).as(report.toText()).isZero();
        assertThat(report.withCode("launch-item")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("C999F_I01", "index_en.html"));
        // It declares schemaversion only on items and the organization, not on the manifest.
        assertThat(report.withCode("schemaversion-missing")).hasSize(1);
    }

    @Test
    void theRealLudiscapeManifestFailsSchemaValidationAtLine15WhereTheStrayColorElementIs() throws IOException {
        TestZip zip = TestZip.create()
                .add("imsmanifest.xml", TestPackages.resource("ludiscape-mham7-ScormFile-imsmanifest.xml"))
                .add("index.html", "<!doctype html><title>ScormBilan</title>");

        ValidationReport report = TestPackages.validate(zip, dir);

        assertThat(report.hasErrors()).isTrue();
        assertThat(report.withCode("schema-invalid")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.location()).isEqualTo(Location.at("imsmanifest.xml", 15));
            assertThat(f.message()).contains("color").contains("Moodle does not validate schemas");
        });
        assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(Finding::code).containsOnly("schema-invalid");
    }
}
