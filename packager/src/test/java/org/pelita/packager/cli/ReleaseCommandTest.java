package org.pelita.packager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.testing.Repository;
import picocli.CommandLine;

/** {@code release}: what it prints and its exit codes (the rules themselves are in ReleaserTest). */
class ReleaseCommandTest {
    @TempDir
    Path work;
    private StringWriter stdout = new StringWriter();
    private StringWriter stderr = new StringWriter();

    private int run(String... args) {
        stdout = new StringWriter();
        stderr = new StringWriter();
        CommandLine cli = PelitaPackager.commandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        return cli.execute(args);
    }

    private Path copy(String fixture) {
        return Repository.copyOfFixture(fixture, work);
    }

    @Test
    void releaseListsEachPackageThenANoOpThenARefusal() throws Exception {
        Path module = copy("released");
        String dist = work.resolve("dist").toString();

        assertThat(run("release", module.toString(), "--dist", dist)).as(stderr.toString()).isZero();
        assertThat(stdout.toString()).contains("scorm12/released-1.0.0-scorm12-en.zip", "released released 1.0.0 in ",
                "(6 packages)", "without --lrs-endpoint");

        assertThat(run("release", module.toString(), "--dist", dist)).isZero();
        assertThat(stdout.toString()).contains("already released", "nothing written");

        Files.writeString(module.resolve("content/id/basics/intro.md"), "# Pengantar\n\nHalo lagi.\n");
        assertThat(run("release", module.toString(), "--dist", dist)).isEqualTo(1);
        assertThat(stderr.toString()).contains("was released with other content", "Nothing released.");
    }

    @Test
    void aDefinitionWithErrorsIsNotReleased() throws Exception {
        assertThat(run("release", copy("bad-changelog").toString(), "--dist", work.resolve("dist").toString())).isEqualTo(1);
        assertThat(stderr.toString()).contains("is not a date", "nothing released");
        assertThat(work.resolve("dist")).doesNotExist();
    }
}
