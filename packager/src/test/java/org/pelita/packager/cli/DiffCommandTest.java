package org.pelita.packager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.release.Releaser;
import org.pelita.packager.testing.Repository;
import picocli.CommandLine;

/** {@code diff}: its output and exit codes (the rules are in ReleaseDiffTest). */
class DiffCommandTest {
    @TempDir
    Path work;
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        CommandLine cli = PelitaPackager.commandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        return cli.execute(args);
    }

    @Test
    void diffTakesReleaseFoldersOrTheirReleaseJsonAndSaysWhetherPrePostResultsCompare() throws Exception {
        Path module = Repository.copyOfFixture("released", work);
        Path dist = work.resolve("dist");
        Path first = new Releaser("test").release(module, dist, Optional.empty(), Optional.empty()).directory();
        String yaml = Files.readString(module.resolve("module.yaml"));
        Files.writeString(module.resolve("module.yaml"), yaml.replace("version: 1.0.0\nlanguages", "version: 1.1.0\nlanguages")
                .replace("answer: true", "answer: false").replace("changelog:\n", "changelog:\n  - version: 1.1.0\n    changes: [Fixed.]\n"));
        Path second = new Releaser("test").release(module, dist, Optional.empty(), Optional.empty()).directory();

        assertThat(run("diff", first.toString(), second.resolve("release.json").toString())).as(stderr.toString()).isZero();

        assertThat(stdout.toString()).startsWith("released 1.0.0 → 1.1.0\n  question changed: sky (revision ")
                .contains("results of the two releases are NOT comparable: question sky of the pre-test changed");
    }

    @Test
    void aReleaseThatCannotBeReadIsAnError() {
        assertThat(run("diff", work.resolve("nothing").toString(), work.resolve("else").toString())).isEqualTo(1);
        assertThat(stderr.toString()).contains("does not exist: give a release folder or its release.json");
    }
}
