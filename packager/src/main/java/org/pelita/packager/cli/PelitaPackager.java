package org.pelita.packager.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The packager's command line: {@code build} packages a module, {@code validate} checks any SCORM 1.2 zip. */
@Command(name = "pelita-packager", mixinStandardHelpOptions = true, versionProvider = PelitaPackager.Version.class,
        description = "Builds e-learning packages from module definitions and checks packages before import.",
        subcommands = {BuildCommand.class, ReleaseCommand.class, PublishCommand.class, DiffCommand.class, ValidateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class PelitaPackager implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for main and for tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new PelitaPackager()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest (set by Maven), or "development" when run from classes. */
    static String version() {
        String version = PelitaPackager.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pelita-packager " + version()};
        }
    }
}
