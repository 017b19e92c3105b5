package org.pelita.lrs.store;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A statement as stored: its JSON exactly as it is served. */
public record StoredStatement(UUID id, OffsetDateTime stored, String body, boolean hasAttachments) {
}
