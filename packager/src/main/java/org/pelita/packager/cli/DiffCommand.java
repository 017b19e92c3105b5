package org.pelita.packager.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pelita.packager.release.ReleaseDiff;
import org.pelita.packager.release.ReleaseManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code diff <old-release> <new-release>}: what changed between two releases, and whether pre/post results compare. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Lists what changed between two releases of a module (pages, questions, the quizzes' questions,",
                "the mastery score) and says whether their pre-test and post-test results can be compared.",
                "Each release is its folder or its release.json. See docs/releases.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared (whatever changed)", "1:a release cannot be read", "2:wrong usage"})
public final class DiffCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<old-release>")
    private Path before;

    @Parameters(index = "1", paramLabel = "<new-release>")
    private Path after;

    @Override
    public Integer call() {
        try {
            ReleaseDiff diff = ReleaseDiff.of(read(before), read(after));
            spec.commandLine().getOut().print(diff.toText());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static ReleaseManifest read(Path release) throws IOException {
        Path file = Files.isDirectory(release) ? release.resolve(ReleaseManifest.FILE) : release;
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist: give a release folder or its release.json");
        }
        ReleaseManifest manifest = ReleaseManifest.read(file);
        if (manifest.content() == null) {
            throw new IOException(file + " has no content section: it was written by an older packager; release it again");
        }
        return manifest;
    }
}
