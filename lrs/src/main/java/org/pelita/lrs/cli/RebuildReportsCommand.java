package org.pelita.lrs.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.pelita.lrs.research.LearningEvents;
import org.pelita.lrs.store.Database;
import org.pelita.lrs.store.ReportStore;
import org.pelita.lrs.xapi.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rebuild-reports}: writes the research rows of statements stored before the LRS had reports (docs/reports.md),
 * with the LRS stopped. Statements that already have theirs are left alone, so it can run again.
 */
@Command(name = "rebuild-reports", mixinStandardHelpOptions = true,
        description = "Give the reports the statements stored before the LRS had reports. Stop the LRS first.")
public final class RebuildReportsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        try (Database db = database.open()) {
            long written = new ReportStore(db).rebuild(body -> LearningEvents.of(Json.parse(body, "a stored statement")));
            out.printf("wrote the research rows of %,d statements in %.1f s%n", written, (System.nanoTime() - started) / 1e9);
        }
        return 0;
    }
}
