package org.pelita.lrs.xapi.attachment;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The statement JSON part and the attachment parts of a multipart/mixed request (xAPI 1.0.3 Data §2.4.11 and
 * Communication §1.5.2; 2.0.0 equivalents).
 *
 * @param statementJson the octets of the first part: a statement or an array of statements, not yet parsed
 * @param parts the later parts in the order they came, each with its hash already checked against its content
 */
public record MultipartRequest(byte[] statementJson, List<AttachmentPart> parts) {
    public MultipartRequest {
        Objects.requireNonNull(statementJson, "statementJson");
        parts = List.copyOf(parts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultipartRequest that
                && Arrays.equals(statementJson, that.statementJson)
                && parts.equals(that.parts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(statementJson) + parts.hashCode();
    }

    @Override
    public String toString() {
        return "MultipartRequest[statementJson=" + statementJson.length + " bytes, parts=" + parts + "]";
    }
}
