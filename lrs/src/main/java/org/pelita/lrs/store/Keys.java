package org.pelita.lrs.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Fixed-size keys for IRIs and agent identifiers: the first 128 bits of their SHA-256, as a UUID. Equal texts
 * give equal keys; different texts practically never collide, and indexes stay small whatever the IRI length.
 */
public final class Keys {
    private Keys() {
    }

    public static UUID of(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            ByteBuffer buffer = ByteBuffer.wrap(hash);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
