package org.pelita.lrs.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pelita.lrs.auth.Scope;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.store.CredentialStore;
import org.pelita.lrs.store.Database;
import org.pelita.lrs.store.StoredCredential;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Credentials from scripts, without prompts: create, list, revoke. */
@Command(name = "credentials", mixinStandardHelpOptions = true, description = "Create, list and revoke API credentials.",
        subcommands = {CredentialsCommand.Create.class, CredentialsCommand.ListCredentials.class, CredentialsCommand.Revoke.class})
public final class CredentialsCommand {
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a credential. Prints the key and the secret.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Option(names = "--key", required = true, description = "The key (user name).")
        String key;

        @Option(names = "--secret", description = "The secret; a random one is made when left out.")
        String secret;

        @Option(names = "--scope", required = true, split = "[, ]+", description = "xAPI scopes, separated by commas or spaces: ${COMPLETION-CANDIDATES}.",
                completionCandidates = ScopeNames.class)
        List<String> scopes = new ArrayList<>();

        @Option(names = "--activity-prefix", paramLabel = "<iri>",
                description = "Write-only keys for content packages: only statements about activities whose id starts with this IRI.")
        String activityPrefix;

        @Option(names = "--label", description = "A name for the credential (shown as the authority's name).")
        String label;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Set<String> checked = new LinkedHashSet<>();
            for (String scope : scopes) {
                if (Scope.parse(scope).isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "unknown scope '" + scope + "'; scopes: " + String.join(", ", new ScopeNames()));
                }
                checked.add(scope);
            }
            if (activityPrefix != null && !checked.equals(Set.of("statements/write")) && !checked.equals(Set.of("statements/write", "define"))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--activity-prefix is for write-only keys: use it with --scope statements/write,"
                        + " optionally with define (so that its activities' definitions become the LRS's names)");
            }
            if (!key.matches("[A-Za-z0-9._~-]{1,200}")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "the key may use letters, digits and . _ ~ - (it goes in a Basic auth header)");
            }
            String theSecret = secret != null ? secret : HexFormat.of().formatHex(random(24));
            try (Database db = database.open()) {
                boolean created = new CredentialStore(db).create(key, new SecretHasher().hash(theSecret), String.join(" ", checked),
                        Optional.ofNullable(activityPrefix), Optional.ofNullable(label));
                if (!created) {
                    spec.commandLine().getErr().println("a credential with the key '" + key + "' exists already");
                    return 1;
                }
            }
            out.println("key: " + key);
            if (secret == null) {
                out.println("secret: " + theSecret);
            }
            out.println("scopes: " + String.join(" ", checked) + (activityPrefix == null ? "" : " (activities under " + activityPrefix + ")"));
            return 0;
        }

        private static byte[] random(int bytes) {
            byte[] value = new byte[bytes];
            new SecureRandom().nextBytes(value);
            return value;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List credentials (never their secrets).")
    static final class ListCredentials implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = database.open()) {
                out.printf("%-28s %-9s %-40s %s%n", "KEY", "STATE", "SCOPES", "ACTIVITY PREFIX / LABEL");
                for (StoredCredential c : new CredentialStore(db).all()) {
                    out.printf("%-28s %-9s %-40s %s%n", c.key(), c.revoked().isPresent() ? "revoked" : "active", c.scopes(),
                            c.activityPrefix().orElse("") + c.label().map(l -> " " + l).orElse(""));
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a credential (within 10 s on running LRSs).")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Option(names = "--key", required = true)
        String key;

        @Override
        public Integer call() {
            try (Database db = database.open()) {
                if (!new CredentialStore(db).revoke(key)) {
                    spec.commandLine().getErr().println("no active credential with the key '" + key + "'");
                    return 1;
                }
            }
            spec.commandLine().getOut().println("revoked " + key);
            return 0;
        }
    }

    static final class ScopeNames extends ArrayList<String> {
        ScopeNames() {
            for (Scope scope : Scope.values()) {
                add(scope.text());
            }
        }
    }
}
