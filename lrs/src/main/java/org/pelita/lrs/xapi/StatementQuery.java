package org.pelita.lrs.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A GET statements request, checked (xAPI 1.0.3 Communication §2.1.3). */
public record StatementQuery(Optional<UUID> statementId, Optional<UUID> voidedStatementId, Optional<JsonNode> agent,
                             Optional<String> verb, Optional<String> activity, Optional<UUID> registration,
                             boolean relatedActivities, boolean relatedAgents, Optional<OffsetDateTime> since,
                             Optional<OffsetDateTime> until, int limit, StatementFormat format, boolean attachments,
                             boolean ascending) {
    public boolean single() {
        return statementId.isPresent() || voidedStatementId.isPresent();
    }
}
