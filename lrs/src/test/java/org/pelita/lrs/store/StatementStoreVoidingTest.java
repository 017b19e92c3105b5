package org.pelita.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.store.StoreFixture.admin;
import static org.pelita.lrs.store.StoreFixture.reference;
import static org.pelita.lrs.store.StoreFixture.statement;
import static org.pelita.lrs.store.StoreFixture.unique;
import static org.pelita.lrs.store.StoreFixture.voiding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.store.StatementFilter.KeyMatch;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.StatementKeys;

/**
 * Voiding (xAPI 1.0.3 Data §2.3.2; 2.0.0 Data §2.3.2): a statement is voided iff it is not itself a voiding statement and
 * the store holds a voiding statement that targets it, in whichever order they arrived. Voided statements are left out
 * of filtered queries (Communication §2.1.3) but served by voidedStatementId; a voiding statement that targets another
 * voiding statement may be accepted and is then ignored (conformance requirement XAPI-00016).
 */
class StatementStoreVoidingTest {
    private static final String VERB = "http://adlnet.gov/expapi/verbs/completed";
    private static final StoreFixture.PerDatabase DATABASES = new StoreFixture.PerDatabase();

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    private static boolean live(StoreFixture db, UUID id) {
        return db.store.byId(id, false).isPresent();
    }

    private static boolean voided(StoreFixture db, UUID id) {
        return db.store.byId(id, true).isPresent();
    }

