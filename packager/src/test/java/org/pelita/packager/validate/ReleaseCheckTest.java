package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.Packager;
import org.pelita.packager.release.ReleaseManifest;
import org.pelita.packager.release.Releaser;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.scorm12.Scorm12Target;
import org.pelita.packager.testing.Repository;

/** validate names a Pelita package's module and version, and says whether it is a released package, byte for byte. */
class ReleaseCheckTest {
    @TempDir
    Path work;

    @Test
    void aPelitaPackageSaysWhichModuleAndVersionItHolds() throws Exception {
        Path zip = new Packager().build(Repository.sample("feature-tour"), new Scorm12Target(), BuildOptions.defaults(),
                work.resolve("out")).packages().get(0);

        assertThat(PackageValidator.validate(zip).withCode("pelita-module")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("Pelita module feature-tour, version 1.0.0."));
    }

    @Test
    void aZipInItsReleaseFolderIsRecognisedAsThatReleasesPackage() throws Exception {
        Path module = Repository.copyOfFixture("released", work);
        Path release = new Releaser("test").release(module, work.resolve("dist"), Optional.empty(), Optional.empty()).directory();

        ValidationReport report = PackageValidator.validate(release.resolve("scorm12/released-1.0.0-scorm12-id.zip"));

        assertThat(report.withCode("release-match")).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("Byte for byte the released package scorm12/released-1.0.0-scorm12-id.zip of released 1.0.0 (scorm12, id)"));
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void aPackageBuiltAfterTheReleaseIsNotTakenForIt() throws Exception {
        Path module = Repository.copyOfFixture("released", work);
        Path release = new Releaser("test").release(module, work.resolve("dist"), Optional.empty(), Optional.empty()).directory();
        Files.writeString(module.resolve("content/en/basics/intro.md"), "# Intro\n\nChanged after the release.\n");
        Path rebuilt = new Packager().build(module, new Scorm12Target(), BuildOptions.defaults(), work.resolve("rebuilt")).packages().get(0);

        ValidationReport report = PackageValidator.validate(rebuilt, ZipLimits.DEFAULTS, Optional.of(release.resolve(ReleaseManifest.FILE)));

        assertThat(report.withCode("release-mismatch")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("Not a package of the release released 1.0.0",
                    "It holds that module and version, so it was built or changed after the release.");
        });
        assertThat(report.withCode("release-match")).isEmpty();
    }

    @Test
    void aPackageOfAnotherModuleSaysWhichItHolds() throws Exception {
        Path module = Repository.copyOfFixture("released", work);
        Path release = new Releaser("test").release(module, work.resolve("dist"), Optional.empty(), Optional.empty()).directory();
        Path other = new Packager().build(Repository.sample("feature-tour"), new Scorm12Target(), BuildOptions.defaults(),
                work.resolve("out")).packages().get(0);

        ValidationReport report = PackageValidator.validate(other, ZipLimits.DEFAULTS, Optional.of(release.resolve(ReleaseManifest.FILE)));

        assertThat(report.withCode("release-mismatch")).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("It holds feature-tour 1.0.0."));
    }

    @Test
    void aZipOutsideAnyReleaseFolderGetsNoReleaseFinding() throws Exception {
        Path zip = new Packager().build(Repository.sample("feature-tour"), new Scorm12Target(), BuildOptions.defaults(),
                work.resolve("out")).packages().get(0);

        ValidationReport report = PackageValidator.validate(zip);

        assertThat(report.findings()).noneMatch(f -> f.code().startsWith("release-"));
    }
}
