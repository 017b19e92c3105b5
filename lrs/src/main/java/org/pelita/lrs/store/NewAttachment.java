package org.pelita.lrs.store;

/** Attachment content received with statements, stored once per SHA-2. */
public record NewAttachment(String sha2, String contentType, byte[] content) {
}
