package org.pelita.lrs.xapi.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.MimeUtil;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.PayloadTooLargeException;

/**
 * Reads the body of a statement request sent as multipart/mixed (xAPI 1.0.3 Communication §1.5.2; RFC 2046 §5.1).
 * Line ends may be CRLF or bare LF, the first boundary may be preceded by a line end or a preamble, and the closing
 * boundary need not be followed by a line end: the ADL suite sends all of these.
 */
public final class MultipartReader {
    /** Header lines allowed in one part; the parts of a statement request need three. */
    static final int MAX_HEADERS_PER_PART = 64;
    /** Bytes allowed in one header of a part. */
    static final int MAX_HEADER_LENGTH = 16 * 1024;

    private static final String CONTENT_TYPE = "Content-Type";
    private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";
    private static final String HASH = "X-Experience-API-Hash";

    private MultipartReader() {
    }

    /**
     * Reads a multipart/mixed body; the first part must be application/json (the statement or statements); each later
     * part needs Content-Type, Content-Transfer-Encoding: binary and X-Experience-API-Hash (the SHA-2 hex of its
     * content, which is checked). Enforces maxBytes on what is read (413). Any malformed input is a 400 that says what
     * is wrong.
     *
     * @param body the request body; it is read, not closed
     * @param contentTypeHeader the request's Content-Type, which must be multipart/mixed with a boundary
     * @param maxBytes the most bytes the body may have; one byte more is a {@link PayloadTooLargeException}
     */
    public static MultipartRequest read(InputStream body, String contentTypeHeader, long maxBytes) {
        Objects.requireNonNull(body, "body");
        String boundary = boundaryOf(contentTypeHeader);
        BodyLimit limited = new BodyLimit(body, maxBytes);
        try {
            return parse(limited, boundary);
        } catch (IOException | MimeException e) {
            if (limited.exceeded()) {
                throw new PayloadTooLargeException("the request body is larger than the limit of " + maxBytes
                        + " bytes");
            }
            throw new InvalidRequestException("the multipart/mixed body is malformed (" + e.getMessage() + "): it"
                    + " must be parts, each opened by a line --" + boundary + ", and end with a line --" + boundary
                    + "--", e);
        }
    }

    /** The boundary of a multipart/mixed Content-Type header (RFC 2046 §5.1.1), or a 400 that says what is wrong. */
    static String boundaryOf(String contentTypeHeader) {
        if (contentTypeHeader == null || contentTypeHeader.isBlank()) {
            throw new InvalidRequestException("a request with attachments needs Content-Type multipart/mixed with a"
                    + " boundary");
        }
        String type = MediaTypes.essence(contentTypeHeader);
        if (!MediaTypes.MULTIPART_MIXED.equals(type)) {
            // The suite sends multipart/form-data and expects 400 (XAPI-00127).
            throw new InvalidRequestException("Content-Type is " + type + "; statements with attachments are sent as "
                    + MediaTypes.MULTIPART_MIXED);
        }
        String boundary = MediaTypes.boundaryParameter(contentTypeHeader).orElseThrow(() -> new InvalidRequestException(
                "Content-Type multipart/mixed has no boundary parameter"));
        if (!MediaTypes.isValidBoundary(boundary)) {
            throw new InvalidRequestException("the multipart boundary \"" + boundary + "\" is not valid: RFC 2046"
                    + " allows 1 to 70 characters of letters, digits and '()+_,-./:=? and space, not ending in a"
                    + " space");
        }
        return boundary;
    }

