package org.pelita.lrs.store;

import java.time.OffsetDateTime;

/** A state or profile document as stored; {@code etag} is the quoted hash of its content. */
public record StoredDocument(String contentType, byte[] content, String etag, OffsetDateTime updated) {
}
