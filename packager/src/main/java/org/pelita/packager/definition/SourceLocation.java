package org.pelita.packager.definition;

/** A place in a module's source files: path relative to the module folder, 1-based line and column (0 = unknown). */
public record SourceLocation(String file, int line, int column) {
    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0, 0);
    }

    public SourceLocation atLine(int line) {
        return new SourceLocation(file, line, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
