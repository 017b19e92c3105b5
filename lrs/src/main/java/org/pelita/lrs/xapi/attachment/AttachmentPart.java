package org.pelita.lrs.xapi.attachment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The raw data of one attachment, as carried by a part of a multipart/mixed request or response.
 *
 * @param sha2 the part's X-Experience-API-Hash: hex SHA-2 of {@code content}, kept in lower case
 * @param contentType the part's Content-Type header, as sent
 * @param content the octets of the part (Content-Transfer-Encoding binary: nothing decoded)
 */
public record AttachmentPart(String sha2, String contentType, byte[] content) {
    public AttachmentPart {
        Objects.requireNonNull(sha2, "sha2");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        sha2 = sha2.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttachmentPart that
                && sha2.equals(that.sha2)
                && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sha2, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "AttachmentPart[sha2=" + sha2 + ", contentType=" + contentType + ", " + content.length + " bytes]";
    }
}
