package org.pelita.lrs.xapi.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the multipart/mixed response of GET /statements with attachments=true (1.0.3 Communication §1.5.2.s3.b1 and
 * the Statement Resource's "attachments" parameter; XAPI-00167): the statement or StatementResult JSON first, then one
 * part per attachment with Content-Type, Content-Transfer-Encoding: binary and X-Experience-API-Hash. Lines end in
 * CRLF (RFC 2046 §5.1.1).
 *
 * <p>Everything goes straight to the output stream: {@link #write} for parts already in memory, or
 * {@link #start} and {@link #part(String, String, InputStream)} to copy each attachment from storage as it is read.
 * Data shared by several attachments is written once (§1.5.2.s2.b2.b5).
 */
public final class MultipartWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern UNQUOTED_BOUNDARY = Pattern.compile("[0-9A-Za-z'+_.\\-]+");

    private final OutputStream out;
    private final byte[] delimiter;
    private final Set<String> written = new HashSet<>();
    private boolean finished;

    private MultipartWriter(OutputStream out, String boundary) {
        this.out = out;
        this.delimiter = ascii("--" + boundary);
    }

    /**
     * A fresh boundary: letters and digits only, 128 random bits, so it is no regular-expression trouble for clients
     * (the ADL suite splits responses on it with a RegExp) and cannot be predicted to appear in attachment data.
     */
    public static String boundary() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "xapi" + HexFormat.of().formatHex(random);
    }

    /** The Content-Type header of the response: the boundary as the first parameter, unquoted. */
    public static String contentType(String boundary) {
        requireValidBoundary(boundary);
        return MediaTypes.MULTIPART_MIXED + "; boundary=" + boundary;
    }

    /** Writes the whole body: the JSON, each part, the closing boundary. The stream is flushed, not closed. */
    public static void write(OutputStream out, String boundary, byte[] json, List<AttachmentPart> parts)
            throws IOException {
        MultipartWriter writer = start(out, boundary, json);
        for (AttachmentPart part : parts) {
            writer.part(part);
        }
        writer.finish();
    }

    /** Writes the JSON part and returns a writer for the attachment parts; call {@link #finish()} after the last. */
    public static MultipartWriter start(OutputStream out, String boundary, byte[] json) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(json, "json");
        requireValidBoundary(boundary);
        MultipartWriter writer = new MultipartWriter(out, boundary);
        writer.out.write(writer.delimiter);
        writer.out.write(CRLF);
        writer.header("Content-Type", MediaTypes.APPLICATION_JSON);
        writer.out.write(CRLF);
        writer.out.write(json);
        return writer;
    }

    /** Writes one attachment part, unless a part with the same hash was written already; says whether it wrote. */
    public boolean part(AttachmentPart part) throws IOException {
        return writePart(part.sha2(), part.contentType(), part.content(), null);
    }

    /**
     * Writes one attachment part, copying its content from the stream (which is read to its end, not closed), unless
     * a part with the same hash was written already; says whether it wrote. The hash is the caller's to vouch for.
     */
    public boolean part(String sha2, String contentType, InputStream content) throws IOException {
        Objects.requireNonNull(content, "content");
        return writePart(sha2, contentType, null, content);
    }

    /** Writes the closing boundary and flushes. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        out.write(CRLF);
        out.write(delimiter);
        out.write(ascii("--"));
        out.write(CRLF);
        out.flush();
        finished = true;
    }

    private boolean writePart(String sha2, String contentType, byte[] bytes, InputStream stream) throws IOException {
        if (finished) {
            throw new IllegalStateException("the multipart body is finished");
        }
        Objects.requireNonNull(sha2, "sha2");
        Objects.requireNonNull(contentType, "contentType");
        if (Sha2.algorithmFor(sha2).isEmpty()) {
            throw new IllegalArgumentException("not a SHA-2 hex digest: " + sha2);
        }
        if (!MediaTypes.isSafeHeaderValue(contentType)) {
            throw new IllegalArgumentException("a Content-Type with line breaks or non-ASCII characters cannot be a"
                    + " header: " + contentType);
        }
        String hash = sha2.toLowerCase(Locale.ROOT);
        if (!written.add(hash)) {
            return false;
        }
        // The CRLF that ends the previous part's content belongs to this delimiter (RFC 2046 §5.1.1).
        out.write(CRLF);
        out.write(delimiter);
        out.write(CRLF);
        header("Content-Type", contentType);
        header("Content-Transfer-Encoding", "binary");
        header("X-Experience-API-Hash", hash);
        out.write(CRLF);
        if (bytes != null) {
            out.write(bytes);
        } else {
            stream.transferTo(out);
        }
        return true;
    }

    private void header(String name, String value) throws IOException {
        out.write(ascii(name + ": " + value));
        out.write(CRLF);
    }

    private static void requireValidBoundary(String boundary) {
        Objects.requireNonNull(boundary, "boundary");
        // Characters that are both boundary characters (RFC 2046) and token characters (RFC 2045), so no quoting.
        if (!MediaTypes.isValidBoundary(boundary) || !UNQUOTED_BOUNDARY.matcher(boundary).matches()) {
            throw new IllegalArgumentException("not a boundary that can go unquoted in a header: " + boundary);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
