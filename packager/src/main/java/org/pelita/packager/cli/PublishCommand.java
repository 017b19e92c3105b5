package org.pelita.packager.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pelita.packager.release.PublishException;
import org.pelita.packager.release.ReleasePublisher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code publish <release> --lrs <url>}: uploads a release to a Pelita LRS, which serves it at stable URLs. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes a release (its folder, dist/<module>/<version>) on a Pelita LRS, which then serves each",
                "package at /packages/<module>/<version>/<target>/<language>.zip and at the same address under latest,",
                "for LMSs that update from a URL (Moodle's downloaded package). A published version never changes.",
                "See docs/packages.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:published, or already published with the same content", "1:refused, or the LRS cannot be reached",
                "2:wrong usage"})
public final class PublishCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<release>", description = "A release folder (or its release.json).")
    private Path release;

    @Option(names = "--lrs", required = true, paramLabel = "<url>", description = "The LRS's address, e.g. https://lrs.example.org/.")
    private URI lrs;

    @Option(names = "--credential", paramLabel = "<key:secret>", defaultValue = "${env:PELITA_LRS_CREDENTIAL}",
            description = "An administrator's credential (scope all). Better given as PELITA_LRS_CREDENTIAL, out of the process list.")
    private String credential;

    @Override
    public Integer call() throws IOException {
        if (credential == null || credential.indexOf(':') <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give an administrator's credential as key:secret, with --credential or PELITA_LRS_CREDENTIAL");
        }
        if (lrs.getScheme() == null || !lrs.getScheme().matches("https?")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lrs must be an http:// or https:// address, not " + lrs);
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            ReleasePublisher.Result result = new ReleasePublisher().publish(release, lrs, credential);
            out.printf("%s %s %s on %s (%d packages)%n", result.outcome(), result.module(), result.version(), result.lrs(),
                    result.urls().size());
            result.urls().forEach(url -> out.println("  " + url));
            if (!result.latestUrls().isEmpty()) {
                out.println("latest (for LMSs that update automatically):");
                result.latestUrls().forEach(url -> out.println("  " + url));
            }
            return 0;
        } catch (PublishException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
    }
}
