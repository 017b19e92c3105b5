package org.pelita.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.store.StoreFixture.admin;
import static org.pelita.lrs.store.StoreFixture.reference;
import static org.pelita.lrs.store.StoreFixture.statement;
import static org.pelita.lrs.store.StoreFixture.unique;
import static org.pelita.lrs.store.StoreFixture.uniqueName;

import java.time.Duration;
import java.time.OffsetDateTime;
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
import org.pelita.lrs.xapi.StatementKeys;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Filter Conditions for StatementRefs (xAPI 1.0.3 Communication §2.1.3; 2.0.0 Communication §2.1.3): a statement whose
 * object is a StatementRef meets every filter other than since, until and limit that its target meets, recursively
 * ("a" matches when a targets b which targets c and c matches), whichever of them was stored first. A StatementRef in
 * context.statement does not count.
 */
class StatementReferencesTest {
    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final String COMMENTED = "http://adlnet.gov/expapi/verbs/commented";
    private static final StoreFixture.PerDatabase DATABASES = new StoreFixture.PerDatabase();

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    /** The statement "learner completed activity" with a registration: the target that filters match. */
    private record Target(UUID id, String actor, String verb, String activity, UUID registration, String parent) {
        static Target create() {
            return new Target(UUID.randomUUID(), uniqueName("learner"), unique("verb"), unique("activity"), UUID.randomUUID(), unique("parent"));
        }

        String json() {
            String plain = statement(id, actor, verb, activity);
            return plain.substring(0, plain.length() - 1) + ",\"context\":{\"registration\":\"" + registration + "\","
                    + "\"contextActivities\":{\"parent\":[{\"id\":\"" + parent + "\"}]}}}";
        }

        /** Every filter the target meets, as the service builds it from GET parameters. */
        List<KeyMatch> filters() {
            return List.of(new KeyMatch(StatementKeys.agent("mbox:mailto:" + actor + "@example.org"), false),
                    new KeyMatch(StatementKeys.agent("mbox:mailto:" + actor + "@example.org"), true),
                    new KeyMatch(StatementKeys.verb(verb), false),
                    new KeyMatch(StatementKeys.activity(activity), false),
                    new KeyMatch(StatementKeys.activity(activity), true),
                    new KeyMatch(StatementKeys.activity(parent), true),
                    new KeyMatch(StatementKeys.registration(registration.toString()), true));
        }
    }

