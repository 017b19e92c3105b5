package org.pelita.lrs.store;

import static org.pelita.lrs.store.jooq.Tables.DOCUMENT;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;


/**
 * State and profile documents. Changes run in a transaction that locks the document row (or its absence, by
 * the primary key), so a conditional write (If-Match) and a merge (POST) see the document they change.
 */
public final class DocumentStore {
    private final Database database;
    private final DSLContext sql;

    public DocumentStore(Database database) {
        this.database = database;
        this.sql = database.sql();
    }

    public Optional<StoredDocument> get(DocumentScope scope, String documentId) {
        return get(sql, scope, documentId, false);
    }

    private static Optional<StoredDocument> get(DSLContext sql, DocumentScope scope, String documentId, boolean lock) {
        var select = sql.select(DOCUMENT.CONTENT_TYPE, DOCUMENT.CONTENT, DOCUMENT.ETAG, DOCUMENT.UPDATED).from(DOCUMENT)
                .where(DOCUMENT.KIND.eq(scope.kind()), DOCUMENT.SCOPE_KEY.eq(scope.key()), DOCUMENT.DOCUMENT_KEY.eq(Keys.of(documentId)));
        return (lock ? select.forUpdate() : select)
                .fetchOptional(r -> new StoredDocument(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Ids of the scope's documents, optionally only those updated after {@code since}. */
    public List<String> ids(DocumentScope scope, Optional<OffsetDateTime> since) {
        Condition where = DOCUMENT.KIND.eq(scope.kind()).and(DOCUMENT.SCOPE_KEY.eq(scope.key()));
        if (since.isPresent()) {
            where = where.and(DOCUMENT.UPDATED.gt(since.get()));
        }
        return sql.select(DOCUMENT.DOCUMENT_ID).from(DOCUMENT).where(where).orderBy(DOCUMENT.UPDATED, DOCUMENT.DOCUMENT_ID).fetch(r -> r.value1());
    }

    /**
     * Changes one document atomically: {@code change} gets the current document (if any) and returns the new
     * one, or empty to delete it. Exceptions thrown by {@code change} (failed preconditions) roll back.
     */
    public Optional<StoredDocument> change(DocumentScope scope, String documentId,
                                           Function<Optional<StoredDocument>, Optional<StoredDocument>> change) {
        try {
            return changeOnce(scope, documentId, change);
        } catch (IntegrityConstraintViolationException e) {
            // Two requests created the same document at once: run again, now seeing (and locking) the other's.
            return changeOnce(scope, documentId, change);
        }
    }

    private Optional<StoredDocument> changeOnce(DocumentScope scope, String documentId,
                                                Function<Optional<StoredDocument>, Optional<StoredDocument>> change) {
        return database.write(tx -> {
            DSLContext t = tx.dsl();
            Optional<StoredDocument> current = get(t, scope, documentId, true);
            Optional<StoredDocument> next = change.apply(current);
            Condition address = DOCUMENT.KIND.eq(scope.kind()).and(DOCUMENT.SCOPE_KEY.eq(scope.key()))
                    .and(DOCUMENT.DOCUMENT_KEY.eq(Keys.of(documentId)));
            if (next.isEmpty()) {
                t.deleteFrom(DOCUMENT).where(address).execute();
            } else if (current.isPresent()) {
                StoredDocument d = next.get();
                t.update(DOCUMENT).set(DOCUMENT.CONTENT_TYPE, d.contentType()).set(DOCUMENT.CONTENT, d.content())
                        .set(DOCUMENT.ETAG, d.etag()).set(DOCUMENT.UPDATED, d.updated()).where(address).execute();
            } else {
                StoredDocument d = next.get();
                t.insertInto(DOCUMENT).set(DOCUMENT.KIND, scope.kind()).set(DOCUMENT.SCOPE_KEY, scope.key())
                        .set(DOCUMENT.DOCUMENT_KEY, Keys.of(documentId)).set(DOCUMENT.DOCUMENT_ID, documentId)
                        .set(DOCUMENT.ACTIVITY_KEY, scope.activityId().map(Keys::of).orElse(null))
                        .set(DOCUMENT.AGENT_KEY, scope.agent().map(Keys::of).orElse(null))
                        .set(DOCUMENT.REGISTRATION, scope.registration().orElse(null))
                        .set(DOCUMENT.CONTENT_TYPE, d.contentType()).set(DOCUMENT.CONTENT, d.content())
                        .set(DOCUMENT.ETAG, d.etag()).set(DOCUMENT.UPDATED, d.updated()).execute();
            }
            return next;
        });
    }

    /** Deletes every document of the scope (DELETE without an id), optionally only those updated after since. */
    public int deleteAll(DocumentScope scope) {
        return database.write(tx -> tx.dsl().deleteFrom(DOCUMENT)
                .where(DOCUMENT.KIND.eq(scope.kind()), DOCUMENT.SCOPE_KEY.eq(scope.key())).execute());
    }
}
