package org.pelita.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.auth.Scope;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.xapi.StatementKeys;
import org.pelita.lrs.xapi.Times;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Every kind of statement query reads an index, never a whole table: the key index (statement_key_lookup) for agent,
 * verb, activity and registration filters, statement_by_stored without them, statement_by_authority for read/mine.
 * The store holds 20,000 statements (and PostgreSQL has analysed them) so that the planner's choice is the one it makes
 * on a real store. On H2 the plan names the index; on PostgreSQL there is no Seq Scan of statement or statement_key.
 */
class StatementStoreExplainTest {
    /** PostgreSQL plans by statistics: enough rows that a table scan would be its choice if no index served. */
    private static final int STATEMENTS = 20_000;
    /** H2 plans by its rules and indexes whatever the row count; fewer rows keep the test fast. */
    private static final int H2_STATEMENTS = 4_000;
    private static final OffsetDateTime START = OffsetDateTime.parse("2035-06-01T00:00:00Z");
    private static final StoreFixture.PerDatabase DATABASES = new StoreFixture.PerDatabase();
    private static final Map<String, StoreFixture> FILLED = new LinkedHashMap<>();
    private static final List<Principal> AUTHORITIES = List.of(StoreFixture.principal("explain-a", Scope.ALL),
            StoreFixture.principal("explain-b", Scope.ALL), StoreFixture.principal("explain-c", Scope.ALL),
            StoreFixture.principal("explain-d", Scope.ALL));
    /** A credential that stored one statement in 200, as read/mine credentials of one application typically do. */
    private static final Principal RARE = StoreFixture.principal("explain-rare", Scope.STATEMENTS_READ_MINE);

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    private static String agent(int i) {
        return "{\"mbox\":\"mailto:explain-" + (i % 500) + "@example.org\"}";
    }

    private static String verb(int i) {
        return "https://pelita.example.org/explain/verbs/" + (i % 20);
    }

    private static String activity(int i) {
        return "https://pelita.example.org/explain/activities/" + (i % 1000);
    }

    private static String course(int i) {
        return "https://pelita.example.org/explain/courses/" + (i % 10);
    }

    private static UUID registration(int i) {
        return new UUID(0x5E6157A7_10000000L, i % 2000);
    }

    /** The database of that kind with 20,000 statements (filled once per class run). */
    private static synchronized StoreFixture filled(String kind) throws Exception {
        StoreFixture existing = FILLED.get(kind);
        if (existing != null) {
            return existing;
        }
        StoreFixture db = DATABASES.get(kind);
        List<CompletableFuture<WriteOutcome>> outcomes = new ArrayList<>();
        List<NewStatement> batch = new ArrayList<>();
        int count = db.isPostgres() ? STATEMENTS : H2_STATEMENTS;
        for (int i = 0; i < count; i++) {
            String json = "{\"actor\":" + agent(i * 7) + ",\"verb\":{\"id\":\"" + verb(i * 3) + "\"},\"object\":{\"id\":\"" + activity(i) + "\"},"
                    + "\"context\":{\"registration\":\"" + registration(i) + "\",\"contextActivities\":{\"parent\":[{\"id\":\"" + course(i) + "\"}]}}}";
            batch.add(StoreFixture.prepare(json, UUID.randomUUID(), START.plusSeconds(i),
                    i % 200 == 0 ? RARE : AUTHORITIES.get(i % AUTHORITIES.size())));
            if (batch.size() == 1000) {
                outcomes.add(db.writer.submit(batch, List.of()));
                batch = new ArrayList<>();
            }
        }
        for (CompletableFuture<WriteOutcome> outcome : outcomes) {
            assertThat(outcome.get(120, TimeUnit.SECONDS)).isEqualTo(new WriteOutcome.Stored());
        }
        if (db.isPostgres()) {
            db.database.sql().execute("ANALYZE");
        }
        FILLED.put(kind, db);
        return db;
    }

