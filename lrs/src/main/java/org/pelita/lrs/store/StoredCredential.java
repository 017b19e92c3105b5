package org.pelita.lrs.store;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A credential as stored: the secret only as a hash. */
public record StoredCredential(long id, String key, String secretHash, String scopes, Optional<String> activityPrefix,
                               Optional<String> label, OffsetDateTime created, Optional<OffsetDateTime> revoked) {
}
