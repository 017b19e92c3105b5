package org.pelita.packager.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.pelita.packager.definition.DefinitionException;
import org.pelita.packager.definition.DefinitionProblem;

/** How the commands that read a module report its definition errors: each with its file and line, then the count. */
final class DefinitionErrors {
    private DefinitionErrors() {
    }

    /**
     * @param outcome what did not happen, such as "no package written"
     * @return the exit code for definition errors
     */
    static int report(PrintWriter err, DefinitionException e, Path moduleDir, String outcome) {
        for (DefinitionProblem problem : e.problems()) {
            err.println(problem.format());
        }
        err.printf("%d error(s) in %s; %s.%n", e.errors().size(), moduleDir, outcome);
        return 1;
    }
}
