package org.pelita.packager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.testing.Repository;

/** {@code release}: what it prints and its exit codes (the rules themselves are in ReleaserTest). */
class ReleaseCommandTest {
    private final CommandLineRun cli = new CommandLineRun();
    @TempDir
    Path work;

    private Path copy(String fixture) {
        return Repository.copyOfFixture(fixture, work);
    }

    @Test
    void releaseListsEachPackageThenANoOpThenARefusal() throws Exception {
        Path module = copy("released");
        String dist = work.resolve("dist").toString();

        assertThat(cli.run("release", module.toString(), "--dist", dist)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("scorm12/released-1.0.0-scorm12-en.zip", "released released 1.0.0 in ",
                "(6 packages)", "without --lrs-endpoint");

        assertThat(cli.run("release", module.toString(), "--dist", dist)).isZero();
        assertThat(cli.out()).contains("already released", "nothing written");

        Files.writeString(module.resolve("content/id/basics/intro.md"), "# Pengantar\n\nHalo lagi.\n");
        assertThat(cli.run("release", module.toString(), "--dist", dist)).isEqualTo(1);
        assertThat(cli.err()).contains("was released with other content", "Nothing released.");
    }

    @Test
    void aDefinitionWithErrorsIsNotReleased() throws Exception {
        assertThat(cli.run("release", copy("bad-changelog").toString(), "--dist", work.resolve("dist").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("is not a date", "nothing released");
        assertThat(work.resolve("dist")).doesNotExist();
    }
}
