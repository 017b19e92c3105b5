package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.Packager;
import org.pelita.packager.content.LrsConnection;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.web.WebTarget;
import org.pelita.packager.testing.Repository;

/** validate on web-target sites: files a page needs that the zip lacks, and loads from other sites. */
class WebSiteCheckTest {
    private static final String CSP = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">";

    @TempDir
    Path dir;

    private ValidationReport validate(String page) throws Exception {
        return PackageValidator.validate(TestZip.create().add("index.html", page).add("style.css", "body{}").add("pelita/web-start.js", "")
                .add("pages/start.html", "<!DOCTYPE html><html><head>" + CSP + "</head><body><a href=\"../index.html\">back</a></body></html>")
                .writeTo(dir.resolve("site.zip")));
    }

    @Test
    void pelitasWebSitesHaveNoFindingsInEveryLanguageMode() throws Exception {
        LrsConnection lrs = LrsConnection.of("https://lrs.example.org/xapi/", "key:secret", "a-pseudonym-key-of-some-length");
        for (LanguageMode mode : LanguageMode.values()) {
            Optional<String> language = mode == LanguageMode.ONE ? Optional.of("id") : Optional.empty();
            for (Path zip : new Packager().build(Repository.sample("feature-tour"), new WebTarget(),
                    new BuildOptions(mode, language, UnitLayout.SINGLE, Optional.empty(), Optional.of(lrs)), dir.resolve(mode.name())).packages()) {
                assertThat(PackageValidator.validate(zip).findings()).as(zip.toString()).extracting(Finding::code).containsExactlyInAnyOrder("web-site", "pelita-module");
            }
        }
    }

    @Test
    void aSiteWhosePagesFindTheirFilesPasses() throws Exception {
        ValidationReport report = validate("<!DOCTYPE html><html><head>" + CSP + "<link rel=\"stylesheet\" href=\"style.css\">"
                + "</head><body><a href=\"pages/start.html#top\">start</a> <a href=\"https://ssd.eff.org/\">advice</a>"
                + " <a href=\"mailto:help@example.org\">mail</a></body></html>");
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.message()).contains("not an LMS package");
        });
    }

    @Test
    void aPageThatRefersToAFileMissingFromTheZipIsAnErrorWithItsLine() throws Exception {
        ValidationReport report = validate("<!DOCTYPE html><html><head>" + CSP + "</head>\n<body>\n<img src=\"media/logo.png\" alt=\"logo\">"
                + "</body></html>");
        assertThat(report.withCode("web-missing-file")).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.location()).isEqualTo(Location.at("index.html", 3));
            assertThat(finding.message()).contains("media/logo.png");
        });
    }

    @Test
    void aScriptStyleOrImageFromAnotherSiteIsAnErrorButALinkIsNot() throws Exception {
        ValidationReport report = validate("<!DOCTYPE html><html><head>" + CSP
                + "<script src=\"https://cdn.example.com/lib.js\"></script><link rel=\"stylesheet\" href=\"//fonts.example.com/f.css\">"
                + "</head><body><img src=\"http://tracker.example.com/p.gif\" alt=\"\"><a href=\"https://example.org/\">ok</a></body></html>");
        assertThat(report.withCode("web-third-party-load")).hasSize(3).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void aPageWithoutAContentSecurityPolicyIsAWarning() throws Exception {
        ValidationReport report = validate("<!DOCTYPE html><html><head></head><body>Hello</body></html>");
        assertThat(report.withCode("web-no-csp")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void aReferenceThatClimbsOutOfTheSiteIsAnError() throws Exception {
        ValidationReport report = validate("<!DOCTYPE html><html><head>" + CSP + "</head><body><a href=\"../../etc/passwd\">x</a></body></html>");
        assertThat(report.withCode("web-outside")).hasSize(1);
    }

    @Test
    void aZipWithoutTheWebTargetsStartScriptIsJudgedAsAScormPackageMissingItsManifest() throws Exception {
        ValidationReport report = PackageValidator.validate(TestZip.create().add("index.html", "<!DOCTYPE html>")
                .writeTo(dir.resolve("plain.zip")));
        assertThat(report.findings()).extracting(Finding::code).containsExactly("manifest-missing");
    }

    @Test
    void aScormZipWithItsManifestInAFolderIsStillJudgedAsScorm() throws Exception {
        ValidationReport report = PackageValidator.validate(TestZip.create().add("index.html", "<!DOCTYPE html>")
                .add("pelita/web-start.js", "").add("course/imsmanifest.xml", "<manifest/>").writeTo(dir.resolve("wrapped.zip")));
        assertThat(report.findings()).noneMatch(f -> f.code().startsWith("web-"));
        assertThat(report.hasErrors()).isTrue();
    }
}
