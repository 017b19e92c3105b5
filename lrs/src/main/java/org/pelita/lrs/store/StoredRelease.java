package org.pelita.lrs.store;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A published release (table package_release).
 *
 * @param manifest  its release.json, as published
 * @param notes     its RELEASE-NOTES.md, if the release had one
 * @param withdrawn when an administrator withdrew it, if they did
 * @param changed   when it was last published, withdrawn or brought back (while incomplete: when its publication began)
 * @param complete  whether all its packages are written; an incomplete release is being published, or its publication
 *                  failed and it waits to be discarded
 */
public record StoredRelease(String module, String version, String manifest, Optional<String> notes, OffsetDateTime published,
                            String publishedBy, Optional<OffsetDateTime> withdrawn, OffsetDateTime changed, boolean complete) {
}
