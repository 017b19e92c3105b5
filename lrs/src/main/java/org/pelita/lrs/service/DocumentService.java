package org.pelita.lrs.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pelita.lrs.store.DocumentScope;
import org.pelita.lrs.store.DocumentStore;
import org.pelita.lrs.store.StoredDocument;
import org.pelita.lrs.xapi.ConflictException;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.NotFoundException;
import org.pelita.lrs.xapi.PreconditionFailedException;

/**
 * The document resources' rules (State, Activity Profile, Agent Profile; xAPI 1.0.3 Communication §2.2–2.7 and
 * §3.1 concurrency): PUT replaces, POST merges JSON objects one level deep, ETags guard concurrent changes.
 */
public final class DocumentService {
    /** When a change must carry If-Match or If-None-Match (xAPI Communication §3.1). */
    public enum Required {
        /** Never. */
        NO,
        /** When the document exists: a blind overwrite is refused with 409 (PUT, both versions). */
        IF_EXISTS,
        /** Always: 409 when the document exists, 400 when it does not (1.0.3 profile PUT, as the 1.0.3 suite checks). */
        ALWAYS
    }

    /** The preconditions of a change (If-Match, If-None-Match), and whether one of them is required. */
    public record Preconditions(Optional<String> ifMatch, Optional<String> ifNoneMatch, Required required) {
        public static Preconditions none() {
            return new Preconditions(Optional.empty(), Optional.empty(), Required.NO);
        }
    }

    private final DocumentStore store;
    private final Clock clock;

    public DocumentService(DocumentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public StoredDocument get(DocumentScope scope, String documentId) {
        return store.get(scope, documentId).orElseThrow(() -> new NotFoundException("no document '" + documentId + "' here"));
    }

    public List<String> ids(DocumentScope scope, Optional<OffsetDateTime> since) {
        return store.ids(scope, since);
    }

    /** PUT: store the document as given, replacing any existing one. */
    public StoredDocument put(DocumentScope scope, String documentId, String contentType, byte[] content, Preconditions conditions) {
        return store.change(scope, documentId, current -> {
            check(current, conditions);
            return Optional.of(document(contentType, content));
        }).orElseThrow();
    }

    /** POST: merge into an existing JSON document (both must be JSON objects), or store as new. */
    public StoredDocument post(DocumentScope scope, String documentId, String contentType, byte[] content, Preconditions conditions) {
        boolean json = isJson(contentType);
        JsonNode incoming = json ? jsonObject(content, "the document") : null;
        return store.change(scope, documentId, current -> {
            check(current, conditions);
            if (current.isEmpty()) {
                return Optional.of(document(contentType, content));
            }
            if (!json || !isJson(current.get().contentType())) {
                throw new InvalidRequestException("POST merges JSON documents only: both the stored document and the one posted must be"
                        + " application/json (stored: " + current.get().contentType() + ", posted: " + contentType + ")");
            }
            ObjectNode merged = (ObjectNode) jsonObject(current.get().content(), "the stored document");
            incoming.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
            return Optional.of(document("application/json", Json.write(merged).getBytes(StandardCharsets.UTF_8)));
        }).orElseThrow();
    }

    public void delete(DocumentScope scope, String documentId, Preconditions conditions) {
        store.change(scope, documentId, current -> {
            check(current, conditions);
            return Optional.empty();
        });
    }

    public void deleteAll(DocumentScope scope) {
        store.deleteAll(scope);
    }

    /** Precondition rules of xAPI 1.0.3 Communication §3.1 (RFC 7232). */
    private static void check(Optional<StoredDocument> current, Preconditions conditions) {
        if (conditions.ifMatch().isPresent()) {
            String wanted = conditions.ifMatch().get();
            if (current.isEmpty() || !(wanted.trim().equals("*") || matchesAny(wanted, current.get().etag()))) {
                throw new PreconditionFailedException(current.isEmpty() ? "If-Match: the document does not exist"
                        : "If-Match: the document has changed (its ETag is now " + current.get().etag() + ")");
            }
        }
        if (conditions.ifNoneMatch().isPresent() && current.isPresent()) {
            String unwanted = conditions.ifNoneMatch().get();
            if (unwanted.trim().equals("*") || matchesAny(unwanted, current.get().etag())) {
                throw new PreconditionFailedException("If-None-Match: the document exists (ETag " + current.get().etag() + ")");
            }
        }
        boolean unconditional = conditions.ifMatch().isEmpty() && conditions.ifNoneMatch().isEmpty();
        if (unconditional && conditions.required() != Required.NO && current.isPresent()) {
            throw new ConflictException("the document exists: send If-Match with its ETag (" + current.get().etag()
                    + ") to change it, so that concurrent changes are not lost (xAPI Communication §3.1)");
        }
        if (unconditional && conditions.required() == Required.ALWAYS) {
            throw new InvalidRequestException("PUT to this resource needs If-None-Match: * to create a document, or If-Match"
                    + " with the ETag to replace one (xAPI 1.0.3 Communication §3.1)");
        }
    }

    /** An If-Match / If-None-Match list: quoted ETags separated by commas (quotes optional, weak prefix ignored). */
    private static boolean matchesAny(String header, String etag) {
        String bare = unquote(etag);
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (unquote(c).equals(bare)) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private StoredDocument document(String contentType, byte[] content) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return new StoredDocument(contentType, content, etag(content), now);
    }

    static String etag(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("application/json");
    }

    private static JsonNode jsonObject(byte[] content, String what) {
        JsonNode node = Json.parse(content, what);
        if (!node.isObject()) {
            throw new InvalidRequestException(what + " must be a JSON object to be merged");
        }
        return node;
    }
}
