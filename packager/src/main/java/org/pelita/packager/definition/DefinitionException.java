package org.pelita.packager.definition;

import java.util.List;
import java.util.stream.Collectors;

/** A module definition that cannot be built; carries every error found, not just the first. */
public final class DefinitionException extends Exception {
    private final List<DefinitionProblem> problems;

    public DefinitionException(List<DefinitionProblem> problems) {
        super(problems.stream().filter(p -> p.severity() == DefinitionProblem.Severity.ERROR).count()
                + " error(s) in the module definition:\n"
                + problems.stream().map(DefinitionProblem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }

    public List<DefinitionProblem> errors() {
        return problems.stream().filter(p -> p.severity() == DefinitionProblem.Severity.ERROR).toList();
    }
}
