package org.pelita.packager.release;

import java.util.List;
import org.pelita.packager.model.ChangelogEntry;
import org.pelita.packager.model.Module;

/** RELEASE-NOTES.md of a release: this version's changelog entry, then the earlier ones. */
final class ReleaseNotes {
    static final String FILE = "RELEASE-NOTES.md";

    private ReleaseNotes() {
    }

    static String markdown(Module module, ChangelogEntry current) {
        StringBuilder notes = new StringBuilder("# ").append(module.title().in(module.languages().get(0))).append(' ')
                .append(module.version()).append("\n\n");
        notes.append("Module `").append(module.id()).append("`, version ").append(module.version())
                .append(current.date().map(d -> ", released " + d).orElse("")).append(". Languages: ")
                .append(String.join(", ", module.languages())).append(".\n\n");
        changes(notes, current.changes());
        List<ChangelogEntry> earlier = module.changelog().stream().filter(e -> !e.version().equals(module.version())).toList();
        if (!earlier.isEmpty()) {
            notes.append("\n## Earlier versions\n");
            for (ChangelogEntry entry : earlier) {
                notes.append("\n### ").append(entry.version()).append(entry.date().map(d -> " (" + d + ")").orElse("")).append("\n\n");
                changes(notes, entry.changes());
            }
        }
        return notes.toString();
    }

    private static void changes(StringBuilder notes, List<String> changes) {
        for (String change : changes) {
            notes.append("- ").append(change.replace("\n", " ")).append('\n');
        }
    }
}
