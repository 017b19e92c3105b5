package org.pelita.packager.validate;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;

/** What every manifest check may look at: the parsed manifest, Moodle's view of it, and the zip's files. */
record ManifestContext(Document document, ManifestModel manifest, Set<String> files) {
    ManifestContext {
        files = Collections.unmodifiableSet(new LinkedHashSet<>(files));
    }

    static ManifestContext of(Document document, ManifestModel manifest, List<String> files) {
        return new ManifestContext(document, manifest, new LinkedHashSet<>(files));
    }

    static Location at(int line) {
        return Location.at(ZipScan.MANIFEST, line);
    }

    /** Names a file differing only in case, to explain a miss on Moodle's case-sensitive servers; else "". */
    String caseHint(String path) {
        return files.stream().filter(f -> f.equalsIgnoreCase(path)).findFirst()
                .map(f -> " (the zip has '" + f + "': names are case-sensitive on Moodle's servers)")
                .orElse("");
    }
}
