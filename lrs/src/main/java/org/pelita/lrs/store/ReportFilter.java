package org.pelita.lrs.store;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The filters every report takes (docs/reports.md); each empty one selects everything. since and until are on the statement's timestamp. */
public record ReportFilter(Optional<String> module, Optional<String> version, Optional<String> language, Optional<UUID> registration,
                           Optional<String> organisation, Optional<String> country, Optional<OffsetDateTime> since,
                           Optional<OffsetDateTime> until) {
    public static ReportFilter none() {
        return new ReportFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ReportFilter withModule(String id) {
        return new ReportFilter(Optional.of(id), version, language, registration, organisation, country, since, until);
    }
}
