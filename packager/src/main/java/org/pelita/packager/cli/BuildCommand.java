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

    @CommandLine.Mixin
    private XapiOptions xapi = new XapiOptions();

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

    /** Targets that take an LRS at build time; the others (TinCan) are told their LRS at launch. */
    private static final java.util.Set<String> LRS_TARGETS = java.util.Set.of("scorm12", "web");

    private Optional<LrsConnection> lrs() {
        if (xapi.lrsEndpoint != null && !LRS_TARGETS.contains(target)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lrs-endpoint is for the targets "
                    + String.join(", ", new java.util.TreeSet<>(LRS_TARGETS)) + "; a '" + target + "' package is told its LRS at launch");
        }
        return xapi.lrs(spec.commandLine());
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
                scoPerLesson ? UnitLayout.PER_LESSON : UnitLayout.SINGLE, xapi.activityBase(spec.commandLine()), lrs());
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
            return DefinitionErrors.report(stderr, e, moduleDir, "no package written");
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
