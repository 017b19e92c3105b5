package org.pelita.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pelita.lrs.store.StoreFixture.admin;
import static org.pelita.lrs.store.StoreFixture.unique;
import static org.pelita.lrs.store.StoreFixture.uniqueName;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.auth.Scope;
import org.pelita.lrs.service.StatementService;
import org.pelita.lrs.xapi.Agents;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.NotFoundException;
import org.pelita.lrs.xapi.Times;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * GET statements with filters, through the service into the store (xAPI 1.0.3 Communication §2.1.3; 2.0.0 the same
 * section): agent (actor, object, members of an identified or anonymous group), related_agents (also authority,
 * instructor, team, 2.0.0 context agents and groups, and all of these in a SubStatement), verb, activity (object),
 * related_activities (also context activities and a SubStatement's), registration, since (exclusive), until
 * (inclusive), ascending, limit and the following pages. Results are newest first by stored time, equal times by id,
 * and statements/read/mine credentials see only what they stored.
 *
 * <p>Each test stores its statements at a stored time of its own (a manual clock, one day per test in 2040) with
 * agents and IRIs of its own, so tests sharing the database do not see each other's statements.
 */
class StatementStoreQueryTest {
    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final String ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted";
    private static final StoreFixture.PerDatabase DATABASES = new StoreFixture.PerDatabase();
    private static final AtomicInteger DAYS = new AtomicInteger();

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    /** A database, a clock at a time no other test uses, and a service stamping statements with it. */
    private static final class Setup {
        final StoreFixture db;
        final StoreFixture.ManualClock clock;
        final StatementService service;
        final OffsetDateTime start;

        Setup(String kind) {
            db = DATABASES.get(kind);
            start = OffsetDateTime.parse("2040-01-01T00:00:00Z").plusDays(DAYS.getAndIncrement());
            clock = new StoreFixture.ManualClock(start);
            service = db.service(clock);
        }

        /** Stores a statement one second after the previous one; its id. */
        UUID post(String json) {
            return post(admin(), json);
        }

        UUID post(Principal who, String json) {
            clock.advance(Duration.ofSeconds(1));
            return service.post(StoreFixture.received(json), who, XapiVersion.V2_0_0).get(0);
        }

        StatementService.Page page(Principal who, Map<String, String> parameters, Optional<StatementFilter.Cursor> after) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            parameters.forEach((name, value) -> query.put(name, List.of(value)));
            return service.query(db.parser.parse(query, XapiVersion.V2_0_0), after, who);
        }

        List<UUID> ids(Map<String, String> parameters) {
            return ids(admin(), parameters);
        }

        List<UUID> ids(Principal who, Map<String, String> parameters) {
            StatementService.Page page = page(who, parameters, Optional.empty());
            assertThat(page.next()).as("a single page for %s", parameters).isEmpty();
            return page.ids();
        }

        /** Every page, following the cursor; each page's ids in a list. */
        List<List<UUID>> pages(Map<String, String> parameters) {
            List<List<UUID>> pages = new ArrayList<>();
            Optional<StatementFilter.Cursor> after = Optional.empty();
            do {
                StatementService.Page page = page(admin(), parameters, after);
                pages.add(page.ids());
                after = page.next();
            } while (after.isPresent() && pages.size() < 100);
            return pages;
        }

        String at(int seconds) {
            return Times.format(start.plusSeconds(seconds));
        }
    }

    private static String mbox(String name) {
        return "mailto:" + name + "@example.org";
    }

    private static String agent(String name) {
        return "{\"mbox\":\"" + mbox(name) + "\"}";
    }

    private static String statement(String actor, String verb, String object) {
        return "{\"actor\":" + actor + ",\"verb\":{\"id\":\"" + verb + "\"},\"object\":" + object + "}";
    }

    private static String statement(String actor, String verb, String object, String context) {
        return "{\"actor\":" + actor + ",\"verb\":{\"id\":\"" + verb + "\"},\"object\":" + object + ",\"context\":" + context + "}";
    }

    private static String activity(String id) {
        return "{\"id\":\"" + id + "\"}";
    }

    private static String subStatement(String actor, String verb, String object) {
        return "{\"objectType\":\"SubStatement\",\"actor\":" + actor + ",\"verb\":{\"id\":\"" + verb + "\"},\"object\":" + object + "}";
    }

    private static List<UUID> newestFirst(UUID... ids) {
        List<UUID> list = new ArrayList<>(List.of(ids));
        Collections.reverse(list);
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void theAgentFilterMatchesActorObjectAndGroupMembersAndRelatedAgentsEverywhereElse(String kind) {
        Setup s = new Setup(kind);
        String x = uniqueName("x");
        String other = agent(uniqueName("other"));
        String somewhere = activity(unique("activity"));
        UUID actor = s.post(statement(agent(x), COMPLETED, somewhere));
        UUID object = s.post(statement(other, "http://adlnet.gov/expapi/verbs/mentored", "{\"objectType\":\"Agent\",\"mbox\":\"" + mbox(x) + "\"}"));
        UUID groupMember = s.post(statement("{\"objectType\":\"Group\",\"member\":[" + agent(x) + "," + other + "]}", COMPLETED, somewhere));
        UUID identifiedGroup = s.post(statement("{\"objectType\":\"Group\",\"mbox\":\"" + mbox(uniqueName("team")) + "\",\"member\":["
                + agent(x) + "]}", COMPLETED, somewhere));
        UUID instructor = s.post(statement(other, COMPLETED, somewhere, "{\"instructor\":" + agent(x) + "}"));
        UUID team = s.post(statement(other, COMPLETED, somewhere, "{\"team\":{\"objectType\":\"Group\",\"member\":[" + agent(x) + "]}}"));
        UUID contextAgent = s.post(statement(other, COMPLETED, somewhere, "{\"contextAgents\":[{\"objectType\":\"contextAgent\",\"agent\":"
                + agent(x) + "}]}"));
        UUID contextGroup = s.post(statement(other, COMPLETED, somewhere, "{\"contextGroups\":[{\"objectType\":\"contextGroup\",\"group\":"
                + "{\"objectType\":\"Group\",\"member\":[" + agent(x) + "]}}]}"));
        UUID subActor = s.post(statement(other, COMPLETED, subStatement(agent(x), COMPLETED, somewhere)));
        UUID subObject = s.post(statement(other, COMPLETED, subStatement(other, COMPLETED, "{\"objectType\":\"Agent\",\"mbox\":\"" + mbox(x) + "\"}")));
        ObjectNode authority = Json.MAPPER.createObjectNode().put("objectType", "Agent").put("mbox", mbox(x));
        Principal asX = new Principal(x, Set.of(Scope.ALL), Optional.empty(), authority, Agents.identifier(authority).orElseThrow());
        UUID authorityX = s.post(asX, statement(other, COMPLETED, somewhere));
        s.post(statement(other, COMPLETED, somewhere));

        assertThat(s.ids(Map.of("agent", agent(x)))).containsExactlyElementsOf(newestFirst(actor, object, groupMember, identifiedGroup));
        assertThat(s.ids(Map.of("agent", agent(x), "related_agents", "true"))).containsExactlyElementsOf(newestFirst(actor, object,
                groupMember, identifiedGroup, instructor, team, contextAgent, contextGroup, subActor, subObject, authorityX));
        assertThat(s.ids(Map.of("agent", agent(x), "related_agents", "false"))).containsExactlyElementsOf(newestFirst(actor, object,
                groupMember, identifiedGroup));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void anIdentifiedGroupAsAgentFilterMatchesTheGroupNotItsMembers(String kind) {
        Setup s = new Setup(kind);
        String team = mbox(uniqueName("team"));
        String member = uniqueName("member");
        String somewhere = activity(unique("activity"));
        UUID asGroup = s.post(statement("{\"objectType\":\"Group\",\"mbox\":\"" + team + "\",\"member\":[" + agent(member) + "]}", COMPLETED, somewhere));
        UUID asMember = s.post(statement(agent(member), COMPLETED, somewhere));

        assertThat(s.ids(Map.of("agent", "{\"objectType\":\"Group\",\"mbox\":\"" + team + "\"}"))).containsExactly(asGroup);
        assertThat(s.ids(Map.of("agent", agent(member)))).containsExactly(asMember, asGroup);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void theActivityFilterMatchesTheObjectAndRelatedActivitiesAlsoContextAndSubStatements(String kind) {
        Setup s = new Setup(kind);
        String a = unique("activity");
        String actor = agent(uniqueName("learner"));
        String elsewhere = activity(unique("elsewhere"));
        UUID object = s.post(statement(actor, COMPLETED, activity(a)));
        UUID parent = s.post(statement(actor, COMPLETED, elsewhere, "{\"contextActivities\":{\"parent\":[" + activity(a) + "]}}"));
        UUID grouping = s.post(statement(actor, COMPLETED, elsewhere, "{\"contextActivities\":{\"grouping\":" + activity(a) + "}}"));
        UUID category = s.post(statement(actor, COMPLETED, elsewhere, "{\"contextActivities\":{\"category\":[" + activity(a) + "]}}"));
        UUID other = s.post(statement(actor, COMPLETED, elsewhere, "{\"contextActivities\":{\"other\":[" + activity(a) + "]}}"));
        UUID subObject = s.post(statement(actor, COMPLETED, subStatement(actor, COMPLETED, activity(a))));
        UUID subContext = s.post(statement(actor, COMPLETED, "{\"objectType\":\"SubStatement\",\"actor\":" + actor + ",\"verb\":{\"id\":\""
                + COMPLETED + "\"},\"object\":" + elsewhere + ",\"context\":{\"contextActivities\":{\"parent\":[" + activity(a) + "]}}}"));
        s.post(statement(actor, COMPLETED, elsewhere));

        assertThat(s.ids(Map.of("activity", a))).containsExactly(object);
        assertThat(s.ids(Map.of("activity", a, "related_activities", "true")))
                .containsExactlyElementsOf(newestFirst(object, parent, grouping, category, other, subObject, subContext));
    }

    /** The verb filter names the statement's verb (Communication §2.1.3), not the verb of a SubStatement it carries. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void theVerbFilterMatchesTheStatementsVerbOnly(String kind) {
        Setup s = new Setup(kind);
        String verb = unique("verb");
        String actor = agent(uniqueName("learner"));
        String a = activity(unique("activity"));
        UUID first = s.post(statement(actor, verb, a));
        s.post(statement(actor, COMPLETED, a));
        UUID second = s.post(statement(actor, verb, a));
        s.post(statement(actor, COMPLETED, subStatement(actor, verb, a)));

        assertThat(s.ids(Map.of("verb", verb))).containsExactly(second, first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void theRegistrationFilterMatchesTheContextRegistration(String kind) {
        Setup s = new Setup(kind);
        UUID registration = UUID.randomUUID();
        String actor = agent(uniqueName("learner"));
        String a = activity(unique("activity"));
        UUID first = s.post(statement(actor, COMPLETED, a, "{\"registration\":\"" + registration + "\"}"));
        s.post(statement(actor, COMPLETED, a, "{\"registration\":\"" + UUID.randomUUID() + "\"}"));
        s.post(statement(actor, COMPLETED, a));
        // Upper case in the statement or the parameter: the same UUID.
        UUID second = s.post(statement(actor, COMPLETED, a, "{\"registration\":\"" + registration.toString().toUpperCase() + "\"}"));

        assertThat(s.ids(Map.of("registration", registration.toString()))).containsExactly(second, first);
        assertThat(s.ids(Map.of("registration", registration.toString().toUpperCase()))).containsExactly(second, first);
    }

    /** since is exclusive, until inclusive, both compared with stored; ascending reverses the order. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void sinceIsExclusiveUntilInclusiveAndAscendingReverses(String kind) {
        Setup s = new Setup(kind);
        String registration = UUID.randomUUID().toString();
        String json = statement(agent(uniqueName("learner")), COMPLETED, activity(unique("activity")), "{\"registration\":\"" + registration + "\"}");
        UUID t1 = s.post(json);
        UUID t2 = s.post(json);
        UUID t3 = s.post(json);
        UUID t4 = s.post(json);

        assertThat(s.ids(Map.of("registration", registration))).containsExactly(t4, t3, t2, t1);
        assertThat(s.ids(Map.of("registration", registration, "ascending", "true"))).containsExactly(t1, t2, t3, t4);
        assertThat(s.ids(Map.of("registration", registration, "since", s.at(2)))).containsExactly(t4, t3);
        assertThat(s.ids(Map.of("registration", registration, "until", s.at(2)))).containsExactly(t2, t1);
        assertThat(s.ids(Map.of("registration", registration, "since", s.at(1), "until", s.at(3)))).containsExactly(t3, t2);
        assertThat(s.ids(Map.of("registration", registration, "since", s.at(1), "until", s.at(3), "ascending", "true"))).containsExactly(t2, t3);
        assertThat(s.ids(Map.of("registration", registration, "since", s.at(4)))).isEmpty();
        assertThat(s.ids(Map.of("registration", registration, "until", s.at(0)))).isEmpty();
        // since and until without any other filter (statement_by_stored): this test's day holds only these four.
        assertThat(s.ids(Map.of("since", s.at(0), "until", s.at(86_399)))).containsExactly(t4, t3, t2, t1);
        assertThat(s.ids(Map.of("since", s.at(1), "until", s.at(3), "ascending", "true"))).containsExactly(t2, t3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void pagesFollowOneAnotherAndReturnEachStatementOnce(String kind) {
        Setup s = new Setup(kind);
        String verb = unique("verb");
        List<UUID> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stored.add(s.post(statement(agent(uniqueName("learner")), verb, activity(unique("activity")))));
        }

        List<List<UUID>> descending = s.pages(Map.of("verb", verb, "limit", "3"));
        List<List<UUID>> ascending = s.pages(Map.of("verb", verb, "limit", "3", "ascending", "true"));

        assertThat(descending).containsExactly(newestFirst(stored.get(4), stored.get(5), stored.get(6)),
                newestFirst(stored.get(1), stored.get(2), stored.get(3)), List.of(stored.get(0)));
        assertThat(ascending).containsExactly(stored.subList(0, 3), stored.subList(3, 6), stored.subList(6, 7));
        // A limit equal to the count: one page, no cursor.
        assertThat(s.pages(Map.of("verb", verb, "limit", "7"))).hasSize(1);
    }

    /** A statement stored while a client pages backwards in time does not shift the pages it has not read yet. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aStatementStoredBetweenPagesNeitherRepeatsNorSkipsOne(String kind) {
        Setup s = new Setup(kind);
        String verb = unique("verb");
        String json = statement(agent(uniqueName("learner")), verb, activity(unique("activity")));
        List<UUID> stored = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stored.add(s.post(json));
        }
        StatementService.Page first = s.page(admin(), Map.of("verb", verb, "limit", "2"), Optional.empty());

        s.post(json);
        StatementService.Page second = s.page(admin(), Map.of("verb", verb, "limit", "2"), first.next());

        assertThat(first.ids()).containsExactly(stored.get(3), stored.get(2));
        assertThat(second.ids()).containsExactly(stored.get(1), stored.get(0));
        assertThat(second.next()).isEmpty();
    }

    /**
     * Statements with the same stored time (a batch; or requests in the same millisecond) are ordered by id, the database's
     * order of UUIDs (unsigned, as their text sorts), and paging through them returns each once.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void statementsStoredAtTheSameTimeAreOrderedByIdAndPagedOnce(String kind) {
        Setup s = new Setup(kind);
        String verb = unique("verb");
        String json = statement(agent(uniqueName("learner")), verb, activity(unique("activity")));
        // Ids on both sides of the sign bit, which signed comparison (java.util.UUID) would order differently.
        List<UUID> ids = new ArrayList<>(List.of(UUID.fromString("00000000-0000-4000-8000-000000000001"),
                UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff"), UUID.fromString("80000000-0000-4000-8000-000000000000"),
                UUID.fromString("ffffffff-ffff-4fff-bfff-fffffffffffe")));
        for (int i = 0; i < 4; i++) {
            ids.add(UUID.randomUUID());
        }
        List<String> batch = ids.stream().map(id -> "{\"id\":\"" + id + "\"," + json.substring(1)).toList();
        s.clock.advance(Duration.ofSeconds(1));
        s.service.post(StoreFixture.received("[" + String.join(",", batch) + "]"), admin(), XapiVersion.V2_0_0);
        List<UUID> byText = ids.stream().sorted(Comparator.comparing(UUID::toString)).toList();
        List<UUID> byTextDescending = new ArrayList<>(byText);
        Collections.reverse(byTextDescending);

        assertThat(s.pages(Map.of("verb", verb, "limit", "3")).stream().flatMap(List::stream).toList()).containsExactlyElementsOf(byTextDescending);
        assertThat(s.pages(Map.of("verb", verb, "limit", "3", "ascending", "true")).stream().flatMap(List::stream).toList())
                .containsExactlyElementsOf(byText);
        assertThat(s.pages(Map.of("verb", verb, "limit", "1"))).hasSize(8);
        // since and until at exactly that time: excluded and included.
        assertThat(s.ids(Map.of("verb", verb, "since", s.at(1)))).isEmpty();
        assertThat(s.ids(Map.of("verb", verb, "until", s.at(1)))).containsExactlyElementsOf(byTextDescending);
    }

    /**
     * Every combination of agent, verb, activity and registration, with and without since/until and ascending, against an
     * in-memory model of which statements should match, in which order.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void everyCombinationOfFiltersReturnsExactlyTheMatchingStatementsInOrder(String kind) {
        Setup s = new Setup(kind);
        List<String> agents = List.of(uniqueName("p"), uniqueName("q"));
        List<String> verbs = List.of(unique("verb"), unique("verb"));
        List<String> activities = List.of(unique("activity"), unique("activity"));
        List<String> registrations = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        record Stored(UUID id, int second, int agent, int verb, int activity, int registration) {
        }
        List<Stored> stored = new ArrayList<>();
        Random random = new Random(kind.hashCode());
        for (int i = 0; i < 40; i++) {
            int agent = random.nextInt(2);
            int verb = random.nextInt(2);
            int activity = random.nextInt(2);
            int registration = random.nextInt(2);
            // Every second statement shares the previous one's stored time.
            if (i % 2 == 0) {
                s.clock.advance(Duration.ofSeconds(1));
            }
            UUID id = s.service.post(StoreFixture.received(statement(agent(agents.get(agent)), verbs.get(verb), activity(activities.get(activity)),
                    "{\"registration\":\"" + registrations.get(registration) + "\"}")), admin(), XapiVersion.V2_0_0).get(0);
            stored.add(new Stored(id, i / 2 + 1, agent, verb, activity, registration));
        }

        int queries = 0;
        for (int mask = 1; mask < 16; mask++) {
            for (int value = 0; value < 2; value++) {
                for (int window = 0; window < 3; window++) {
                    Map<String, String> parameters = new LinkedHashMap<>();
                    int v = value;
                    int m = mask;
                    if ((m & 1) != 0) {
                        parameters.put("agent", agent(agents.get(v)));
                    }
                    if ((m & 2) != 0) {
                        parameters.put("verb", verbs.get(v));
                    }
                    if ((m & 4) != 0) {
                        parameters.put("activity", activities.get(1 - v));
                    }
                    if ((m & 8) != 0) {
                        parameters.put("registration", registrations.get(v));
                    }
                    int since = window == 0 ? 0 : 4;
                    int until = window == 2 ? 15 : 100;
                    if (window > 0) {
                        parameters.put("since", s.at(since));
                        parameters.put("until", s.at(until));
                    }
                    boolean ascending = (mask + value + window) % 2 == 0;
                    parameters.put("ascending", Boolean.toString(ascending));
                    Comparator<Stored> order = Comparator.comparingInt(Stored::second).thenComparing(st -> st.id().toString());
                    List<UUID> expected = stored.stream()
                            .filter(st -> (m & 1) == 0 || st.agent() == v)
                            .filter(st -> (m & 2) == 0 || st.verb() == v)
                            .filter(st -> (m & 4) == 0 || st.activity() == 1 - v)
                            .filter(st -> (m & 8) == 0 || st.registration() == v)
                            .filter(st -> st.second() > since && st.second() <= until)
                            .sorted(ascending ? order : order.reversed())
                            .map(Stored::id).toList();

                    assertThat(s.pages(parameters).stream().flatMap(List::stream).toList()).as("%s", parameters).containsExactlyElementsOf(expected);
                    Map<String, String> paged = new LinkedHashMap<>(parameters);
                    paged.put("limit", "4");
                    assertThat(s.pages(paged).stream().flatMap(List::stream).toList()).as("%s", paged).containsExactlyElementsOf(expected);
                    queries++;
                }
            }
        }
        assertThat(queries).isEqualTo(90);
    }

    /** statements/read/mine: the store returns only statements whose authority is the caller's, with or without filters. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void readMineSeesOnlyTheStatementsItsCredentialStored(String kind) {
        Setup s = new Setup(kind);
        Principal mine = StoreFixture.principal(uniqueName("mine"), Scope.STATEMENTS_READ_MINE, Scope.STATEMENTS_WRITE);
        Principal theirs = StoreFixture.principal(uniqueName("theirs"), Scope.STATEMENTS_WRITE);
        String verb = unique("verb");
        String json = statement(agent(uniqueName("learner")), verb, activity(unique("activity")));
        UUID mine1 = s.post(mine, json);
        UUID theirs1 = s.post(theirs, json);
        UUID mine2 = s.post(mine, json);
        UUID theirs2 = s.post(theirs, json);
        Map<String, String> today = Map.of("since", s.at(0), "until", s.at(86_399));

        assertThat(s.ids(mine, Map.of("verb", verb))).containsExactly(mine2, mine1);
        assertThat(s.ids(mine, today)).containsExactly(mine2, mine1);
        assertThat(s.ids(mine, Map.of("verb", verb, "ascending", "true"))).containsExactly(mine1, mine2);
        assertThat(s.ids(admin(), Map.of("verb", verb))).containsExactly(theirs2, mine2, theirs1, mine1);
        assertThat(s.ids(admin(), today)).containsExactly(theirs2, mine2, theirs1, mine1);
        // A single statement by id: its own, not another credential's.
        assertThat(s.service.single(s.db.parser.parse(Map.of("statementId", List.of(mine1.toString())), XapiVersion.V2_0_0), mine).id())
                .isEqualTo(mine1);
        assertThatThrownBy(() -> s.service.single(s.db.parser.parse(Map.of("statementId", List.of(theirs1.toString())), XapiVersion.V2_0_0), mine))
                .isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aFilterNothingMatchesReturnsAnEmptyPage(String kind) {
        Setup s = new Setup(kind);
        s.post(statement(agent(uniqueName("learner")), COMPLETED, activity(unique("activity"))));

        StatementService.Page page = s.page(admin(), Map.of("activity", unique("nothing"), "verb", ATTEMPTED), Optional.empty());

        assertThat(page.ids()).isEmpty();
        assertThat(page.statements()).isEmpty();
        assertThat(page.next()).isEmpty();
    }
}