    private static List<UUID> about(StoreFixture db, String activity) {
        return db.store.query(new StatementFilter(List.of(new KeyMatch(StatementKeys.activity(activity), false)), Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), 1000)).stream().map(StoredStatement::id).toList();
    }

    private static void post(StoreFixture db, String... statements) {
        db.post(admin(), statements.length == 1 ? statements[0] : "[" + String.join(",", statements) + "]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aVoidingStatementVoidsItsStoredTarget(String kind) {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("voided");
        UUID target = UUID.randomUUID();
        UUID voider = UUID.randomUUID();
        post(db, statement(target, "learner", VERB, activity));
        assertThat(about(db, activity)).containsExactly(target);

        post(db, voiding(voider, "teacher", target));

        assertThat(live(db, target)).isFalse();
        StoredStatement served = db.store.byId(target, true).orElseThrow();
        assertThat(Json.parse(served.body(), "statement").get("id").asText()).isEqualTo(target.toString());
        // The voiding statement is live and, targeting a statement about the activity, is found by it (§2.1.3).
        assertThat(live(db, voider)).isTrue();
        assertThat(voided(db, voider)).isFalse();
        assertThat(about(db, activity)).containsExactly(voider);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aVoidingStatementStoredBeforeItsTargetVoidsTheTargetOnArrival(String kind) {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("voided-early");
        UUID target = UUID.randomUUID();
        UUID voider = UUID.randomUUID();
        post(db, voiding(voider, "teacher", target));
        assertThat(live(db, voider)).isTrue();

        post(db, statement(target, "learner", VERB, activity));

        assertThat(live(db, target)).isFalse();
        assertThat(voided(db, target)).isTrue();
        assertThat(about(db, activity)).containsExactly(voider);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aVoidingStatementAndItsTargetInOneBatchVoidTheTargetInEitherOrder(String kind) {
        StoreFixture db = DATABASES.get(kind);
        for (boolean voidingFirst : List.of(true, false)) {
            String activity = unique("voided-batch");
            UUID target = UUID.randomUUID();
            UUID voider = UUID.randomUUID();
            String targetJson = statement(target, "learner", VERB, activity);
            String voidingJson = voiding(voider, "teacher", target);

            post(db, voidingFirst ? voidingJson : targetJson, voidingFirst ? targetJson : voidingJson);

            assertThat(voided(db, target)).as("voiding first: %s", voidingFirst).isTrue();
            assertThat(live(db, target)).isFalse();
            assertThat(live(db, voider)).isTrue();
            assertThat(about(db, activity)).containsExactly(voider);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aVoidedStatementIsLeftOutOfEveryFilteredQuery(String kind) {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("hidden");
        String verb = unique("verb");
        String actor = StoreFixture.uniqueName("hidden");
        UUID registration = UUID.randomUUID();
        UUID target = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        String context = ",\"context\":{\"registration\":\"" + registration + "\"}}";
        String targetJson = statement(target, actor, verb, activity);
        String keptJson = statement(kept, actor, verb, activity);
        post(db, targetJson.substring(0, targetJson.length() - 1) + context, keptJson.substring(0, keptJson.length() - 1) + context);
        post(db, voiding(UUID.randomUUID(), "other-" + actor, target));

        for (String key : List.of(StatementKeys.activity(activity), StatementKeys.verb(verb),
                StatementKeys.agent("mbox:mailto:" + actor + "@example.org"), StatementKeys.registration(registration.toString()))) {
            for (boolean related : List.of(false, true)) {
                List<UUID> found = db.store.query(new StatementFilter(List.of(new KeyMatch(key, related)), Optional.empty(),
                        Optional.empty(), Optional.empty(), false, Optional.empty(), 100)).stream().map(StoredStatement::id).toList();
                assertThat(found).as("%s (related %s)", key, related).contains(kept).doesNotContain(target);
            }
        }
        // Without any key filter (the statement_by_stored path) and by its authority (statements/read/mine).
        StatementFilter recent = new StatementFilter(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), 500);
        assertThat(db.store.query(recent)).extracting(StoredStatement::id).contains(kept).doesNotContain(target);
        StatementFilter mine = new StatementFilter(List.of(), Optional.of(admin().authorityId()), Optional.empty(), Optional.empty(), false,
                Optional.empty(), 500);
        assertThat(db.store.query(mine)).extracting(StoredStatement::id).contains(kept).doesNotContain(target);
    }

    /** XAPI-00016: a voiding statement cannot void another voiding statement; the LRS accepts it and ignores it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void voidingAVoidingStatementIsStoredButVoidsNothing(String kind) {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("void-void");
        UUID target = UUID.randomUUID();
        UUID voider = UUID.randomUUID();
        UUID voidsVoider = UUID.randomUUID();
        post(db, statement(target, "learner", VERB, activity));
        post(db, voiding(voider, "teacher", target));

        post(db, voiding(voidsVoider, "principal", voider));

        assertThat(live(db, voidsVoider)).isTrue();
        assertThat(live(db, voider)).as("a voiding statement is never voided").isTrue();
        assertThat(voided(db, voider)).isFalse();
        assertThat(voided(db, target)).as("its target stays voided").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aVoidingStatementThatArrivesAfterAStatementVoidingItIsNotVoided(String kind) {
        StoreFixture db = DATABASES.get(kind);
        UUID target = UUID.randomUUID();
        UUID voider = UUID.randomUUID();
        UUID voidsVoider = UUID.randomUUID();
        post(db, statement(target, "learner", VERB, unique("void-void-early")));
        post(db, voiding(voidsVoider, "principal", voider));

        post(db, voiding(voider, "teacher", target));

        assertThat(live(db, voider)).isTrue();
        assertThat(voided(db, target)).isTrue();
        // And in one batch.
        UUID target2 = UUID.randomUUID();
        UUID voider2 = UUID.randomUUID();
        post(db, voiding(UUID.randomUUID(), "principal", voider2), voiding(voider2, "teacher", target2),
                statement(target2, "learner", VERB, unique("void-void-batch")));
        assertThat(live(db, voider2)).isTrue();
        assertThat(voided(db, target2)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aStatementRefWithAnotherVerbDoesNotVoid(String kind) {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("commented");
        UUID target = UUID.randomUUID();
        UUID comment = UUID.randomUUID();
        post(db, statement(target, "learner", VERB, activity));

        post(db, reference(comment, "teacher", "http://adlnet.gov/expapi/verbs/commented", target));

        assertThat(live(db, target)).isTrue();
        assertThat(voided(db, target)).isFalse();
        assertThat(about(db, activity)).containsExactly(comment, target);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aVoidingStatementWhoseTargetNeverArrivesIsStored(String kind) {
        StoreFixture db = DATABASES.get(kind);
        UUID voider = UUID.randomUUID();
        UUID missing = UUID.randomUUID();

        post(db, voiding(voider, "teacher", missing));

        assertThat(live(db, voider)).isTrue();
        assertThat(db.store.byId(missing, false)).isEmpty();
        assertThat(db.store.byId(missing, true)).isEmpty();
    }

    /**
     * Statements and the statements voiding them, sent at the same moment by different clients: with several writer threads
     * (PostgreSQL) they may be committed by concurrent transactions, neither of which sees the other. Every target must
     * still end up voided.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aTargetAndItsVoidingStatementWrittenConcurrentlyEndVoided(String kind) throws Exception {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("void-race");
        List<UUID> targets = new ArrayList<>();
        List<UUID> voiders = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID target = UUID.randomUUID();
            targets.add(target);
            NewStatement targetStatement = StoreFixture.prepare(statement(target, "learner", VERB, activity), target);
            UUID voider = UUID.randomUUID();
            voiders.add(voider);
            NewStatement voidingStatement = StoreFixture.prepare(voiding(voider, "teacher", target), voider);
            // One pair at a time, each statement its own submission as from two clients, while the writers are idle: on
            // PostgreSQL each writer thread takes one of them. Alternate which comes first.
            CompletableFuture<WriteOutcome> first = db.writer.submit(List.of(i % 2 == 0 ? targetStatement : voidingStatement), List.of());
            CompletableFuture<WriteOutcome> second = db.writer.submit(List.of(i % 2 == 0 ? voidingStatement : targetStatement), List.of());
            assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(new WriteOutcome.Stored());
            assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(new WriteOutcome.Stored());
        }

        List<UUID> live = targets.stream().filter(t -> live(db, t)).toList();
        assertThat(live).as("targets left live although their voiding statement is stored").isEmpty();
        // Each voiding statement is found by its target's activity, whichever transaction committed first (§2.1.3).
        assertThat(about(db, activity)).containsExactlyInAnyOrderElementsOf(voiders);
    }
}
