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
import org.pelita.packager.target.cmi5.Cmi5Target;
import org.pelita.packager.testing.Repository;

/** validate on cmi5 packages: what keeps an LMS from importing or launching them. */
class Cmi5CheckTest {
    private static final String GOOD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
              <course id="https://example.org/modules/m">
                <title><langstring lang="en">Module</langstring></title>
                <description><langstring lang="en">About it</langstring></description>
              </course>
              <au id="https://example.org/modules/m/units/module" moveOn="CompletedAndPassed" masteryScore="0.7">
                <title><langstring lang="en">Module</langstring></title>
                <description><langstring lang="en">About it</langstring></description>
                <url>index.html</url>
              </au>
            </courseStructure>
            """;

    @TempDir
    Path dir;

    private ValidationReport validate(String cmi5) throws Exception {
        return PackageValidator.validate(TestZip.create().add("cmi5.xml", cmi5).add("index.html", "<!DOCTYPE html>")
                .writeTo(dir.resolve("cmi5.zip")));
    }

    @Test
    void aCmi5DescriptorOverTheManifestSizeLimitIsNotParsed() throws Exception {
        ValidationReport report = PackageValidator.validate(TestZip.create().add("cmi5.xml", GOOD).add("index.html", "<!DOCTYPE html>")
                .writeTo(dir.resolve("big.zip")), ZipLimits.DEFAULTS.withMaxManifestSize(GOOD.length() - 1));

        assertThat(report.findings()).extracting(Finding::code).containsExactly("cmi5-too-large");
        assertThat(report.findings().get(0).message()).contains("cmi5.xml is larger than " + (GOOD.length() - 1) + " bytes");
    }

    @Test
    void pelitasCmi5PackagesHaveNoFindingsInEveryLayoutAndLanguageMode() throws Exception {
        for (UnitLayout layout : UnitLayout.values()) {
            for (LanguageMode mode : LanguageMode.values()) {
                Optional<String> language = mode == LanguageMode.ONE ? Optional.of("id") : Optional.empty();
                for (Path zip : new Packager().build(Repository.sample("feature-tour"), new Cmi5Target(),
                        new BuildOptions(mode, language, layout), dir.resolve(layout + "-" + mode)).packages()) {
                    assertThat(PackageValidator.validate(zip).findings()).as(zip.toString()).extracting(Finding::code).containsExactly("pelita-module");
                }
            }
        }
    }

    @Test
    void aMinimalCourseStructurePassesAndIsNotTakenForABrokenScormPackage() throws Exception {
        ValidationReport report = validate(GOOD);
        assertThat(report.findings()).isEmpty();
        assertThat(report.withCode("manifest-missing")).isEmpty();
    }

    @Test
    void anAuUrlMissingFromTheZipIsAnErrorAndAnAbsoluteOneAWarning() throws Exception {
        assertThat(validate(GOOD.replace(">index.html<", ">start.html<")).findings()).extracting(Finding::code)
                .containsExactly("cmi5-au-missing");
        assertThat(validate(GOOD.replace(">index.html<", ">https://cdn.example.org/m/index.html<")).findings())
                .extracting(Finding::code).containsExactly("cmi5-au-external");
        assertThat(validate(GOOD.replace(">index.html<", ">../index.html<")).findings()).extracting(Finding::code)
                .containsExactly("cmi5-au-outside");
    }

    @Test
    void idsMustBeAbsoluteIrisAndUnique() throws Exception {
        assertThat(validate(GOOD.replace("\"https://example.org/modules/m/units/module\"", "\"units/module\"")).findings())
                .extracting(Finding::code).containsExactly("cmi5-id");
        assertThat(validate(GOOD.replace("https://example.org/modules/m/units/module", "https://example.org/modules/m")).findings())
                .extracting(Finding::code).containsExactly("cmi5-duplicate-id");
    }

    @Test
    void whatTheSchemaRefusesIsAnErrorWithItsLine() throws Exception {
        ValidationReport report = validate(GOOD.replace("moveOn=\"CompletedAndPassed\"", "moveOn=\"Whenever\"")
                .replace("masteryScore=\"0.7\"", "masteryScore=\"70\""));
        assertThat(report.findings()).extracting(Finding::code).containsOnly("cmi5-schema").hasSizeGreaterThanOrEqualTo(2);
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.location().line()).isEqualTo(7));
        assertThat(report.hasErrors()).isTrue();
        assertThat(validate(GOOD.replace("<url>index.html</url>", "")).findings()).extracting(Finding::code)
                .containsExactly("cmi5-schema");
    }

    @Test
    void aWrongRootOrNamespaceAndMalformedXmlAreErrors() throws Exception {
        assertThat(validate(GOOD.replace("https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd", "urn:other")).findings())
                .extracting(Finding::code).containsExactly("cmi5-root");
        assertThat(validate("<courseStructure").findings()).extracting(Finding::code).containsExactly("cmi5-malformed");
        assertThat(validate("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + GOOD.substring(GOOD.indexOf("<courseStructure")))
                .findings()).extracting(Finding::code).containsExactly("cmi5-malformed");
    }
}
