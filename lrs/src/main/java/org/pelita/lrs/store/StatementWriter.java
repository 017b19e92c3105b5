package org.pelita.lrs.store;

import static org.pelita.lrs.store.jooq.Tables.ACTIVITY;
import static org.pelita.lrs.store.jooq.Tables.ATTACHMENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT_ATTACHMENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT_KEY;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep10;
import org.jooq.InsertValuesStep4;
import org.jooq.impl.DSL;
import org.pelita.lrs.store.jooq.tables.records.StatementRecord;
import org.pelita.lrs.store.jooq.tables.records.StatementKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores statements with group commit: requests queue their statements; a writer thread takes everything
 * queued, stores it in one transaction and only then completes each request's future. A request is therefore
 * acknowledged only once its statements are committed (durable), while many requests share one commit, which
 * is what makes thousands of durable writes a second possible.
 *
 * <p>Each submission is all or nothing: a conflict (same id, different content) refuses that submission only.
 */
public final class StatementWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatementWriter.class);
    /** Statements per transaction: bounds memory and lock time; a busy queue is drained over several commits. */
    private static final int MAX_STATEMENTS_PER_COMMIT = 2_000;
    private static final int ROWS_PER_INSERT = 500;

    private record Submission(List<NewStatement> statements, List<NewAttachment> attachments,
                              CompletableFuture<WriteOutcome> done) {
    }

    private final DSLContext sql;
    private final BlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final TreeMap<OffsetDateTime, Integer> inFlight = new TreeMap<>();
    private final BinaryOperator<String> definitionMerger;
    private volatile boolean running = true;

    /**
     * @param writers          writer threads (1 for H2, which serialises writes anyway; more for PostgreSQL)
     * @param definitionMerger merges a stored canonical Activity JSON with a newly received one
     */
    public StatementWriter(Database database, int writers, BinaryOperator<String> definitionMerger) {
        this.sql = database.sql();
        this.definitionMerger = definitionMerger;
        for (int i = 0; i < writers; i++) {
            Thread thread = new Thread(this::run, "statement-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Queues statements (and the attachment contents they need); the future completes once committed. */
    public CompletableFuture<WriteOutcome> submit(List<NewStatement> statements, List<NewAttachment> attachments) {
        CompletableFuture<WriteOutcome> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the LRS is shutting down"));
            return done;
        }
        OffsetDateTime earliest = statements.stream().map(NewStatement::stored).min(OffsetDateTime::compareTo).orElse(null);
        if (earliest != null) {
            synchronized (inFlight) {
                inFlight.merge(earliest, 1, Integer::sum);
            }
            done.whenComplete((outcome, error) -> {
                synchronized (inFlight) {
                    inFlight.computeIfPresent(earliest, (k, n) -> n == 1 ? null : n - 1);
                }
            });
        }
        queue.add(new Submission(statements, attachments, done));
        return done;
    }

    /** The earliest stored time still being written by this process, if any: reads are consistent only before it. */
    public OffsetDateTime earliestInFlight() {
        synchronized (inFlight) {
            return inFlight.isEmpty() ? null : inFlight.firstKey();
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Submission> batch = new ArrayList<>(List.of(first));
                int statements = first.statements().size();
                Submission next;
                while (statements < MAX_STATEMENTS_PER_COMMIT && (next = queue.poll()) != null) {
                    batch.add(next);
                    statements += next.statements().size();
                }
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeBatch(List<Submission> batch) {
        Map<Submission, WriteOutcome> outcomes;
        try {
            outcomes = sql.transactionResult(tx -> write(tx.dsl(), batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                LOG.error("storing statements failed", e);
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            // One submission broke the shared transaction: store each alone, so only the broken one fails.
            for (Submission submission : batch) {
                writeBatch(List.of(submission));
            }
            return;
        }
        outcomes.forEach((submission, outcome) -> submission.done().complete(outcome));
    }

    private Map<Submission, WriteOutcome> write(DSLContext tx, List<Submission> batch) {
        List<UUID> ids = new ArrayList<>();
        batch.forEach(s -> s.statements().forEach(st -> ids.add(st.id())));
        Map<UUID, String> existing = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            tx.select(STATEMENT.ID, STATEMENT.CONTENT_HASH).from(STATEMENT).where(STATEMENT.ID.in(chunk))
                    .forEach(r -> existing.put(r.value1(), r.value2()));
        }
        Map<Submission, WriteOutcome> outcomes = new LinkedHashMap<>();
        List<NewStatement> accepted = new ArrayList<>();
        Map<String, NewAttachment> attachments = new LinkedHashMap<>();
        for (Submission submission : batch) {
            WriteOutcome outcome = new WriteOutcome.Stored();
            List<NewStatement> fresh = new ArrayList<>();
            for (NewStatement statement : submission.statements()) {
                String hash = existing.get(statement.id());
                if (hash == null) {
                    fresh.add(statement);
                } else if (!hash.equals(statement.contentHash())) {
                    outcome = new WriteOutcome.Conflict(statement.id());
                    break;
                }
            }
            outcomes.put(submission, outcome);
            if (outcome instanceof WriteOutcome.Stored) {
                for (NewStatement statement : fresh) {
                    existing.put(statement.id(), statement.contentHash());
                    accepted.add(statement);
                }
                submission.attachments().forEach(a -> attachments.putIfAbsent(a.sha2(), a));
            }
        }
        if (!accepted.isEmpty()) {
            insert(tx, accepted, attachments.values());
        }
        return outcomes;
    }

    private void insert(DSLContext tx, List<NewStatement> statements, java.util.Collection<NewAttachment> attachments) {
        for (NewAttachment attachment : attachments) {
            tx.insertInto(ATTACHMENT, ATTACHMENT.SHA2, ATTACHMENT.CONTENT_TYPE, ATTACHMENT.LENGTH, ATTACHMENT.CONTENT)
                    .values(attachment.sha2(), attachment.contentType(), (long) attachment.content().length, attachment.content())
                    .onDuplicateKeyIgnore().execute();
        }
        Set<UUID> ids = new HashSet<>();
        statements.forEach(s -> ids.add(s.id()));
        // A statement voided before it arrived is stored voided (xAPI 1.0.3 Data §2.5: voiding is about the target id).
        Set<UUID> voidedOnArrival = new HashSet<>();
        for (List<UUID> chunk : chunks(new ArrayList<>(ids))) {
            tx.select(STATEMENT.VOIDS).from(STATEMENT).where(STATEMENT.VOIDS.in(chunk)).forEach(r -> voidedOnArrival.add(r.value1()));
        }
        Set<UUID> voidedInBatch = new HashSet<>();
        statements.stream().filter(s -> s.voids() != null).forEach(s -> voidedInBatch.add(s.voids()));
        for (List<NewStatement> chunk : chunks(statements)) {
            InsertValuesStep10<StatementRecord, UUID, OffsetDateTime, UUID, Boolean, UUID, UUID, String, Boolean, String, String> insert =
                    tx.insertInto(STATEMENT, STATEMENT.ID, STATEMENT.STORED, STATEMENT.AUTHORITY_KEY, STATEMENT.VOIDED,
                            STATEMENT.VOIDS, STATEMENT.TARGET_ID, STATEMENT.VERSION, STATEMENT.HAS_ATTACHMENTS,
                            STATEMENT.CONTENT_HASH, STATEMENT.BODY);
            for (NewStatement s : chunk) {
                boolean voided = s.voids() == null && (voidedOnArrival.contains(s.id()) || voidedInBatch.contains(s.id()));
                insert = insert.values(s.id(), s.stored(), Keys.of(s.authority()), voided, s.voids(), s.targetId(),
                        s.version(), !s.attachmentHashes().isEmpty(), s.contentHash(), s.body());
            }
            insert.execute();
        }
        List<Object[]> keyRows = new ArrayList<>();
        for (NewStatement s : statements) {
            s.keys().forEach((key, direct) -> keyRows.add(new Object[] {s.id(), Keys.of(key), direct, s.stored()}));
        }
        for (List<Object[]> chunk : chunks(keyRows)) {
            InsertValuesStep4<StatementKeyRecord, UUID, UUID, Boolean, OffsetDateTime> insert =
                    tx.insertInto(STATEMENT_KEY, STATEMENT_KEY.STATEMENT_ID, STATEMENT_KEY.KEY_VALUE, STATEMENT_KEY.DIRECT, STATEMENT_KEY.STORED);
            for (Object[] row : chunk) {
                insert = insert.values((UUID) row[0], (UUID) row[1], (Boolean) row[2], (OffsetDateTime) row[3]);
            }
            insert.execute();
        }
        for (NewStatement s : statements) {
            for (String sha2 : s.attachmentHashes()) {
                tx.insertInto(STATEMENT_ATTACHMENT, STATEMENT_ATTACHMENT.STATEMENT_ID, STATEMENT_ATTACHMENT.SHA2)
                        .values(s.id(), sha2).onDuplicateKeyIgnore().execute();
            }
        }
        voidTargets(tx, statements);
        propagateReferences(tx, statements);
        updateActivities(tx, statements);
    }

    /** A voiding statement voids its target, unless the target is itself a voiding statement (Data §2.5). */
    private static void voidTargets(DSLContext tx, List<NewStatement> statements) {
        List<UUID> targets = statements.stream().filter(s -> s.voids() != null).map(NewStatement::voids).toList();
        for (List<UUID> chunk : chunks(targets)) {
            tx.update(STATEMENT).set(STATEMENT.VOIDED, true).where(STATEMENT.ID.in(chunk), STATEMENT.VOIDS.isNull()).execute();
        }
    }

    /**
     * A statement whose object is a StatementRef meets the filters its target meets: it gets the target's keys,
     * whichever of the two was stored first.
     */
    private static void propagateReferences(DSLContext tx, List<NewStatement> statements) {
        for (NewStatement s : statements) {
            if (s.targetId() != null) {
                copyKeys(tx, s.targetId(), s.id(), s.stored());
            }
        }
        List<UUID> ids = statements.stream().map(NewStatement::id).toList();
        for (List<UUID> chunk : chunks(ids)) {
            tx.select(STATEMENT.ID, STATEMENT.STORED, STATEMENT.TARGET_ID).from(STATEMENT)
                    .where(STATEMENT.TARGET_ID.in(chunk), STATEMENT.ID.notIn(chunk))
                    .forEach(r -> copyKeys(tx, r.value3(), r.value1(), r.value2()));
        }
    }

    private static void copyKeys(DSLContext tx, UUID from, UUID to, OffsetDateTime stored) {
        var source = STATEMENT_KEY.as("source");
        tx.insertInto(STATEMENT_KEY, STATEMENT_KEY.STATEMENT_ID, STATEMENT_KEY.KEY_VALUE, STATEMENT_KEY.DIRECT, STATEMENT_KEY.STORED)
                .select(DSL.select(DSL.val(to), source.KEY_VALUE, source.DIRECT, DSL.val(stored)).from(source)
                        .where(source.STATEMENT_ID.eq(from))
                        .and(source.KEY_VALUE.notIn(DSL.select(STATEMENT_KEY.KEY_VALUE).from(STATEMENT_KEY)
                                .where(STATEMENT_KEY.STATEMENT_ID.eq(to)))))
                .execute();
    }

    /** Keeps the canonical definition of each activity: the stored one merged with what statements bring. */
    private void updateActivities(DSLContext tx, List<NewStatement> statements) {
        Map<String, String> incoming = new LinkedHashMap<>();
        for (NewStatement s : statements) {
            s.definitions().forEach((id, json) -> incoming.merge(id, json, definitionMerger));
        }
        if (incoming.isEmpty()) {
            return;
        }
        Map<UUID, String> stored = new HashMap<>();
        List<UUID> keys = incoming.keySet().stream().map(id -> Keys.of("activity:" + id)).toList();
        for (List<UUID> chunk : chunks(keys)) {
            tx.select(ACTIVITY.ACTIVITY_KEY, ACTIVITY.BODY).from(ACTIVITY).where(ACTIVITY.ACTIVITY_KEY.in(chunk))
                    .forEach(r -> stored.put(r.value1(), r.value2()));
        }
        OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        incoming.forEach((id, json) -> {
            UUID key = Keys.of("activity:" + id);
            String previous = stored.get(key);
            String merged = previous == null ? json : definitionMerger.apply(previous, json);
            if (merged.equals(previous)) {
                return;
            }
            tx.insertInto(ACTIVITY, ACTIVITY.ACTIVITY_KEY, ACTIVITY.ACTIVITY_ID, ACTIVITY.BODY, ACTIVITY.UPDATED)
                    .values(key, id, merged, now)
                    .onDuplicateKeyUpdate().set(ACTIVITY.BODY, merged).set(ACTIVITY.UPDATED, now)
                    .execute();
        });
    }

    private static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += ROWS_PER_INSERT) {
            chunks.add(list.subList(i, Math.min(list.size(), i + ROWS_PER_INSERT)));
        }
        return chunks;
    }

    /** Stops taking submissions, writes what is queued, and waits for the writers to finish. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
