package org.pelita.lrs.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.Json;

/**
 * multipart/mixed bodies as xAPI sends statements with attachments (1.0.3 Communication §1.5.2): written here byte
 * by byte for requests, and split here for responses, independently of the LRS's own reader and writer.
 */
final class StatementMultipart {
    static final String BOUNDARY = "pelita-test-7d1f2a";
    static final String CONTENT_TYPE = "multipart/mixed; boundary=" + BOUNDARY;
    private static final String CRLF = "\r\n";

    /** One attachment part: its headers (Content-Type, Content-Transfer-Encoding, X-Experience-API-Hash) and data. */
    record Part(Map<String, String> headers, byte[] content) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                    .orElse(null);
        }

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private StatementMultipart() {
    }

    static String sha256(byte[] content) {
        return hex("SHA-256", content);
    }

    static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attachment part as a client sends it, with the SHA-256 of its content. */
    static Part part(String contentType, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        return part(contentType, content, sha256(content));
    }

    static Part part(String contentType, byte[] content, String hash) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Content-Transfer-Encoding", "binary");
        headers.put("X-Experience-API-Hash", hash);
        return new Part(headers, content);
    }

    /** The attachment object describing a part's data (Data §2.4.11), with its sha2 and length. */
    static ObjectNode attachment(Part part, String usageType) {
        ObjectNode attachment = Json.MAPPER.createObjectNode();
        attachment.put("usageType", usageType);
        attachment.putObject("display").put("en-US", "An attachment");
        attachment.put("contentType", part.header("Content-Type"));
        attachment.put("length", part.content().length);
        attachment.put("sha2", sha256(part.content()));
        return attachment;
    }

    /** The request body: the statements as the first part, then the parts in the order given. */
    static byte[] body(String json, Part... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--" + BOUNDARY + CRLF + "Content-Type: application/json" + CRLF + CRLF);
        out.writeBytes(json.getBytes(StandardCharsets.UTF_8));
        for (Part part : parts) {
            write(out, CRLF + "--" + BOUNDARY + CRLF);
            part.headers().forEach((name, value) -> write(out, name + ": " + value + CRLF));
            write(out, CRLF);
            out.writeBytes(part.content());
        }
        write(out, CRLF + "--" + BOUNDARY + "--" + CRLF);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The parts of a multipart/mixed response, the statement JSON being the first. */
    static List<Part> parse(XapiClient.Response response) {
        String type = response.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            throw new AssertionError("not multipart/mixed: " + type);
        }
        String boundary = type.replaceAll("(?i).*boundary=\"?([^\";]+)\"?.*", "$1");
        // Bytes as ISO-8859-1 characters, one for one, so binary data survives the split.
        String body = CRLF + new String(response.bytes(), StandardCharsets.ISO_8859_1);
        String delimiter = CRLF + "--" + boundary;
        int end = body.indexOf(delimiter + "--");
        if (end < 0) {
            throw new AssertionError("no closing boundary");
        }
        List<Part> parts = new ArrayList<>();
        String[] pieces = body.substring(0, end).split(Pattern.quote(delimiter), -1);
        for (int i = 1; i < pieces.length; i++) {
            String piece = pieces[i].substring(CRLF.length());
            int blank = piece.indexOf(CRLF + CRLF);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : piece.substring(0, blank).split(CRLF)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
            parts.add(new Part(headers, piece.substring(blank + 4).getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }
}