    static Stream<Arguments> queries() {
        String since = Times.format(START.plusSeconds(1000));
        String until = Times.format(START.plusSeconds(3000));
        int i = 1123; // a statement whose agent, verb and activity the combined filters name
        Map<String, Map<String, String>> queries = new LinkedHashMap<>();
        queries.put("no filter", Map.of());
        queries.put("ascending", Map.of("ascending", "true"));
        queries.put("since", Map.of("since", since));
        queries.put("until", Map.of("until", until));
        queries.put("since until ascending", Map.of("since", since, "until", until, "ascending", "true"));
        queries.put("agent", Map.of("agent", agent(i * 7)));
        queries.put("agent related", Map.of("agent", agent(i * 7), "related_agents", "true"));
        queries.put("verb", Map.of("verb", verb(i * 3)));
        queries.put("activity", Map.of("activity", activity(i)));
        queries.put("activity related", Map.of("activity", course(i), "related_activities", "true"));
        queries.put("registration", Map.of("registration", registration(i).toString()));
        queries.put("verb ascending", Map.of("verb", verb(i * 3), "ascending", "true"));
        queries.put("agent verb activity", Map.of("agent", agent(i * 7), "verb", verb(i * 3), "activity", activity(i)));
        queries.put("verb since until ascending", Map.of("verb", verb(i * 3), "since", since, "until", until, "ascending", "true"));
        queries.put("related activity and agent, limit 10", Map.of("activity", course(i), "related_activities", "true",
                "agent", agent(i * 7), "limit", "10"));
        List<Arguments> arguments = new ArrayList<>();
        for (String kind : TestLrs.databases()) {
            queries.forEach((name, parameters) -> arguments.add(Arguments.of(kind, name, parameters)));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("queries")
    void everyFilterReadsAnIndex(String kind, String name, Map<String, String> parameters) throws Exception {
        StoreFixture db = filled(kind);
        Map<String, List<String>> query = new LinkedHashMap<>();
        parameters.forEach((parameter, value) -> query.put(parameter, List.of(value)));

        String plan = db.service().explain(db.parser.parse(query, XapiVersion.V2_0_0));

        boolean keys = parameters.containsKey("agent") || parameters.containsKey("verb") || parameters.containsKey("activity")
                || parameters.containsKey("registration");
        assertIndexed(db, plan, keys ? "statement_key_lookup" : "statement_by_stored");
    }

    /** statements/read/mine: the store filters by authority (the service passes the caller's). */
    @ParameterizedTest(name = "{0}: ascending {1}")
    @MethodSource("mine")
    void readMineReadsTheAuthorityIndexOrTheKeyIndex(String kind, boolean ascending) throws Exception {
        StoreFixture db = filled(kind);
        Optional<String> authority = Optional.of(RARE.authorityId());
        Optional<OffsetDateTime> since = Optional.of(START.plusSeconds(1000));

        String alone = db.store.explain(new StatementFilter(List.of(), authority, since, Optional.empty(), ascending, Optional.empty(), 100));
        String withVerb = db.store.explain(new StatementFilter(List.of(new StatementFilter.KeyMatch(StatementKeys.verb(verb(9)), false)),
                authority, since, Optional.empty(), ascending, Optional.empty(), 100));

        assertIndexed(db, alone, "statement_by_authority");
        assertIndexed(db, withVerb, "statement_key_lookup");
    }

    static Stream<Arguments> mine() {
        return TestLrs.databases().stream().flatMap(kind -> Stream.of(Arguments.of(kind, false), Arguments.of(kind, true)));
    }

    /**
     * The plan reads this index. H2 names it and reads it in the query's order ("index sorted": no sort of every match
     * before the limit); PostgreSQL reads no table whole.
     */
    private static void assertIndexed(StoreFixture db, String plan, String index) {
        if (db.isPostgres()) {
            assertThat(plan).contains(index).doesNotContain("Seq Scan on statement ").doesNotContain("Seq Scan on statement_key");
        } else {
            assertThat(plan).contains("public." + index).doesNotContain("tableScan");
            assertThat(plan.strip()).endsWith("/* index sorted */");
        }
    }
}
