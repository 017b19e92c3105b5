package org.pelita.packager.model;

import java.util.List;
import java.util.Optional;

/**
 * What changed in one version of a module, as its author wrote it under {@code changelog:} in module.yaml: the release
 * notes of that version (for administrators and researchers, so in one language).
 *
 * @param date ISO 8601 (YYYY-MM-DD), when the author gave one
 */
public record ChangelogEntry(String version, Optional<String> date, List<String> changes) {
    public ChangelogEntry {
        changes = List.copyOf(changes);
    }
}
