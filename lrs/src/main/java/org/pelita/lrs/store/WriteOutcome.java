package org.pelita.lrs.store;

import java.util.UUID;

/** How a submission of statements ended. */
public sealed interface WriteOutcome {
    /** Stored, or already stored as the same statements (a repeat is not an error). */
    record Stored() implements WriteOutcome {
    }

    /** A statement with this id exists with different content: nothing of the submission was stored. */
    record Conflict(UUID id) implements WriteOutcome {
    }
}
