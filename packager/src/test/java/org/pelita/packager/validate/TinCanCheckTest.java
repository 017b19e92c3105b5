package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.Packager;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.tincan.TinCanTarget;
import org.pelita.packager.testing.Repository;

/** validate on TinCan packages: what keeps an LMS from importing or launching them. */
class TinCanCheckTest {
    private static final String GOOD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tincan xmlns="http://projecttincan.com/tincan.xsd">
              <activities>
                <activity id="https://example.org/modules/m" type="http://adlnet.gov/expapi/activities/course">
                  <name lang="en">Module</name>
                  <launch lang="en">index.html</launch>
                </activity>
              </activities>
            </tincan>
            """;

    @TempDir
    Path dir;

    private ValidationReport validate(String tincan) throws Exception {
        return PackageValidator.validate(TestZip.create().add("tincan.xml", tincan).add("index.html", "<!DOCTYPE html>")
                .writeTo(dir.resolve("tincan.zip")));
    }

    @Test
    void aTinCanDescriptorOverTheManifestSizeLimitIsNotParsed() throws Exception {
        ValidationReport report = PackageValidator.validate(TestZip.create().add("tincan.xml", GOOD).add("index.html", "<!DOCTYPE html>")
                .writeTo(dir.resolve("big.zip")), ZipLimits.DEFAULTS.withMaxManifestSize(GOOD.length() - 1));

        assertThat(report.findings()).extracting(Finding::code).containsExactly("tincan-too-large");
        assertThat(report.findings().get(0).message()).contains("tincan.xml is larger than " + (GOOD.length() - 1) + " bytes");
    }

    @Test
    void pelitasTinCanPackagesHaveNoFindings() throws Exception {
        for (LanguageMode mode : LanguageMode.values()) {
            Optional<String> language = mode == LanguageMode.ONE ? Optional.of("id") : Optional.empty();
            for (Path zip : new Packager().build(Repository.sample("feature-tour"), new TinCanTarget(),
                    new BuildOptions(mode, language, UnitLayout.SINGLE), dir.resolve(mode.name())).packages()) {
                assertThat(PackageValidator.validate(zip).findings()).as(zip.toString()).extracting(Finding::code).containsExactly("pelita-module");
            }
        }
    }

    @Test
    void aMinimalDescriptorPassesAndIsNotTakenForABrokenScormPackage() throws Exception {
        ValidationReport report = validate(GOOD);
        assertThat(report.findings()).isEmpty();
        assertThat(report.withCode("manifest-missing")).isEmpty();
    }

    @Test
    void aLaunchFileMissingFromTheZipIsAnError() throws Exception {
        ValidationReport report = validate(GOOD.replace(">index.html<", ">start.html<"));
        assertThat(report.findings()).extracting(Finding::code).containsExactly("tincan-launch-missing");
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void withoutAnyLaunchTheLmsHasNothingToOpen() throws Exception {
        assertThat(validate(GOOD.replace("<launch lang=\"en\">index.html</launch>", "")).findings())
                .extracting(Finding::code).containsExactly("tincan-no-launch");
    }

    @Test
    void activityIdsMustBeAbsoluteIrisAndUnique() throws Exception {
        assertThat(validate(GOOD.replace("https://example.org/modules/m", "modules/m")).findings())
                .extracting(Finding::code).containsExactly("tincan-activity-id");
        String twice = GOOD.replace("</activities>", "<activity id=\"https://example.org/modules/m\" type=\"t\">"
                + "<name>Again</name></activity></activities>");
        assertThat(validate(twice).findings()).extracting(Finding::code).containsExactly("tincan-duplicate-id");
    }

    @Test
    void missingNamesTypesAndTheNamespaceAreWarnings() throws Exception {
        String sloppy = GOOD.replace(" xmlns=\"http://projecttincan.com/tincan.xsd\"", "")
                .replace(" type=\"http://adlnet.gov/expapi/activities/course\"", "").replace("<name lang=\"en\">Module</name>", "");
        ValidationReport report = validate(sloppy);
        assertThat(report.findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder("tincan-namespace", "tincan-activity-type", "tincan-no-name");
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void launchesOutsideThePackageAreReported() throws Exception {
        assertThat(validate(GOOD.replace(">index.html<", ">../index.html<")).findings())
                .extracting(Finding::code).containsExactly("tincan-launch-outside");
        assertThat(validate(GOOD.replace(">index.html<", ">https://example.org/x.html<")).findings())
                .extracting(Finding::code).containsExactly("tincan-launch-external");
    }

    @Test
    void doctypesAndBrokenXmlAreRefusedWithoutReadingEntities() throws Exception {
        String entity = GOOD.replace("<tincan ", "<!DOCTYPE tincan [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<tincan ")
                .replace(">Module<", ">&x;<");
        assertThat(validate(entity).findings()).extracting(Finding::code).containsExactly("tincan-malformed");
        assertThat(validate(entity).findings().get(0).message()).doesNotContain("root:");
        assertThat(validate("<tincan><activities>").findings()).extracting(Finding::code).containsExactly("tincan-malformed");
        assertThat(validate("<manifest/>").findings()).extracting(Finding::code).containsExactly("tincan-root");
    }
}
