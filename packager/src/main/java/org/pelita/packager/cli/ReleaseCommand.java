package org.pelita.packager.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pelita.packager.definition.DefinitionException;
import org.pelita.packager.release.ReleaseArtifact;
import org.pelita.packager.release.ReleaseRefusedException;
import org.pelita.packager.release.Releaser;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.target.UnsupportedOptionsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code release <module-dir>}: every target and language of a module version, with release.json and notes. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Builds every target and language of the module's version into <dist>/<module id>/<version>/,",
                "with release.json (each package's target, languages, size and SHA-256) and RELEASE-NOTES.md from the",
                "changelog in module.yaml. A released version never changes: the same content again is a no-op, other",
                "content is refused. See docs/releases.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:released, or already released with the same content", "1:definition errors, or refused",
                "2:wrong usage"})
public final class ReleaseCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<module-dir>", description = "The folder that holds module.yaml.")
    private Path moduleDir;

    @Option(names = "--dist", defaultValue = "dist", paramLabel = "<dir>", description = "Where releases are kept (default: ${DEFAULT-VALUE}).")
    private Path dist;

    @CommandLine.Mixin
    private XapiOptions xapi = new XapiOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Releaser.Result result = new Releaser(PelitaPackager.version()).release(moduleDir, dist,
                    xapi.activityBase(spec.commandLine()), xapi.lrs(spec.commandLine()));
            if (result.outcome() == Releaser.Outcome.ALREADY_RELEASED) {
                out.printf("%s %s is already released in %s with the same content; nothing written.%n", result.manifest().module(),
                        result.manifest().version(), result.directory());
                return 0;
            }
            for (ReleaseArtifact artifact : result.manifest().artifacts()) {
                out.printf("  %-13s %-12s %,9d  %s  %s%n", artifact.target(), String.join(",", artifact.languages()), artifact.size(),
                        artifact.sha256().substring(0, 16), artifact.file());
            }
            out.printf("released %s %s in %s (%d packages)%n", result.manifest().module(), result.manifest().version(),
                    result.directory(), result.manifest().artifacts().size());
            if (xapi.lrsEndpoint == null) {
                out.println("(without --lrs-endpoint: no SCORM 1.2 + xAPI packages and no web site)");
            }
            return 0;
        } catch (DefinitionException e) {
            return DefinitionErrors.report(err, e, moduleDir, "nothing released");
        } catch (ReleaseRefusedException e) {
            err.println("error: " + e.getMessage());
            err.println("Nothing released.");
            return 1;
        } catch (UnsupportedOptionsException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (PackagingException e) {
            err.println("error: " + e.getMessage());
            err.println("Nothing released.");
            return 1;
        }
    }
}
