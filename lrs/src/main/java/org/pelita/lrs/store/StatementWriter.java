package org.pelita.lrs.store;

import static org.pelita.lrs.store.jooq.Tables.ACTIVITY;
import static org.pelita.lrs.store.jooq.Tables.ATTACHMENT;
import static org.pelita.lrs.store.jooq.Tables.LEARNING_EVENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT_ATTACHMENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT_KEY;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT_REFERENCE;

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
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
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
    /** PostgreSQL advisory locks of the writer: this first key ("pL") and a bucket of statement ids as the second. */
    private static final int LOCK_SPACE = 0x704C;
    private static final int LOCK_BUCKETS = 64;

    /** What the writer reads back from a stored statement's body: its own keys, and the id of its StatementRef target if any. */
    public record BodyKeys(Map<String, Boolean> keys, UUID target) {
    }

    /** A request's statements. Not a record: it is a map key by identity (a record's hash would hash every statement body). */
    private static final class Submission {
        private final List<NewStatement> statements;
        private final List<NewAttachment> attachments;
        private final CompletableFuture<WriteOutcome> done;

        Submission(List<NewStatement> statements, List<NewAttachment> attachments, CompletableFuture<WriteOutcome> done) {
            this.statements = statements;
            this.attachments = attachments;
            this.done = done;
        }

        List<NewStatement> statements() {
            return statements;
        }

        List<NewAttachment> attachments() {
            return attachments;
        }

        CompletableFuture<WriteOutcome> done() {
            return done;
        }
    }

    private final Database database;
    private final DSLContext sql;
    private final BlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final TreeMap<OffsetDateTime, Integer> inFlight = new TreeMap<>();
    private final BinaryOperator<String> definitionMerger;
    private final java.util.function.Function<String, BodyKeys> keysOf;
    /** Canonical activity JSON this process last wrote or read, by activity id (bounded, least recently used out). */
    private final Map<String, String> activityCache = lru();
    /** The definition JSON last received for each activity id, as received. */
    private final Map<String, String> lastReceived = lru();
    /** Activity ids this process knows research_activity holds (values unused). */
    private final Map<String, String> knownResearchActivities = lru();

    private static Map<String, String> lru() {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 10_000;
            }
        });
    }
    private volatile boolean running = true;

    /**
     * @param writers          writer threads (1 for H2, which serialises writes anyway; more for PostgreSQL)
     * @param definitionMerger merges a stored canonical Activity JSON with a newly received one
     * @param keysOf           the keys of a stored statement and the id its StatementRef object targets, from its body
     *                         (the xAPI rules' StatementKeys)
     */
    public StatementWriter(Database database, int writers, BinaryOperator<String> definitionMerger,
                           java.util.function.Function<String, BodyKeys> keysOf) {
        this.database = database;
        this.sql = database.sql();
        this.definitionMerger = definitionMerger;
        this.keysOf = keysOf;
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

    /**
     * Commits the batch and returns: each request is acknowledged later, once its commit is durable, while this thread
     * goes on with the next batch.
     */
    private void writeBatch(List<Submission> batch) {
        CompletableFuture<Map<Submission, WriteOutcome>> durable;
        try {
            durable = transaction(batch);
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
        durable.whenComplete((outcomes, error) -> {
            if (error != null) {
                batch.forEach(submission -> submission.done().completeExceptionally(error));
            } else {
                outcomes.forEach((submission, outcome) -> submission.done().complete(outcome));
            }
        });
    }

    /** One transaction for the batch, tried twice: another writer's transaction can make it fail once (deadlock, duplicate id). */
    private CompletableFuture<Map<Submission, WriteOutcome>> transaction(List<Submission> batch) {
        try {
            return attempt(batch);
        } catch (RuntimeException first) {
            return attempt(batch);
        }
    }

    /** The activity caches learn what a transaction wrote only once it committed: a rolled-back write must be redone. */
    private CompletableFuture<Map<Submission, WriteOutcome>> attempt(List<Submission> batch) {
        ActivityUpdates updates = new ActivityUpdates(new HashMap<>(), new HashMap<>(), new HashSet<>());
        CompletableFuture<Map<Submission, WriteOutcome>> durable = database.writeAsync(tx -> write(tx.dsl(), batch, updates));
        lastReceived.putAll(updates.received());
        activityCache.putAll(updates.canonical());
        updates.researchActivities().forEach(id -> knownResearchActivities.put(id, ""));
        return durable;
    }

    /** Cache entries of one transaction, applied after it commits. */
    private record ActivityUpdates(Map<String, String> received, Map<String, String> canonical, Set<String> researchActivities) {
    }

    private Map<Submission, WriteOutcome> write(DSLContext tx, List<Submission> batch, ActivityUpdates updates) {
        lockReferences(tx, batch);
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
            insert(tx, accepted, attachments.values(), updates);
        }
        return outcomes;
    }

    /**
     * PostgreSQL: a statement and one referring to it (voiding or not), stored by concurrent transactions (two writer
     * threads, or two LRS processes on one database), would not see each other under READ COMMITTED: the target would stay
     * unvoided, the referrer would miss the target's keys. So each transaction first takes advisory locks on buckets of
     * ids, shared for the statements it stores and exclusive for those they refer to: such a pair is then serialised and
     * the second sees the first. One statement takes them all in bucket order, so writers cannot deadlock on them.
     */
    private static void lockReferences(DSLContext tx, List<Submission> batch) {
        if (tx.dialect().family() != SQLDialect.POSTGRES) {
            return; // H2: one writer thread in one process
        }
        TreeMap<Integer, Boolean> exclusive = new TreeMap<>();
        for (Submission submission : batch) {
            for (NewStatement s : submission.statements()) {
                exclusive.merge(Math.floorMod(s.id().hashCode(), LOCK_BUCKETS), false, Boolean::logicalOr);
                if (s.targetId() != null) {
                    exclusive.merge(Math.floorMod(s.targetId().hashCode(), LOCK_BUCKETS), true, Boolean::logicalOr);
                }
            }
        }
        if (exclusive.isEmpty()) {
            return;
        }
        List<String> locks = new ArrayList<>();
        exclusive.forEach((bucket, alone) -> locks.add((alone ? "pg_advisory_xact_lock(" : "pg_advisory_xact_lock_shared(")
                + LOCK_SPACE + ", " + bucket + ")"));
        tx.fetch("SELECT " + String.join(", ", locks));
    }

    private void insert(DSLContext tx, List<NewStatement> statements, java.util.Collection<NewAttachment> attachments,
            ActivityUpdates updates) {
        for (NewAttachment attachment : attachments) {
            tx.insertInto(ATTACHMENT, ATTACHMENT.SHA2, ATTACHMENT.CONTENT_TYPE, ATTACHMENT.LENGTH, ATTACHMENT.CONTENT)
                    .values(attachment.sha2(), attachment.contentType(), (long) attachment.content().length, attachment.content())
                    .onDuplicateKeyIgnore().execute();
        }
        List<UUID> ids = statements.stream().map(NewStatement::id).toList();
        // A statement voided before it arrived is stored voided (xAPI 1.0.3 Data §2.3.2: voiding names the target id).
        Set<UUID> voided = new HashSet<>();
        Set<UUID> referenced = new HashSet<>();
        for (List<UUID> chunk : chunks(ids)) {
            tx.select(STATEMENT_REFERENCE.TARGET_ID, STATEMENT_REFERENCE.VOIDING).from(STATEMENT_REFERENCE)
                    .where(STATEMENT_REFERENCE.TARGET_ID.in(chunk)).forEach(r -> {
                        referenced.add(r.value1());
                        if (r.value2()) {
                            voided.add(r.value1());
                        }
                    });
        }
        statements.stream().filter(s -> s.voids() != null).forEach(s -> voided.add(s.voids()));
        // One prepared statement per table, executed as a JDBC batch: parsed once, whatever the number of rows.
        RowBatch insertStatements = new RowBatch(tx, tx.insertInto(STATEMENT, STATEMENT.ID, STATEMENT.STORED, STATEMENT.AUTHORITY_KEY,
                STATEMENT.VOIDED, STATEMENT.VOIDS, STATEMENT.VERSION, STATEMENT.HAS_ATTACHMENTS, STATEMENT.CONTENT_HASH, STATEMENT.BODY)
                .values((UUID) null, null, null, null, null, null, null, null, null), 9);
        RowBatch insertKeys = keyRows(tx);
        RowBatch insertReferences = new RowBatch(tx, tx.insertInto(STATEMENT_REFERENCE, STATEMENT_REFERENCE.TARGET_ID,
                STATEMENT_REFERENCE.STATEMENT_ID, STATEMENT_REFERENCE.VOIDING).values((UUID) null, null, null), 3);
        LearningEventRows events = new LearningEventRows(tx, knownResearchActivities::containsKey);
        Map<UUID, Map<String, Boolean>> effective = effectiveKeys(tx, statements);
        for (NewStatement s : statements) {
            LearningEvent e = s.event();
            if (e != null && !(s.voids() == null && voided.contains(s.id()))) {
                events.add(s.id(), e);
            }
            insertStatements.add(s.id(), s.stored(), Keys.of(s.authority()), s.voids() == null && voided.contains(s.id()), s.voids(),
                    s.version(), !s.attachmentHashes().isEmpty(), s.contentHash(), s.body());
            effective.get(s.id()).forEach((key, direct) -> insertKeys.add(s.id(), Keys.of(key), direct, s.stored()));
            if (s.targetId() != null) {
                insertReferences.add(s.targetId(), s.id(), s.voids() != null);
            }
        }
        insertStatements.execute();
        insertKeys.execute();
        insertReferences.execute();
        updates.researchActivities().addAll(events.execute());
        for (NewStatement s : statements) {
            for (String sha2 : s.attachmentHashes()) {
                tx.insertInto(STATEMENT_ATTACHMENT, STATEMENT_ATTACHMENT.STATEMENT_ID, STATEMENT_ATTACHMENT.SHA2)
                        .values(s.id(), sha2).onDuplicateKeyIgnore().execute();
            }
        }
        voidTargets(tx, statements);
        propagateReferences(tx, statements, referenced, effective);
        updateActivities(tx, statements, updates);
    }

    /** A voiding statement voids its target, unless the target is itself a voiding statement (Data §2.3.2). */
    private static void voidTargets(DSLContext tx, List<NewStatement> statements) {
        List<UUID> targets = statements.stream().filter(s -> s.voids() != null).map(NewStatement::voids).toList();
        for (List<UUID> chunk : chunks(targets)) {
            int voided = tx.update(STATEMENT).set(STATEMENT.VOIDED, true).where(STATEMENT.ID.in(chunk), STATEMENT.VOIDS.isNull()).execute();
            if (voided > 0) {
                tx.deleteFrom(LEARNING_EVENT).where(LEARNING_EVENT.STATEMENT_ID.in(chunk)).execute(); // reports leave voided statements out
            }
        }
    }

    /**
     * A statement whose object is a StatementRef meets the filters its target meets, and so on down a chain of references
     * (xAPI 1.0.3 Communication §2.1.3: "This rule applies recursively"): its keys are its own merged with those of every
     * statement down its chain that is stored or in this batch. A key direct anywhere on the chain is direct.
     */
    private Map<UUID, Map<String, Boolean>> effectiveKeys(DSLContext tx, List<NewStatement> statements) {
        Map<UUID, BodyKeys> known = new HashMap<>();
        statements.forEach(s -> known.put(s.id(), new BodyKeys(s.keys(), s.targetId())));
        Map<UUID, Map<String, Boolean>> effective = new HashMap<>();
        for (NewStatement s : statements) {
            Map<String, Boolean> keys = new LinkedHashMap<>(s.keys());
            Set<UUID> seen = new HashSet<>(List.of(s.id()));
            for (UUID next = s.targetId(); next != null && seen.add(next); ) {
                UUID id = next;
                BodyKeys target = known.computeIfAbsent(id, k -> tx.select(STATEMENT.BODY).from(STATEMENT).where(STATEMENT.ID.eq(k))
                        .fetchOptional(r -> keysOf.apply(r.value1())).orElse(null));
                if (target == null) {
                    break;
                }
                target.keys().forEach((key, direct) -> keys.merge(key, direct, Boolean::logicalOr));
                next = target.target();
            }
            effective.put(s.id(), keys);
        }
        return effective;
    }

    /**
     * Stored statements whose chain of references reaches a new statement gain that statement's effective keys: they were
     * stored before it arrived ({@code referenced}: new statements that stored ones already refer to). Walks back from each
     * new statement through stored referrers only (a new referrer has its keys already), tracking the keys each referrer
     * already has (its own and those of the stored statements between it and the new one), so no key row is doubled.
     */
    private void propagateReferences(DSLContext tx, List<NewStatement> statements, Set<UUID> referenced,
                                     Map<UUID, Map<String, Boolean>> effective) {
        if (referenced.isEmpty()) {
            return;
        }
        Set<UUID> inBatch = new HashSet<>();
        statements.forEach(s -> inBatch.add(s.id()));
        RowBatch rows = keyRows(tx);
        BatchBindStep upgrades = tx.batch(tx.update(STATEMENT_KEY).set(STATEMENT_KEY.DIRECT, (Boolean) null).where(
                STATEMENT_KEY.KEY_VALUE.eq((UUID) null), STATEMENT_KEY.STORED.eq((OffsetDateTime) null), STATEMENT_KEY.STATEMENT_ID.eq((UUID) null)));
        int upgradeCount = 0;
        for (UUID root : referenced) {
            Map<String, Boolean> gained = effective.get(root);
            // The statements found so far and the keys each already has; the walk goes one level of referrers at a time.
            Map<UUID, Map<String, Boolean>> level = Map.of(root, Map.of());
            Set<UUID> seen = new HashSet<>(List.of(root));
            while (!level.isEmpty()) {
                Map<UUID, Map<String, Boolean>> next = new HashMap<>();
                for (List<UUID> chunk : chunks(new ArrayList<>(level.keySet()))) {
                    var referencing = tx.select(STATEMENT_REFERENCE.TARGET_ID, STATEMENT.ID, STATEMENT.STORED, STATEMENT.BODY)
                            .from(STATEMENT_REFERENCE.join(STATEMENT).on(STATEMENT.ID.eq(STATEMENT_REFERENCE.STATEMENT_ID)))
                            .where(STATEMENT_REFERENCE.TARGET_ID.in(chunk)).fetch();
                    for (var r : referencing) {
                        if (inBatch.contains(r.value2()) || !seen.add(r.value2())) {
                            continue;
                        }
                        Map<String, Boolean> has = new HashMap<>(keysOf.apply(r.value4()).keys());
                        level.get(r.value1()).forEach((key, direct) -> has.merge(key, direct, Boolean::logicalOr));
                        for (Map.Entry<String, Boolean> key : gained.entrySet()) {
                            Boolean had = has.get(key.getKey());
                            if (had == null) {
                                rows.add(r.value2(), Keys.of(key.getKey()), key.getValue(), r.value3());
                            } else if (!had && key.getValue()) {
                                upgrades.bind(true, Keys.of(key.getKey()), r.value3(), r.value2());
                                upgradeCount++;
                            }
                        }
                        next.put(r.value2(), has);
                    }
                }
                level = next;
            }
        }
        rows.execute();
        if (upgradeCount > 0) {
            upgrades.execute();
        }
    }

    /**
     * Keeps the canonical definition of each activity: the stored one merged with what statements bring. A cache of
     * what this process last wrote skips the database when a statement brings nothing new (the common case: every
     * answer repeats its question's definition).
     */
    private void updateActivities(DSLContext tx, List<NewStatement> statements, ActivityUpdates updates) {
        Map<String, String> incoming = new LinkedHashMap<>();
        for (NewStatement s : statements) {
            s.definitions().forEach((id, json) -> incoming.merge(id, json, definitionMerger));
        }
        // Most statements repeat the definition their activity had last time: skip those without merging.
        incoming.entrySet().removeIf(e -> e.getValue().equals(lastReceived.get(e.getKey())));
        incoming.forEach(updates.received()::put);
        incoming.entrySet().removeIf(e -> {
            String known = activityCache.get(e.getKey());
            return known != null && definitionMerger.apply(known, e.getValue()).equals(known);
        });
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
        // Rows are locked in key order, so concurrent writers (PostgreSQL) cannot deadlock on them.
        java.util.TreeMap<UUID, String> ordered = new java.util.TreeMap<>();
        incoming.keySet().forEach(id -> ordered.put(Keys.of("activity:" + id), id));
        ordered.forEach((orderKey, id) -> {
            String json = incoming.get(id);
            UUID key = Keys.of("activity:" + id);
            String previous = stored.get(key);
            String merged = previous == null ? json : definitionMerger.apply(previous, json);
            if (!merged.equals(previous)) {
                tx.insertInto(ACTIVITY, ACTIVITY.ACTIVITY_KEY, ACTIVITY.ACTIVITY_ID, ACTIVITY.BODY, ACTIVITY.UPDATED)
                        .values(key, id, merged, now)
                        .onDuplicateKeyUpdate().set(ACTIVITY.BODY, merged).set(ACTIVITY.UPDATED, now)
                        .execute();
            }
            updates.canonical().put(id, merged);
        });
    }

    private static RowBatch keyRows(DSLContext tx) {
        return new RowBatch(tx, tx.insertInto(STATEMENT_KEY, STATEMENT_KEY.STATEMENT_ID, STATEMENT_KEY.KEY_VALUE,
                STATEMENT_KEY.DIRECT, STATEMENT_KEY.STORED).values((UUID) null, null, null, null), 4);
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
