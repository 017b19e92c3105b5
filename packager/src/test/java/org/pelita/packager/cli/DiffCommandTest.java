package org.pelita.packager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.release.Releaser;
import org.pelita.packager.testing.Repository;

/** {@code diff}: its output and exit codes (the rules are in ReleaseDiffTest). */
class DiffCommandTest {
    private final CommandLineRun cli = new CommandLineRun();
    @TempDir
    Path work;

    @Test
    void diffTakesReleaseFoldersOrTheirReleaseJsonAndSaysWhetherPrePostResultsCompare() throws Exception {
        Path module = Repository.copyOfFixture("released", work);
        Path dist = work.resolve("dist");
        Path first = new Releaser("test").release(module, dist, Optional.empty(), Optional.empty()).directory();
        String yaml = Files.readString(module.resolve("module.yaml"));
        Files.writeString(module.resolve("module.yaml"), yaml.replace("version: 1.0.0\nlanguages", "version: 1.1.0\nlanguages")
                .replace("answer: true", "answer: false").replace("changelog:\n", "changelog:\n  - version: 1.1.0\n    changes: [Fixed.]\n"));
        Path second = new Releaser("test").release(module, dist, Optional.empty(), Optional.empty()).directory();

        assertThat(cli.run("diff", first.toString(), second.resolve("release.json").toString())).as(cli.err()).isZero();

        assertThat(cli.out()).startsWith("released 1.0.0 → 1.1.0\n  question changed: sky (revision ")
                .contains("results of the two releases are NOT comparable: question sky of the pre-test changed");
    }

    @Test
    void aReleaseThatCannotBeReadIsAnError() {
        assertThat(cli.run("diff", work.resolve("nothing").toString(), work.resolve("else").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("does not exist: give a release folder or its release.json");
    }
}
