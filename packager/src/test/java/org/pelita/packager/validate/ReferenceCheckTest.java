package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCheckTest {
    @TempDir
    Path dir;

    @Test
    void anItemReferringToAMissingResourceIsAnError() throws IOException {
        String manifest = TestPackages.manifestWith("identifierref=\"RES-1\"", "identifierref=\"RES-9\"");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("dangling-identifierref")).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(TestPackages.lineOf(manifest, "RES-9"));
            assertThat(f.message()).contains("'ITEM-1'", "'RES-9'");
        });
        assertThat(report.withCode("no-launchable-sco")).hasSize(1);
    }

    @Test
    void aDependencyOnAMissingResourceIsAnError() throws IOException {
        String manifest = TestPackages.manifestWith("<file href=\"style.css\"/>",
                "<file href=\"style.css\"/>\n      <dependency identifierref=\"SHARED\"/>");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("dangling-dependency")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'SHARED'"));
    }

    @Test
    void aDefaultOrganizationThatDoesNotExistIsAnError() throws IOException {
        String manifest = TestPackages.manifestWith("default=\"ORG-1\"", "default=\"ORG-X\"");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("default-organization-missing")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ORG-X"));
    }

    @Test
    void aRepeatedIdentifierIsAnErrorAtItsSecondUse() throws IOException {
        String manifest = TestPackages.manifestWith("<resource identifier=\"RES-1\"", "<resource identifier=\"ITEM-1\"")
                .replace("identifierref=\"RES-1\"", "identifierref=\"ITEM-1\"");

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.withCode("duplicate-identifier")).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(TestPackages.lineOf(manifest, "<resource identifier"));
            assertThat(f.message()).contains("'ITEM-1'", "line " + TestPackages.lineOf(manifest, "<item identifier"));
        });
    }
}
