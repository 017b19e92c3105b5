package org.pelita.packager.cli;

import java.util.Optional;
import org.pelita.packager.content.LrsConnection;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The xAPI options of build and release: the activity IRI base, and the LRS a package reports to. */
final class XapiOptions {
    @Option(names = "--activity-base", paramLabel = "<iri>",
            description = {"xAPI targets: the module's activity IRI is this followed by the module id (default: urn:pelita:module:).",
                    "Use an address you control, e.g. https://lrs.example.org/modules/; keep it the same on every build."})
    String activityBase;

    @Option(names = "--lrs-endpoint", paramLabel = "<url>",
            description = {"scorm12: the package also sends xAPI statements to this LRS; web: required, the LRS the site reports to.",
                    "https (http only for 127.0.0.1 or localhost). Needs --lrs-key and --pseudonym-key. See docs/xapi-profile.md."})
    String lrsEndpoint;

    @Option(names = "--lrs-key", paramLabel = "<key:secret>", defaultValue = "${env:PELITA_LRS_KEY}",
            description = {"With --lrs-endpoint: a write-only LRS credential restricted to the module's activity IRI",
                    "(credentials create --scope statements/write --activity-prefix <module IRI>). Default: $PELITA_LRS_KEY."})
    String lrsKey;

    @Option(names = "--pseudonym-key", paramLabel = "<secret>", defaultValue = "${env:PELITA_PSEUDONYM_KEY}",
            description = {"With --lrs-endpoint: the HMAC key (16 characters or more) that turns learner identifiers into pseudonyms.",
                    "Keep the same one for every build of a study. Default: $PELITA_PSEUDONYM_KEY."})
    String pseudonymKey;

    /** An absolute IRI; a base that does not end in '/', ':' or '#' gets a '/'. */
    Optional<String> activityBase(CommandLine commandLine) {
        if (activityBase == null) {
            return Optional.empty();
        }
        if (!activityBase.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+")) {
            throw new CommandLine.ParameterException(commandLine,
                    "--activity-base must be an absolute IRI such as https://lrs.example.org/modules/, not '" + activityBase + "'");
        }
        String base = activityBase;
        return Optional.of(base.endsWith("/") || base.endsWith(":") || base.endsWith("#") ? base : base + "/");
    }

    /** The LRS named with --lrs-endpoint, checked, with its key and pseudonym key; empty without --lrs-endpoint. */
    Optional<LrsConnection> lrs(CommandLine commandLine) {
        if (lrsEndpoint == null) {
            return Optional.empty();
        }
        if (lrsKey == null || lrsKey.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, "--lrs-endpoint needs --lrs-key KEY:SECRET (or PELITA_LRS_KEY):"
                    + " a write-only credential restricted to the module's activity IRI");
        }
        if (pseudonymKey == null || pseudonymKey.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, "--lrs-endpoint needs --pseudonym-key (or PELITA_PSEUDONYM_KEY):"
                    + " the key that turns learner identifiers into pseudonyms; keep the same one for every build of a study");
        }
        try {
            return Optional.of(LrsConnection.of(lrsEndpoint, lrsKey, pseudonymKey));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
