package org.pelita.packager.definition;

/** One thing wrong with a module definition: where, what, and how to fix it. */
public record DefinitionProblem(Severity severity, SourceLocation location, String message, String hint) {
    public enum Severity { ERROR, WARNING }

    /** The form compilers use, which editors turn into links: {@code file:line:col: error: message}. */
    public String format() {
        String text = location + ": " + severity.name().toLowerCase() + ": " + message;
        return hint == null || hint.isBlank() ? text : text + "\n    fix: " + hint;
    }
}
