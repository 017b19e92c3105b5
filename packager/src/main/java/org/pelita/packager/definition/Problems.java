package org.pelita.packager.definition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one definition so that all of them are reported together. */
public final class Problems {
    private final List<DefinitionProblem> all = new ArrayList<>();

    public void error(SourceLocation where, String message, String hint) {
        all.add(new DefinitionProblem(DefinitionProblem.Severity.ERROR, where, message, hint));
    }

    public void warning(SourceLocation where, String message, String hint) {
        all.add(new DefinitionProblem(DefinitionProblem.Severity.WARNING, where, message, hint));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(p -> p.severity() == DefinitionProblem.Severity.ERROR);
    }

    /** Sorted by file, then line, so a report reads top to bottom. */
    public List<DefinitionProblem> sorted() {
        return all.stream()
                .sorted(Comparator.comparing((DefinitionProblem p) -> !p.location().file().equals("module.yaml"))
                        .thenComparing(p -> p.location().file())
                        .thenComparingInt(p -> p.location().line())
                        .thenComparingInt(p -> p.location().column()))
                .toList();
    }

    public List<DefinitionProblem> warnings() {
        return sorted().stream().filter(p -> p.severity() == DefinitionProblem.Severity.WARNING).toList();
    }

    public void throwIfErrors() throws DefinitionException {
        if (hasErrors()) {
            throw new DefinitionException(sorted());
        }
    }
}
