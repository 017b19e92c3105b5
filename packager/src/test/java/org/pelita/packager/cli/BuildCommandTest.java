package org.pelita.packager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.Zips;

class BuildCommandTest {
    private final CommandLineRun cli = new CommandLineRun();
    @TempDir
    Path out;

    private static String fixture(String name) {
        return Repository.fixture(name).toString();
    }

    private long filesIn(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    @Test
    void buildWritesOnePackagePerLanguageByDefault() throws Exception {
        int exit = cli.run("build", Repository.sample("feature-tour").toString(), "--out", out.toString());
        assertThat(exit).isZero();
        assertThat(out.resolve("feature-tour-1.0.0-scorm12-en.zip")).isRegularFile();
        assertThat(out.resolve("feature-tour-1.0.0-scorm12-id.zip")).isRegularFile();
        assertThat(cli.out()).contains("wrote " + out.resolve("feature-tour-1.0.0-scorm12-en.zip"));
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void langBuildsOneLanguageAndMultilingualBuildsOnePackageWithAll() throws Exception {
        assertThat(cli.run("build", Repository.sample("feature-tour").toString(), "--out", out.toString(), "--lang", "id")).isZero();
        assertThat(cli.run("build", Repository.sample("feature-tour").toString(), "--out", out.toString(), "--multilingual",
                "--sco-per-lesson")).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("feature-tour-1.0.0-scorm12-id.zip", "feature-tour-1.0.0-scorm12-multi.zip");
        }
    }

    @Test
    void definitionErrorsAreListedWithFileAndLineAndNothingIsWritten() throws Exception {
        int exit = cli.run("build", fixture("many-errors"), "--out", out.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(cli.err()).contains("module.yaml:1:5: error: the module id 'Many Errors' is not a valid id\n    fix: ")
                .contains("module.yaml:5:1: error: unknown key 'descripton' in module.yaml\n    fix: did you mean 'description'?")
                .contains("8 error(s) in ");
        assertThat(filesIn(out)).isZero();
    }

    @Test
    void aLanguageTheModuleLacksIsWrongUsage() throws Exception {
        assertThat(cli.run("build", Repository.sample("feature-tour").toString(), "--out", out.toString(), "--lang", "th")).isEqualTo(2);
        assertThat(cli.err()).contains("the module has no language 'th'; it has en, id");
        assertThat(filesIn(out)).isZero();
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertThat(cli.run("build", Repository.sample("feature-tour").toString(), "--target", "scorm2004")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown target 'scorm2004'; known targets: scorm12");
        assertThat(cli.run("build", "x", "--lang", "en", "--multilingual")).isEqualTo(2);
    }

    @Test
    void targetXapiWritesTinCanPackagesNamedLikeTheScormOnes() throws Exception {
        assertThat(cli.run("build", Repository.sample("feature-tour").toString(), "--out", out.toString(), "--target", "xapi",
                "--activity-base", "https://lrs.example.org/modules")).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("feature-tour-1.0.0-xapi-en.zip", "feature-tour-1.0.0-xapi-id.zip");
        }
        String descriptor = new String(Zips.read(out.resolve("feature-tour-1.0.0-xapi-en.zip")).get("tincan.xml"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(descriptor).contains("id=\"https://lrs.example.org/modules/feature-tour\"");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void anActivityBaseMustBeAnAbsoluteIri() {
        assertThat(cli.run("build", Repository.sample("feature-tour").toString(), "--out", out.toString(), "--target", "xapi",
                "--activity-base", "modules/")).isEqualTo(2);
        assertThat(cli.err()).contains("--activity-base must be an absolute IRI");
    }

    @Test
    void lrsEndpointBuildsScormPackagesThatAlsoReportThroughXapi() throws Exception {
        assertThat(cli.run("build", Repository.sample("feature-tour").toString(), "--out", out.toString(), "--lang", "en",
                "--lrs-endpoint", "https://lrs.example.org/xapi", "--lrs-key", "pkg-feature-tour:s3cret",
                "--pseudonym-key", "0123456789abcdef-study")).as(cli.err()).isZero();
        var files = Zips.read(out.resolve("feature-tour-1.0.0-scorm12-en.zip"));
        assertThat(files).containsKeys("imsmanifest.xml", "pelita/xapi.js", "pelita/scorm12-xapi.js");
        assertThat(new String(files.get("index.html"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("connect-src https://lrs.example.org;").contains("\"endpoint\":\"https://lrs.example.org/xapi/\"");
    }

    @Test
    void lrsEndpointNeedsAKeyAndAPseudonymKeyAndATargetThatTakesIt() throws Exception {
        String sample = Repository.sample("feature-tour").toString();
        assertThat(cli.run("build", sample, "--out", out.toString(), "--lrs-endpoint", "https://lrs.example.org/xapi/",
                "--pseudonym-key", "0123456789abcdef-study")).isEqualTo(2);
        assertThat(cli.err()).contains("--lrs-endpoint needs --lrs-key KEY:SECRET");
        assertThat(cli.run("build", sample, "--out", out.toString(), "--lrs-endpoint", "https://lrs.example.org/xapi/",
                "--lrs-key", "k:s")).isEqualTo(2);
        assertThat(cli.err()).contains("--lrs-endpoint needs --pseudonym-key");
        assertThat(cli.run("build", sample, "--out", out.toString(), "--target", "xapi", "--lrs-endpoint", "https://lrs.example.org/xapi/",
                "--lrs-key", "k:s", "--pseudonym-key", "0123456789abcdef-study")).isEqualTo(2);
        assertThat(cli.err()).contains("a 'xapi' package is told its LRS at launch");
        assertThat(cli.run("build", sample, "--out", out.toString(), "--lrs-endpoint", "http://lrs.example.org/xapi/",
                "--lrs-key", "k:s", "--pseudonym-key", "0123456789abcdef-study")).isEqualTo(2);
        assertThat(cli.err()).contains("must use https");
        assertThat(filesIn(out)).isZero();
    }

    @Test
    void optionsATargetCannotHonourAreWrongUsageAndNameTheTargetsThatCan() throws Exception {
        String sample = Repository.sample("feature-tour").toString();
        assertThat(cli.run("build", sample, "--out", out.toString(), "--target", "xapi", "--sco-per-lesson")).isEqualTo(2);
        assertThat(cli.err()).contains("--sco-per-lesson is for SCORM 1.2 and cmi5 only", "See: build --help");
        assertThat(cli.run("build", sample, "--out", out.toString(), "--sco-per-lesson", "--lrs-endpoint", "https://lrs.example.org/xapi/",
                "--lrs-key", "pkg-feature-tour:s3cret", "--pseudonym-key", "0123456789abcdef-study")).isEqualTo(2);
        assertThat(filesIn(out)).isZero();
    }

    @Test
    void targetWebWritesOneSiteAndNeedsAnLrs() throws Exception {
        String sample = Repository.sample("feature-tour").toString();
        assertThat(cli.run("build", sample, "--out", out.toString(), "--target", "web")).isEqualTo(2);
        assertThat(cli.err()).contains("the web target reports to an LRS named at build time: give --lrs-endpoint");
        assertThat(filesIn(out)).isZero();
        assertThat(cli.run("build", sample, "--out", out.toString(), "--target", "web", "--lrs-endpoint", "https://lrs.example.org/xapi/",
                "--lrs-key", "pkg-feature-tour:s3cret", "--pseudonym-key", "0123456789abcdef-study")).as(cli.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("feature-tour-1.0.0-web.zip");
        }
        assertThat(Zips.read(out.resolve("feature-tour-1.0.0-web.zip"))).containsKeys("index.html", "start-en.html", "learn-id.html");
    }
}
