package org.pelita.packager.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pelita.packager.validate.JsonReport;
import org.pelita.packager.validate.PackageValidator;
import org.pelita.packager.validate.TextReport;
import org.pelita.packager.validate.ValidationReport;
import org.pelita.packager.validate.ZipLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pelita validate}: checks SCORM 1.2 zips, from Pelita or any other tool, before they reach Moodle. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {
                "Checks SCORM 1.2 zips for what makes Moodle refuse or mis-track them: manifest location, XML and"
                        + " schema validity, namespace prefixes, references, launch files, mastery scores.",
                "A zip with tincan.xml at its root and no imsmanifest.xml is checked as a TinCan package: tincan.xml's"
                        + " XML and namespace, activity ids and names, and the launch file.",
                "A zip with cmi5.xml at its root is checked as a cmi5 package: cmi5.xml against the official"
                        + " CourseStructure.xsd, ids that are absolute IRIs, and every AU's url in the zip.",
                "Safe on untrusted zips: nothing is extracted, sizes are bounded, DTDs and entities are refused.",
                "Exit code: 0 when no zip has errors, 1 when one has, 2 for a usage error."},
        sortOptions = false)
public final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ZIP", description = "SCORM, TinCan or cmi5 zip file(s) to check.")
    private List<Path> zips = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format: text (one line per finding) or json (for scripts). Default: ${DEFAULT-VALUE}.")
    private Format format = Format.text;

    @Option(names = "--max-total-size", defaultValue = "1G", paramLabel = "BYTES", converter = SizeConverter.class,
            description = "Most uncompressed bytes to inflate per zip; K, M and G suffixes allowed (binary). Default: ${DEFAULT-VALUE}.")
    private long maxTotalSize = ZipLimits.DEFAULTS.maxTotalSize();

    @Option(names = "--max-entries", defaultValue = "20000", paramLabel = "N",
            description = "Most entries a zip may hold. Default: ${DEFAULT-VALUE}.")
    private int maxEntries = ZipLimits.DEFAULTS.maxEntries();

    @Option(names = "--release", paramLabel = "<release.json>",
            description = "A release's release.json: say whether each zip is one of its packages, byte for byte"
                    + " (default: the release.json of the release folder a zip sits in, if any).")
    private Path release;

    /** Picocli instantiates commands through this; another command registers this one as a subcommand. */
    public ValidateCommand() {
    }

    @Override
    public Integer call() {
        if (maxTotalSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-total-size must be at least 1 byte");
        }
        if (maxEntries < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-entries must be at least 1");
        }
        if (release != null && !java.nio.file.Files.isRegularFile(release)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--release: no file " + release);
        }
        ZipLimits limits = ZipLimits.DEFAULTS.withMaxTotalSize(maxTotalSize).withMaxEntries(maxEntries);
        List<ValidationReport> reports = new ArrayList<>();
        for (Path zip : zips) {
            reports.add(PackageValidator.validate(zip, limits, java.util.Optional.ofNullable(release)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(JsonReport.render(reports));
        } else {
            for (int i = 0; i < reports.size(); i++) {
                out.print((i > 0 ? "\n" : "") + TextReport.render(reports.get(i)));
            }
        }
        out.flush();
        return reports.stream().anyMatch(ValidationReport::hasErrors) ? 1 : 0;
    }

    /** Reads byte counts such as 1048576, 512K, 200M or 2G (powers of 1024). */
    static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMG]?)I?B?");

        @Override
        public Long convert(String value) {
            Matcher matcher = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a size in bytes (e.g. 500M, 2G)");
            }
            int shift = switch (matcher.group(2)) {
                case "K" -> 10;
                case "M" -> 20;
                case "G" -> 30;
                default -> 0;
            };
            try {
                long number = Long.parseLong(matcher.group(1));
                if (number > (Long.MAX_VALUE >> shift)) {
                    throw new NumberFormatException();
                }
                return number << shift;
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is too large");
            }
        }
    }
}
