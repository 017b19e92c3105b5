package org.pelita.packager.validate;

/**
 * Where a finding is: a zip entry and a 1-based line in it (0 = unknown). A null entry means the zip as a whole.
 */
public record Location(String entry, int line) {
    public static final Location ZIP = new Location(null, 0);

    public static Location entry(String entry) {
        return new Location(entry, 0);
    }

    public static Location at(String entry, int line) {
        return new Location(entry, Math.max(line, 0));
    }

    /** {@code entry:line}, {@code entry}, or the given zip name when the finding is about the whole zip. */
    public String render(String zipName) {
        String where = entry == null ? zipName : entry;
        return line > 0 ? where + ":" + line : where;
    }
}
