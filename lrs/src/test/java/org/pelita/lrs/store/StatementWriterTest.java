package org.pelita.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pelita.lrs.store.StoreFixture.prepare;
import static org.pelita.lrs.store.StoreFixture.statement;
import static org.pelita.lrs.store.StoreFixture.unique;
import static org.pelita.lrs.store.jooq.Tables.ATTACHMENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT_KEY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.service.Received;
import org.pelita.lrs.service.StatementService;
import org.pelita.lrs.store.StatementFilter.KeyMatch;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.StatementKeys;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * The statement writer: group commit, all-or-nothing submissions, immutability (xAPI 1.0.3 Data §2.3.1: the same
 * statement again is accepted, a different one with the same id is a conflict), concurrency and failures.
 */
class StatementWriterTest {
    private static final String VERB = "http://adlnet.gov/expapi/verbs/experienced";
    private static final StoreFixture.PerDatabase DATABASES = new StoreFixture.PerDatabase();

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    private static WriteOutcome write(StoreFixture db, List<NewStatement> statements) throws Exception {
        return db.writer.submit(statements, List.of()).get(60, TimeUnit.SECONDS);
    }

    private static int stored(StoreFixture db, Collection<UUID> ids) {
        return db.database.sql().fetchCount(STATEMENT, STATEMENT.ID.in(ids));
    }

    private static int keyRows(StoreFixture db, Collection<UUID> ids) {
        return db.database.sql().fetchCount(STATEMENT_KEY, STATEMENT_KEY.STATEMENT_ID.in(ids));
    }

