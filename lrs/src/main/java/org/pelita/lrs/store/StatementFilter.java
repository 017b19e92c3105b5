package org.pelita.lrs.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A statement query: each key is a prefixed text (see the xAPI rules' StatementKeys) with whether related
 * matches count; all given keys must match. {@code after} continues a page.
 */
public record StatementFilter(List<KeyMatch> keys, Optional<String> authority, Optional<OffsetDateTime> since,
                              Optional<OffsetDateTime> until, boolean ascending, Optional<Cursor> after, int limit) {
    public StatementFilter {
        keys = List.copyOf(keys);
    }

    /** @param related true to match related rows too (related_agents / related_activities) */
    public record KeyMatch(String key, boolean related) {
    }

    /** The last statement of a page: the next page starts after it in the query's order. */
    public record Cursor(OffsetDateTime stored, UUID id) {
    }
}
