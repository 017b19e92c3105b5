package org.pelita.packager.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pelita.packager.Packager;
import org.pelita.packager.content.LrsConnection;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.definition.DefinitionException;
import org.pelita.packager.definition.DefinitionProblem;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.target.UnsupportedOptionsException;
import org.pelita.packager.target.Target;
import org.pelita.packager.target.Targets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds packages from a module folder (module.yaml + content/).",
                "By default one package per language; --lang picks one language, --multilingual puts all in one package with a language choice."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:packages written", "1:the definition has errors or cannot be packaged; nothing written", "2:wrong usage (options a target cannot honour too); nothing written"})
public final class BuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<module-dir>", description = "The folder that holds module.yaml.")
    private Path moduleDir;

    @Option(names = "--target", defaultValue = "scorm12", paramLabel = "<format>",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", completionCandidates = TargetNames.class)
    private String target;

    @Option(names = "--out", defaultValue = "dist", paramLabel = "<dir>", description = "Where to write the packages (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--activity-base", paramLabel = "<iri>",
            description = {"xAPI targets: the module's activity IRI is this followed by the module id (default: urn:pelita:module:).",
                    "Use an address you control, e.g. https://lrs.example.org/modules/; keep it the same on every build."})
    private String activityBase;

    @Option(names = "--lrs-endpoint", paramLabel = "<url>",
            description = {"scorm12: the package also sends xAPI statements to this LRS; web: required, the LRS the site reports to.",
                    "https (http only for 127.0.0.1 or localhost). Needs --lrs-key and --pseudonym-key. See docs/xapi-profile.md."})
    private String lrsEndpoint;

    @Option(names = "--lrs-key", paramLabel = "<key:secret>", defaultValue = "${env:PELITA_LRS_KEY}",
            description = {"With --lrs-endpoint: a write-only LRS credential restricted to the module's activity IRI",
                    "(credentials create --scope statements/write --activity-prefix <module IRI>). Default: $PELITA_LRS_KEY."})
    private String lrsKey;

    @Option(names = "--pseudonym-key", paramLabel = "<secret>", defaultValue = "${env:PELITA_PSEUDONYM_KEY}",
            description = {"With --lrs-endpoint: the HMAC key (16 characters or more) that turns learner identifiers into pseudonyms.",
                    "Keep the same one for every build of a study. Default: $PELITA_PSEUDONYM_KEY."})
    private String pseudonymKey;

    @CommandLine.ArgGroup(exclusive = true)
    private Languages languages = new Languages();

    @Option(names = "--sco-per-lesson", description = "One SCO per lesson (plus pre- and post-test) instead of one for the module.")
    private boolean scoPerLesson;

    static final class Languages {
        @Option(names = "--lang", paramLabel = "<tag>", description = "Build only this language.")
        private String language;

        @Option(names = "--multilingual", description = "One package with every language and a language choice.")
        private boolean multilingual;
    }

    static final class TargetNames extends java.util.ArrayList<String> {
        TargetNames() {
            super(Targets.names());
        }
    }

    /** An absolute IRI; a base that does not end in '/', ':' or '#' gets a '/'. */
    private String activityBase(String base) {
        if (base == null) {
            return null;
        }
        if (!base.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--activity-base must be an absolute IRI such as https://lrs.example.org/modules/, not '" + base + "'");
        }
        return base.endsWith("/") || base.endsWith(":") || base.endsWith("#") ? base : base + "/";
    }

    /** Targets that take an LRS at build time; the others (TinCan) are told their LRS at launch. */
    private static final java.util.Set<String> LRS_TARGETS = java.util.Set.of("scorm12", "web");

    private Optional<LrsConnection> lrs() {
        if (lrsEndpoint == null) {
            return Optional.empty();
        }
        if (!LRS_TARGETS.contains(target)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lrs-endpoint is for the targets "
                    + String.join(", ", new java.util.TreeSet<>(LRS_TARGETS)) + "; a '" + target + "' package is told its LRS at launch");
        }
        if (lrsKey == null || lrsKey.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lrs-endpoint needs --lrs-key KEY:SECRET (or PELITA_LRS_KEY):"
                    + " a write-only credential restricted to the module's activity IRI");
        }
        if (pseudonymKey == null || pseudonymKey.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lrs-endpoint needs --pseudonym-key (or PELITA_PSEUDONYM_KEY):"
                    + " the key that turns learner identifiers into pseudonyms; keep the same one for every build of a study");
        }
        try {
            return Optional.of(LrsConnection.of(lrsEndpoint, lrsKey, pseudonymKey));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Optional<Target> format = Targets.byName(target);
        if (format.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown target '" + target + "'; known targets: " + String.join(", ", Targets.names()));
        }
        LanguageMode mode = languages.multilingual ? LanguageMode.MULTILINGUAL
                : languages.language != null ? LanguageMode.ONE : LanguageMode.EACH;
        BuildOptions options = new BuildOptions(mode, Optional.ofNullable(languages.language),
                scoPerLesson ? UnitLayout.PER_LESSON : UnitLayout.SINGLE, Optional.ofNullable(activityBase(activityBase)), lrs());
        try {
            Packager.Result result = new Packager().build(moduleDir, format.get(), options, out);
            for (DefinitionProblem warning : result.warnings()) {
                stderr.println(warning.format());
            }
            for (Path zip : result.packages()) {
                stdout.printf("wrote %s (%,d bytes)%n", zip, Files.size(zip));
            }
            return 0;
        } catch (DefinitionException e) {
            for (DefinitionProblem problem : e.problems()) {
                stderr.println(problem.format());
            }
            stderr.printf("%d error(s) in %s; no package written.%n", e.errors().size(), moduleDir);
            return 1;
        } catch (UnsupportedOptionsException e) {
            stderr.println("error: " + e.getMessage());
            stderr.println("No package written. See: build --help");
            return 2;
        } catch (PackagingException e) {
            stderr.println("error: " + e.getMessage());
            stderr.println("No package written.");
            return 1;
        }
    }
}