    /** Ids of the live statements about an activity, newest first. */
    private static List<UUID> about(StoreFixture db, String activity) {
        return db.store.query(new StatementFilter(List.of(new KeyMatch(StatementKeys.activity(activity), false)), Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), 100_000)).stream().map(StoredStatement::id).toList();
    }

    private static List<NewStatement> statements(int count, String actor, String activity) {
        List<NewStatement> statements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statements.add(prepare(statement(actor, VERB, activity), UUID.randomUUID()));
        }
        return statements;
    }

    private static List<UUID> ids(List<NewStatement> statements) {
        return statements.stream().map(NewStatement::id).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aBatchIsStoredWholeWithItsBodyAndKeys(String kind) throws Exception {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("batch");
        List<NewStatement> batch = statements(5, "batch", activity);

        assertThat(write(db, batch)).isEqualTo(new WriteOutcome.Stored());

        assertThat(about(db, activity)).containsExactlyInAnyOrderElementsOf(ids(batch));
        for (NewStatement statement : batch) {
            StoredStatement stored = db.store.byId(statement.id(), false).orElseThrow();
            assertThat(stored.body()).isEqualTo(statement.body());
            assertThat(stored.stored()).isAtSameInstantAs(statement.stored());
            assertThat(stored.hasAttachments()).isFalse();
        }
        assertThat(keyRows(db, ids(batch))).isEqualTo(batch.stream().mapToInt(s -> s.keys().size()).sum());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aStatementAlreadyStoredWithTheSameContentIsAcceptedAndNotStoredTwice(String kind) throws Exception {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("repeat");
        NewStatement first = prepare(statement("repeat", VERB, activity), UUID.randomUUID());
        assertThat(write(db, List.of(first))).isEqualTo(new WriteOutcome.Stored());
        // The same statement again, as a client would resend it later: another stored time, same content.
        NewStatement again = prepare(statement("repeat", VERB, activity), first.id(), first.stored().plusSeconds(5), StoreFixture.admin());
        List<NewStatement> batch = new ArrayList<>(statements(2, "repeat", activity));
        batch.add(1, again);

        assertThat(write(db, batch)).isEqualTo(new WriteOutcome.Stored());

        assertThat(about(db, activity)).containsExactlyInAnyOrderElementsOf(ids(List.of(first, batch.get(0), batch.get(2))));
        assertThat(stored(db, List.of(first.id()))).isEqualTo(1);
        assertThat(keyRows(db, List.of(first.id()))).isEqualTo(first.keys().size());
        assertThat(db.store.byId(first.id(), false).orElseThrow().body()).isEqualTo(first.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aConflictingStatementRefusesTheWholeBatchAndKeepsTheFirst(String kind) throws Exception {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("conflict");
        NewStatement first = prepare(statement("conflict", VERB, activity), UUID.randomUUID());
        assertThat(write(db, List.of(first))).isEqualTo(new WriteOutcome.Stored());
        NewStatement different = prepare(statement("someone-else", VERB, activity), first.id());
        List<NewStatement> batch = new ArrayList<>(statements(3, "conflict", activity));
        batch.add(2, different);

        assertThat(write(db, batch)).isEqualTo(new WriteOutcome.Conflict(first.id()));

        List<UUID> others = ids(batch).stream().filter(id -> !id.equals(first.id())).toList();
        assertThat(stored(db, others)).isZero();
        assertThat(keyRows(db, others)).isZero();
        assertThat(about(db, activity)).containsExactly(first.id());
        assertThat(db.store.byId(first.id(), false).orElseThrow().body()).isEqualTo(first.body());
    }

    /**
     * Many callers at once: their submissions share commits, yet each caller gets its own outcome. Every thread mixes new
     * statements, repeats of stored ones and conflicts with stored ones; a conflict must not cost the others anything.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void concurrentWritersAreEachStoredOnceAndGetTheirOwnOutcome(String kind) throws Exception {
        StoreFixture db = DATABASES.get(kind);
        int threads = 16;
        int perThread = 50;
        String activity = unique("concurrent");
        // Statements already stored, which some submissions repeat (accepted) and others contradict (conflict).
        List<NewStatement> existing = statements(threads * perThread / 5, "existing", activity);
        assertThat(write(db, existing)).isEqualTo(new WriteOutcome.Stored());

        record Attempt(List<NewStatement> statements, WriteOutcome expected) {
        }
        List<List<Attempt>> plans = new ArrayList<>();
        int next = 0;
        for (int t = 0; t < threads; t++) {
            List<Attempt> plan = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                if (i % 10 == 3) {
                    NewStatement old = existing.get(next++);
                    NewStatement contradicting = prepare(statement("contradicting", VERB, activity), old.id());
                    // The conflict sits in the middle of a batch of new statements: none of them may be stored.
                    List<NewStatement> batch = new ArrayList<>(statements(2, "t" + t, activity));
                    batch.add(1, contradicting);
                    plan.add(new Attempt(batch, new WriteOutcome.Conflict(old.id())));
                } else if (i % 10 == 7) {
                    NewStatement old = existing.get(next++);
                    List<NewStatement> batch = new ArrayList<>(statements(1, "t" + t, activity));
                    batch.add(prepare(statement("existing", VERB, activity), old.id()));
                    plan.add(new Attempt(batch, new WriteOutcome.Stored()));
                } else {
                    plan.add(new Attempt(statements(1 + i % 3, "t" + t, activity), new WriteOutcome.Stored()));
                }
            }
            plans.add(plan);
        }

        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<Attempt, WriteOutcome> outcomes = new ConcurrentHashMap<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Attempt> plan : plans) {
                running.add(pool.submit(() -> {
                    start.await();
                    // Each caller submits everything, then waits: its submissions queue up behind other callers'.
                    List<CompletableFuture<WriteOutcome>> futures = new ArrayList<>();
                    for (Attempt attempt : plan) {
                        futures.add(db.writer.submit(attempt.statements(), List.of()));
                    }
                    for (int i = 0; i < plan.size(); i++) {
                        outcomes.put(plan.get(i), futures.get(i).get(60, TimeUnit.SECONDS));
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<UUID> expectedIds = new ArrayList<>(ids(existing));
        for (List<Attempt> plan : plans) {
            for (Attempt attempt : plan) {
                assertThat(outcomes.get(attempt)).as("outcome of %s", ids(attempt.statements())).isEqualTo(attempt.expected());
                List<UUID> fresh = ids(attempt.statements()).stream().filter(id -> !ids(existing).contains(id)).toList();
                if (attempt.expected() instanceof WriteOutcome.Stored) {
                    expectedIds.addAll(fresh);
                } else {
                    assertThat(stored(db, fresh)).as("statements of a refused submission").isZero();
                }
            }
        }
        // Exactly the accepted statements, each once (the index has one row set per statement, not two).
        assertThat(about(db, activity)).containsExactlyInAnyOrderElementsOf(expectedIds);
        assertThat(db.database.sql().fetchCount(STATEMENT_KEY, STATEMENT_KEY.KEY_VALUE.eq(Keys.of(StatementKeys.activity(activity)))))
                .isEqualTo(expectedIds.size());
        assertThat(stored(db, expectedIds)).isEqualTo(expectedIds.size());
        for (NewStatement old : existing) {
            assertThat(db.store.byId(old.id(), false).orElseThrow().body()).isEqualTo(old.body());
        }
    }

    /** Two clients PUT the same id with different statements at the same moment: one wins, the other gets a conflict. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void theSameIdWrittenConcurrentlyWithDifferentContentHasExactlyOneWinner(String kind) throws Exception {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("race");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                UUID id = UUID.randomUUID();
                NewStatement a = prepare(statement("racer-a", VERB, activity), id);
                NewStatement b = prepare(statement("racer-b", VERB, activity), id);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<WriteOutcome> first = pool.submit(() -> {
                    start.await();
                    return write(db, List.of(a));
                });
                Future<WriteOutcome> second = pool.submit(() -> {
                    start.await();
                    return write(db, List.of(b));
                });
                WriteOutcome outcomeA = first.get(60, TimeUnit.SECONDS);
                WriteOutcome outcomeB = second.get(60, TimeUnit.SECONDS);

                assertThat(List.of(outcomeA, outcomeB)).containsExactlyInAnyOrder(new WriteOutcome.Stored(), new WriteOutcome.Conflict(id));
                NewStatement winner = outcomeA instanceof WriteOutcome.Stored ? a : b;
                assertThat(db.store.byId(id, false).orElseThrow().body()).isEqualTo(winner.body());
                assertThat(keyRows(db, List.of(id))).isEqualTo(winner.keys().size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same statement from two clients at once (a retry racing the original): both are told it is stored. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void theSameStatementWrittenConcurrentlyIsAcceptedTwiceAndStoredOnce(String kind) throws Exception {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("retry");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                NewStatement statement = prepare(statement("retry", VERB, activity), UUID.randomUUID());
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<WriteOutcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return write(db, List.of(statement));
                    }));
                }
                for (Future<WriteOutcome> outcome : outcomes) {
                    assertThat(outcome.get(60, TimeUnit.SECONDS)).isEqualTo(new WriteOutcome.Stored());
                }
                assertThat(keyRows(db, List.of(statement.id()))).isEqualTo(statement.keys().size());
            }
            assertThat(about(db, activity)).hasSize(25);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A submission the database refuses (here a version longer than its column) fails with jOOQ's DataAccessException and
     * leaves nothing behind, while the submissions queued with it, which may share its transaction, are stored.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aSubmissionTheDatabaseRefusesFailsAloneAndLeavesNothing(String kind) throws Exception {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("refused");
        // A large first submission keeps the writer busy, so the following ones queue up and are committed together.
        List<NewStatement> busy = statements(1500, "busy", unique("busy"));
        List<NewStatement> good1 = statements(3, "good", activity);
        List<NewStatement> broken = statements(3, "broken", activity);
        NewStatement tooLong = broken.get(1);
        broken.set(1, new NewStatement(tooLong.id(), tooLong.stored(), tooLong.authority(), null, null, "2.0.0-" + "x".repeat(20),
                tooLong.contentHash(), tooLong.body(), tooLong.keys(), List.of(), Map.of()));
        List<NewStatement> good2 = statements(3, "good", activity);

        CompletableFuture<WriteOutcome> busyDone = db.writer.submit(busy, List.of());
        CompletableFuture<WriteOutcome> good1Done = db.writer.submit(good1, List.of());
        CompletableFuture<WriteOutcome> brokenDone = db.writer.submit(broken, List.of());
        CompletableFuture<WriteOutcome> good2Done = db.writer.submit(good2, List.of());

        assertThat(busyDone.get(60, TimeUnit.SECONDS)).isEqualTo(new WriteOutcome.Stored());
        assertThat(good1Done.get(60, TimeUnit.SECONDS)).isEqualTo(new WriteOutcome.Stored());
        assertThat(good2Done.get(60, TimeUnit.SECONDS)).isEqualTo(new WriteOutcome.Stored());
        assertThatThrownBy(() -> brokenDone.get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(DataAccessException.class);

        assertThat(stored(db, ids(broken))).isZero();
        assertThat(keyRows(db, ids(broken))).isZero();
        List<UUID> good = new ArrayList<>(ids(good1));
        good.addAll(ids(good2));
        assertThat(about(db, activity)).containsExactlyInAnyOrderElementsOf(good);
        assertThat(db.writer.earliestInFlight()).as("nothing is left in flight").isNull();
    }

    private static String withAttachment(UUID id, String activity, String sha2, int length) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:attached@example.org\"},\"verb\":{\"id\":\"" + VERB + "\"},"
                + "\"object\":{\"id\":\"" + activity + "\"},\"attachments\":[{\"usageType\":\"http://adlnet.gov/expapi/attachments/report\","
                + "\"display\":{\"en\":\"report\"},\"contentType\":\"text/plain\",\"length\":" + length + ",\"sha2\":\"" + sha2 + "\"}]}";
    }

    /**
     * Attachment contents are stored once per SHA-2 however many statements name them, served with the statements that
     * name them, and not stored at all with a refused submission (xAPI 1.0.3 Data §2.4.11, Communication §1.5.2).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void anAttachmentIsStoredOncePerHashAndOnlyWithStoredStatements(String kind) throws Exception {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("attached");
        byte[] content = ("report " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        NewAttachment attachment = new NewAttachment(sha2, "text/plain", content);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        StatementService service = db.service();

        service.post(new Received(Json.parse("[" + withAttachment(first, activity, sha2, content.length)
                + "," + withAttachment(second, activity, sha2, content.length) + "]", "statements"), List.of(attachment), true),
                StoreFixture.admin(), XapiVersion.V2_0_0);

        assertThat(db.store.byId(first, false).orElseThrow().hasAttachments()).isTrue();
        Map<String, NewAttachment> served = db.store.attachmentsOf(List.of(first, second));
        assertThat(served).containsOnlyKeys(sha2);
        assertThat(served.get(sha2).content()).isEqualTo(content);
        assertThat(served.get(sha2).contentType()).isEqualTo("text/plain");
        assertThat(db.database.sql().fetchCount(ATTACHMENT,
                ATTACHMENT.SHA2.eq(sha2))).isEqualTo(1);

        // A refused submission (its second statement contradicts a stored one) leaves its attachment out.
        byte[] other = ("refused " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String otherSha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(other));
        NewStatement fresh = prepare(withAttachment(UUID.randomUUID(), activity, otherSha2, other.length), UUID.randomUUID());
        fresh = new NewStatement(fresh.id(), fresh.stored(), fresh.authority(), null, null, fresh.version(), fresh.contentHash(), fresh.body(),
                fresh.keys(), List.of(otherSha2), Map.of());
        NewStatement contradicting = prepare(statement("someone-else", VERB, activity), first);

        assertThat(db.writer.submit(List.of(fresh, contradicting), List.of(new NewAttachment(otherSha2, "text/plain", other)))
                .get(60, TimeUnit.SECONDS)).isEqualTo(new WriteOutcome.Conflict(first));
        assertThat(db.database.sql().fetchCount(ATTACHMENT,
                ATTACHMENT.SHA2.eq(otherSha2))).isZero();
        assertThat(db.store.attachmentsOf(List.of(fresh.id()))).isEmpty();
    }

    /** The LRS keeps one canonical definition per activity (Data §2.4.4.1): the definition statements last brought. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void theCanonicalActivityFollowsTheDefinitionsStatementsBring(String kind) throws Exception {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("defined");
        Function<String, NewStatement> defining = name -> prepare("{\"actor\":{\"mbox\":\"mailto:definer@example.org\"},"
                + "\"verb\":{\"id\":\"" + VERB + "\"},\"object\":{\"id\":\"" + activity + "\",\"definition\":{\"name\":{\"en\":\"" + name
                + "\"}}}}", UUID.randomUUID());
        assertThat(db.store.activity(activity)).isEmpty();

        for (String name : List.of("first", "second", "first", "first")) {
            assertThat(write(db, List.of(defining.apply(name)))).isEqualTo(new WriteOutcome.Stored());
            assertThat(db.store.activity(activity)).as("after %s", name).hasValueSatisfying(json ->
                    assertThat(Json.parse(json, "activity").at("/definition/name/en").asText()).isEqualTo(name));
        }
        // A statement without a definition leaves it as it is.
        assertThat(write(db, List.of(prepare(statement("definer", VERB, activity), UUID.randomUUID())))).isEqualTo(new WriteOutcome.Stored());
        assertThat(db.store.activities(List.of(activity))).containsOnlyKeys(activity);
        assertThat(db.store.activity(activity).orElseThrow()).contains("\"first\"");
    }
}
