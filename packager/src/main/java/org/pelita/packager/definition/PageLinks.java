package org.pelita.packager.definition;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Which Markdown files are pages of the module, so that links between pages can be checked and rewritten. */
record PageLinks(Map<Path, PageRef> pagesByFile) {
    /** A page in one language; {@code stepKey} is the language-independent key of its step. */
    record PageRef(String language, String stepKey) {
    }

    Optional<PageRef> find(Path file) {
        return Optional.ofNullable(pagesByFile.get(file.toAbsolutePath().normalize()));
    }
}
