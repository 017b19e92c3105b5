package org.pelita.lrs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pelita.lrs.config.LrsConfig;
import org.pelita.lrs.research.Pseudonyms;
import org.pelita.lrs.store.Database;
import org.pelita.lrs.store.LearnerErasure;
import org.pelita.lrs.store.ResearchSecretStore;
import org.pelita.lrs.xapi.Agents;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.StatementKeys;
import org.pelita.lrs.xapi.XapiVersion;
import org.pelita.lrs.xapi.validation.AgentValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code erase --agent '<agent JSON>'}: removes every record of one learner (docs/research-data.md "Erasing a learner")
 * and prints what it removed; {@code --dry-run} prints what it would remove and changes nothing. No prompt: for scripts.
 * Exit 0 when records were removed (or would be), 1 when the database has none of that agent, 2 for a bad option.
 */
@Command(name = "erase", mixinStandardHelpOptions = true,
        description = {"Erase every record of one learner: the statements they appear in (and those referring to them),",
                "their state and agent profile documents. Prints what was removed."})
public final class EraseCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--agent", required = true, paramLabel = "<agent JSON>",
            description = "The learner as an xAPI Agent, e.g. '{\"mbox\":\"mailto:ana@example.org\"}' or "
                    + "'{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"42\"}}'.")
    String agent;

    @Option(names = "--dry-run", description = "Print what would be removed; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LrsConfig config = database.config();
        String identifier = identifier(config);
        try (Database db = Database.open(config)) {
            LearnerErasure.Removed removed = new LearnerErasure(db).erase(StatementKeys.agent(identifier), identifier, dryRun);
            String pseudonym = new ResearchSecretStore(db).existing().map(secret -> new Pseudonyms(() -> secret).name(identifier))
                    .map(name -> "pseudonym " + name).orElse("no pseudonym: nothing was exported from this database yet");
            if (removed.nothing()) {
                spec.commandLine().getErr().println("no records of " + identifier + " (" + pseudonym + "): no statement names this agent "
                        + "and it has no documents; nothing was changed");
                return 1;
            }
            out.println((dryRun ? "would erase " : "erased ") + identifier + " (" + pseudonym + "):");
            line(out, "statements", removed.statements());
            line(out, "statement keys", removed.statementKeys());
            line(out, "report rows (learning_event)", removed.learningEvents());
            line(out, "statement references", removed.statementReferences());
            line(out, "attachment links", removed.attachmentLinks());
            line(out, "attachments", removed.attachments());
            line(out, "state documents", removed.stateDocuments());
            line(out, "agent profile documents", removed.agentProfileDocuments());
            if (dryRun) {
                out.println("dry run: nothing was changed");
            }
            return 0;
        }
    }

    /** The learner's identifier from --agent: an Agent (not a Group) that identifies someone, and not a credential of this LRS. */
    private String identifier(LrsConfig config) {
        JsonNode node;
        try {
            node = Json.parse(agent, "the --agent value");
            AgentValidator.validateActor(node, "--agent", XapiVersion.V2_0_0);
        } catch (InvalidRequestException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (Agents.isGroup(node)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--agent must be an Agent (one learner), not a Group");
        }
        Optional<String> identifier = Agents.identifier(node);
        if (identifier.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--agent must identify the learner by mbox, mbox_sha1sum, openid or account");
        }
        // The authority of stored statements is the credential that stored them: "erasing" it would erase all their statements.
        if (config.authorityHomePage().equals(node.path("account").path("homePage").asText(null))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--agent names an LRS credential (an account on "
                    + config.authorityHomePage() + "), the authority of the statements it stored, not a learner; revoke the credential instead");
        }
        return identifier.get();
    }

    private static void line(PrintWriter out, String what, int count) {
        out.printf("  %-30s %,10d%n", what, count);
    }
}