    private static MultipartRequest parse(InputStream in, String boundary) throws IOException, MimeException {
        MimeConfig config = new MimeConfig.Builder()
                // Strict: a missing closing boundary, a header line without a colon or headers cut off by the end of
                // the body are errors rather than guesses.
                .setStrictParsing(true)
                // A statement batch is often one long JSON line; the body size is bounded by BodyLimit instead.
                .setMaxLineLen(-1)
                .setMaxContentLen(-1)
                .setMaxHeaderCount(MAX_HEADERS_PER_PART)
                .setMaxHeaderLen(MAX_HEADER_LENGTH)
                .build();
        MimeTokenStream tokens = new MimeTokenStream(config);
        tokens.parseHeadless(in, MediaTypes.MULTIPART_MIXED + "; boundary=\"" + boundary + "\"");

        byte[] statementJson = null;
        List<AttachmentPart> parts = new ArrayList<>();
        PartHeaders headers = null;
        int partNumber = 0;
        for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
            switch (state) {
                // The body's own multipart: below it, a part whose type is multipart or message is attachment data
                // like any other, kept as it came.
                case T_START_MULTIPART -> tokens.setRecursionMode(RecursionMode.M_FLAT);
                case T_START_BODYPART -> headers = new PartHeaders(++partNumber);
                case T_FIELD -> headers.add(tokens.getField());
                case T_BODY -> {
                    if (partNumber == 1) {
                        statementJson = readStatementPart(headers, tokens.getInputStream());
                    } else {
                        parts.add(readAttachmentPart(headers, tokens.getInputStream()));
                    }
                }
                default -> {
                    // preamble, epilogue and the ends of headers and parts need nothing
                }
            }
        }
        if (statementJson == null) {
            throw new InvalidRequestException("the multipart/mixed body has no parts; its first part must hold the"
                    + " statements as application/json");
        }
        return new MultipartRequest(statementJson, parts);
    }

    /** Communication §1.5.2.s2.b2.b1 and b6: the first part holds the statements, with type application/json. */
    private static byte[] readStatementPart(PartHeaders headers, InputStream content) throws IOException {
        String type = headers.single(CONTENT_TYPE);
        if (type == null) {
            throw new InvalidRequestException("part 1 of the multipart body has no Content-Type; it must be "
                    + MediaTypes.APPLICATION_JSON + " and hold the statements");
        }
        if (!MediaTypes.APPLICATION_JSON.equals(MediaTypes.essence(type))) {
            // XAPI-00134
            throw new InvalidRequestException("part 1 of the multipart body has Content-Type " + type + "; the first"
                    + " part must be " + MediaTypes.APPLICATION_JSON + " and hold the statements");
        }
        String encoding = headers.single(TRANSFER_ENCODING);
        if (encoding != null && !List.of("binary", "8bit", "7bit").contains(encoding.toLowerCase(Locale.ROOT))) {
            throw new InvalidRequestException("part 1 of the multipart body has Content-Transfer-Encoding " + encoding
                    + "; send the statements as they are (binary)");
        }
        return content.readAllBytes();
    }

    /**
     * Communication §1.5.2.s2.b2.b3, b4, b6: each later part has X-Experience-API-Hash, Content-Transfer-Encoding
     * binary and Content-Type. The hash is checked against the content here, so the parts handed on are what they
     * claim to be (§1.5.2.s1.b4: data is matched to attachments by SHA-2 and no other way).
     */
    private static AttachmentPart readAttachmentPart(PartHeaders headers, InputStream content) throws IOException {
        int number = headers.partNumber;
        String hash = headers.single(HASH);
        if (hash == null) {
            // XAPI-00132; the suite's "statements in two parts" case (XAPI-00133) fails here too.
            throw new InvalidRequestException("part " + number + " of the multipart body has no " + HASH + " header;"
                    + " every part after the statements must carry the SHA-2 of its content (and only the first part"
                    + " may hold statements)");
        }
        String algorithm = Sha2.algorithmFor(hash).orElseThrow(() -> new InvalidRequestException("part " + number
                + " of the multipart body has " + HASH + " \"" + hash + "\", which is not the hex of a SHA-2 digest"
                + " (64 hex digits for SHA-256)"));
        String encoding = headers.single(TRANSFER_ENCODING);
        if (encoding == null || !encoding.equalsIgnoreCase("binary")) {
            // XAPI-00135: the header is required, and binary is the only encoding allowed.
            throw new InvalidRequestException("part " + number + " of the multipart body has "
                    + (encoding == null ? "no " + TRANSFER_ENCODING : TRANSFER_ENCODING + " " + encoding)
                    + "; attachment parts must have " + TRANSFER_ENCODING + ": binary");
        }
        String contentType = headers.single(CONTENT_TYPE);
        if (contentType == null || contentType.isEmpty()) {
            throw new InvalidRequestException("part " + number + " of the multipart body has no Content-Type");
        }

        MessageDigest digest = Sha2.digest(algorithm);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = content.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
            data.write(buffer, 0, n);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equalsIgnoreCase(hash)) {
            throw new InvalidRequestException("part " + number + " of the multipart body has " + HASH + " " + hash
                    + " but the " + algorithm + " of its " + data.size() + " bytes is " + actual);
        }
        return new AttachmentPart(hash, contentType, data.toByteArray());
    }

    /** The header lines of one part, by lower-case name, with folded lines joined. */
    private static final class PartHeaders {
        private final int partNumber;
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        PartHeaders(int partNumber) {
            this.partNumber = partNumber;
        }

        void add(Field field) {
            String value = field.getBody() == null ? "" : MimeUtil.unfold(field.getBody()).strip();
            values.computeIfAbsent(field.getName().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }

        /** The header's one value, null if absent; a header given twice is ambiguous and refused. */
        String single(String name) {
            List<String> found = values.get(name.toLowerCase(Locale.ROOT));
            if (found == null) {
                return null;
            }
            if (found.size() > 1) {
                throw new InvalidRequestException("part " + partNumber + " of the multipart body has " + found.size()
                        + " " + name + " headers; it may have one");
            }
            return found.get(0);
        }
    }
}
