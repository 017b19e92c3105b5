package org.pelita.lrs.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A statement ready to store, prepared by the xAPI rules.
 *
 * @param authority   the authority's identifier text (for statements/read/mine)
 * @param voids       the id this statement voids, for a voiding statement
 * @param targetId    the id of the statement its object refers to (StatementRef), voiding or not
 * @param contentHash SHA-256 of the statement's comparable form, to tell a repeat from a conflict
 * @param keys        what it can be found by: prefixed texts, true when direct (see StatementKeys)
 * @param definitions activity definitions it carries: activity id → Activity JSON, for the Activities resource
 * @param event       what Pelita's reports read of it, or null (research.LearningEvents)
 */
public record NewStatement(UUID id, OffsetDateTime stored, String authority, UUID voids, UUID targetId, String version,
                           String contentHash, String body, Map<String, Boolean> keys, List<String> attachmentHashes,
                           Map<String, String> definitions, LearningEvent event) {
    public NewStatement {
        keys = Map.copyOf(keys);
        attachmentHashes = List.copyOf(attachmentHashes);
        definitions = Map.copyOf(definitions);
    }

    /** A statement no report reads. */
    public NewStatement(UUID id, OffsetDateTime stored, String authority, UUID voids, UUID targetId, String version,
                        String contentHash, String body, Map<String, Boolean> keys, List<String> attachmentHashes,
                        Map<String, String> definitions) {
        this(id, stored, authority, voids, targetId, version, contentHash, body, keys, attachmentHashes, definitions, null);
    }
}