    private static List<UUID> query(StoreFixture db, KeyMatch... keys) {
        return db.store.query(new StatementFilter(List.of(keys), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), 100)).stream().map(StoredStatement::id).toList();
    }

    private static void post(StoreFixture db, String... statements) {
        db.post(admin(), statements.length == 1 ? statements[0] : "[" + String.join(",", statements) + "]");
    }

    private static void assertEveryFilterOfTheTargetFinds(StoreFixture db, Target target, List<UUID> expected) {
        for (KeyMatch filter : target.filters()) {
            assertThat(query(db, filter)).as("filter %s", filter).containsExactlyInAnyOrderElementsOf(expected);
        }
        // And all of them at once (the first key drives, the others are checked per row).
        assertThat(query(db, target.filters().toArray(KeyMatch[]::new))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aStatementReferringToAStoredStatementMeetsItsFilters(String kind) {
        StoreFixture db = DATABASES.get(kind);
        Target target = Target.create();
        UUID referrer = UUID.randomUUID();
        post(db, target.json());

        post(db, reference(referrer, uniqueName("reviewer"), COMMENTED, target.id()));

        assertEveryFilterOfTheTargetFinds(db, target, List.of(referrer, target.id()));
        // The referrer's own properties still find it, and not the target.
        assertThat(query(db, new KeyMatch(StatementKeys.verb(COMMENTED), true))).contains(referrer).doesNotContain(target.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aStatementReferringToOneNotYetStoredMeetsItsFiltersOnceItArrives(String kind) {
        StoreFixture db = DATABASES.get(kind);
        Target target = Target.create();
        UUID referrer = UUID.randomUUID();
        post(db, reference(referrer, uniqueName("reviewer"), COMMENTED, target.id()));
        assertThat(query(db, target.filters().get(0))).isEmpty();

        post(db, target.json());

        assertEveryFilterOfTheTargetFinds(db, target, List.of(referrer, target.id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aStatementAndOneReferringToItInOneBatchMeetTheFiltersInEitherOrder(String kind) {
        StoreFixture db = DATABASES.get(kind);
        for (boolean referrerFirst : List.of(true, false)) {
            Target target = Target.create();
            UUID referrer = UUID.randomUUID();
            String referrerJson = reference(referrer, uniqueName("reviewer"), COMMENTED, target.id());

            post(db, referrerFirst ? referrerJson : target.json(), referrerFirst ? target.json() : referrerJson);

            assertEveryFilterOfTheTargetFinds(db, target, List.of(referrer, target.id()));
        }
    }

    /** "This rule applies recursively": a → b → c, stored in every one of the six orders, one statement per request. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aChainOfReferencesMeetsTheFiltersOfItsLastStatementInEveryArrivalOrder(String kind) {
        StoreFixture db = DATABASES.get(kind);
        for (List<Integer> order : List.of(List.of(0, 1, 2), List.of(0, 2, 1), List.of(1, 0, 2), List.of(1, 2, 0), List.of(2, 0, 1),
                List.of(2, 1, 0))) {
            Target c = Target.create();
            UUID b = UUID.randomUUID();
            UUID a = UUID.randomUUID();
            List<String> chain = List.of(reference(a, uniqueName("a"), COMMENTED, b), reference(b, uniqueName("b"), COMMENTED, c.id()), c.json());
            for (int index : order) {
                post(db, chain.get(index));
            }
            for (KeyMatch filter : c.filters()) {
                assertThat(query(db, filter)).as("order %s, filter %s", order, filter).containsExactlyInAnyOrder(a, b, c.id());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aChainOfReferencesInOneBatchMeetsTheFiltersOfItsLastStatement(String kind) {
        StoreFixture db = DATABASES.get(kind);
        for (List<Integer> order : List.of(List.of(0, 1, 2), List.of(2, 1, 0), List.of(1, 0, 2))) {
            Target c = Target.create();
            UUID b = UUID.randomUUID();
            UUID a = UUID.randomUUID();
            List<String> chain = List.of(reference(a, uniqueName("a"), COMMENTED, b), reference(b, uniqueName("b"), COMMENTED, c.id()), c.json());

            post(db, chain.get(order.get(0)), chain.get(order.get(1)), chain.get(order.get(2)));

            for (KeyMatch filter : c.filters()) {
                assertThat(query(db, filter)).as("order %s, filter %s", order, filter).containsExactlyInAnyOrder(a, b, c.id());
            }
        }
    }

    /** a → b → c → d → e stored out of order: b → c arrives last and joins the two halves of the chain. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aLongerChainMeetsTheFiltersOfItsEnd(String kind) {
        StoreFixture db = DATABASES.get(kind);
        Target e = Target.create();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(UUID.randomUUID());
        }
        ids.add(e.id());
        post(db, reference(ids.get(3), uniqueName("d"), COMMENTED, e.id()));
        post(db, reference(ids.get(0), uniqueName("a"), COMMENTED, ids.get(1)));
        post(db, e.json());
        post(db, reference(ids.get(2), uniqueName("c"), COMMENTED, ids.get(3)));
        post(db, reference(ids.get(1), uniqueName("b"), COMMENTED, ids.get(2)));

        for (KeyMatch filter : e.filters()) {
            assertThat(query(db, filter)).as("filter %s", filter).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    /**
     * The target's actor is the referrer's instructor: the plain agent filter (actor or object only) must still find the
     * referrer through its target, where the agent is the actor.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aReferrerMeetsTheDirectAgentFilterOfItsTargetEvenWhenItNamesTheAgentAsRelatedOnly(String kind) {
        StoreFixture db = DATABASES.get(kind);
        for (boolean targetFirst : List.of(true, false)) {
            Target target = Target.create();
            UUID referrer = UUID.randomUUID();
            String mbox = "mailto:" + target.actor() + "@example.org";
            String referrerJson = "{\"id\":\"" + referrer + "\",\"actor\":{\"mbox\":\"mailto:" + uniqueName("reviewer") + "@example.org\"},"
                    + "\"verb\":{\"id\":\"" + COMMENTED + "\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target.id() + "\"},"
                    + "\"context\":{\"instructor\":{\"mbox\":\"" + mbox + "\"}}}";
            if (targetFirst) {
                post(db, target.json());
                post(db, referrerJson);
            } else {
                post(db, referrerJson);
                post(db, target.json());
            }

            assertThat(query(db, new KeyMatch(StatementKeys.agent("mbox:" + mbox), false))).as("target first: %s", targetFirst)
                    .containsExactlyInAnyOrder(referrer, target.id());
            assertThat(query(db, new KeyMatch(StatementKeys.agent("mbox:" + mbox), true))).as("target first: %s", targetFirst)
                    .containsExactlyInAnyOrder(referrer, target.id());
        }
    }

    /** since, until and limit apply to the referrer's own stored time, not its target's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void sinceAndUntilApplyToTheReferrersOwnStoredTime(String kind) {
        StoreFixture db = DATABASES.get(kind);
        StoreFixture.ManualClock clock = new StoreFixture.ManualClock(OffsetDateTime.parse("2031-03-01T10:00:00Z"));
        Target target = Target.create();
        UUID referrer = UUID.randomUUID();
        db.service(clock).post(StoreFixture.received(target.json()), admin(), XapiVersion.V2_0_0);
        clock.advance(Duration.ofMinutes(10));
        db.service(clock).post(StoreFixture.received(reference(referrer, uniqueName("reviewer"), COMMENTED, target.id())), admin(),
                XapiVersion.V2_0_0);
        KeyMatch activity = new KeyMatch(StatementKeys.activity(target.activity()), false);
        OffsetDateTime between = OffsetDateTime.parse("2031-03-01T10:05:00Z");

        List<StoredStatement> after = db.store.query(new StatementFilter(List.of(activity), Optional.empty(), Optional.of(between),
                Optional.empty(), false, Optional.empty(), 100));
        List<StoredStatement> before = db.store.query(new StatementFilter(List.of(activity), Optional.empty(), Optional.empty(),
                Optional.of(between), false, Optional.empty(), 100));

        assertThat(after).extracting(StoredStatement::id).containsExactly(referrer);
        assertThat(before).extracting(StoredStatement::id).containsExactly(target.id());
    }

    /** "A StatementRef used as the value of the statement property in context does not affect how Statements are filtered." */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aStatementRefInContextDoesNotMakeAStatementMeetItsFilters(String kind) {
        StoreFixture db = DATABASES.get(kind);
        Target target = Target.create();
        UUID other = UUID.randomUUID();
        post(db, target.json());

        post(db, "{\"id\":\"" + other + "\",\"actor\":{\"mbox\":\"mailto:" + uniqueName("other") + "@example.org\"},"
                + "\"verb\":{\"id\":\"" + COMPLETED + "\"},\"object\":{\"id\":\"" + unique("elsewhere") + "\"},"
                + "\"context\":{\"statement\":{\"objectType\":\"StatementRef\",\"id\":\"" + target.id() + "\"}}}");

        assertEveryFilterOfTheTargetFinds(db, target, List.of(target.id()));
    }

    /**
     * A statement and one referring to it, sent at the same moment: with several writer threads (PostgreSQL) they may be in
     * concurrent transactions, neither seeing the other. The referrer must still meet the target's filters.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aStatementAndItsReferrerWrittenConcurrentlyMeetTheSameFilters(String kind) throws Exception {
        StoreFixture db = DATABASES.get(kind);
        String activity = unique("ref-race");
        List<UUID> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID target = UUID.randomUUID();
            UUID referrer = UUID.randomUUID();
            expected.add(target);
            expected.add(referrer);
            NewStatement targetStatement = StoreFixture.prepare(statement(target, "learner", COMPLETED, activity), target);
            NewStatement referrerStatement = StoreFixture.prepare(reference(referrer, "reviewer", COMMENTED, target), referrer);
            // One pair at a time while the writers are idle: on PostgreSQL each writer thread takes one of them.
            CompletableFuture<WriteOutcome> first = db.writer.submit(List.of(i % 2 == 0 ? targetStatement : referrerStatement), List.of());
            CompletableFuture<WriteOutcome> second = db.writer.submit(List.of(i % 2 == 0 ? referrerStatement : targetStatement), List.of());
            assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(new WriteOutcome.Stored());
            assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(new WriteOutcome.Stored());
        }

        List<UUID> found = db.store.query(new StatementFilter(List.of(new KeyMatch(StatementKeys.activity(activity), false)), Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), 1000)).stream().map(StoredStatement::id).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }
}
