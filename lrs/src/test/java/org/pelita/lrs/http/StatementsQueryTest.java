package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;
import static org.pelita.lrs.http.StatementFixtures.posted;
import static org.pelita.lrs.testing.XapiClient.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.Json;

/**
 * GET statements with filters (xAPI 1.0.3 Communication §2.1.3; 2.0.0 adds context agents and groups to
 * related_agents): each filter alone, the related_ forms, time and order parameters, combinations, and the rule that
 * a statement targeting another by StatementRef meets the target's filters (§2.1.3.s3, "Filter Conditions for
 * StatementRefs").
 */
class StatementsQueryTest {
    private static final String WRITER = "query-writer";
    private static final StatementServers SERVERS = new StatementServers(Map.of(),
            lrs -> lrs.credential(WRITER, "statements/write statements/read"));

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    private static String post(XapiClient client, ObjectNode statement) {
        XapiClient.Response post = client.post("/statements", json(statement));
        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        return posted(post).get(0);
    }

    private static List<String> find(XapiClient client, String... parameters) {
        XapiClient.Response get = client.get("/statements?" + String.join("&", parameters));
        assertThat(get.status()).as(get.toString()).isEqualTo(200);
        return StatementFixtures.ids(get);
    }

    private static String agent(StatementFixtures f, String name) {
        return f.agentParameter(name);
    }

    private static ObjectNode group(StatementFixtures f, String... members) {
        ObjectNode group = Json.MAPPER.createObjectNode().put("objectType", "Group");
        ArrayNode list = group.putArray("member");
        for (String member : members) {
            list.add(f.agent(member));
        }
        return group;
    }

    private static ObjectNode subStatement(ObjectNode statement) {
        ObjectNode sub = statement.deepCopy();
        sub.put("objectType", "SubStatement");
        return sub;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void noMatchGets200WithAnEmptyListAndNoMore(String database) {
        XapiClient.Response get = admin(database).get("/statements?" + query("verb", new StatementFixtures().verb("never")));

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().get("statements").isArray()).isTrue();
        assertThat(get.json().get("statements")).isEmpty();
        assertThat(get.json().path("more").asText("")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void agentMatchesTheActorTheObjectAndGroupsItIsAMemberOf(String database) {
        // Communication §2.1.3 "agent": the Agent or Group is the Actor or Object; Groups with a matching member match.
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        String asActor = post(admin, f.statement("x", "did", "one"));
        ObjectNode objectAgent = f.statement("y", "met", "one");
        objectAgent.set("object", f.agent("x"));
        String asObject = post(admin, objectAgent);
        ObjectNode groupActor = f.statement("y", "did", "two");
        groupActor.set("actor", group(f, "y", "x"));
        String asMember = post(admin, groupActor);
        ObjectNode asInstructor = f.statement("y", "did", "three");
        asInstructor.putObject("context").set("instructor", f.agent("x"));
        post(admin, asInstructor);
        post(admin, f.statement("y", "did", "one"));

        assertThat(find(admin, agent(f, "x"))).containsExactlyInAnyOrder(asActor, asObject, asMember);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void relatedAgentsAlsoMatchesContextAgentsSubStatementsAndTheAuthority(String database) {
        // Communication §2.1.3 "related_agents": Actor, Object, Authority, Instructor, Team, or any of these in a
        // SubStatement; 2.0.0 adds contextAgents and contextGroups.
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("actor", post(admin, f.statement("x", "did", "one")));
        ObjectNode instructor = f.statement("y", "did", "one");
        instructor.putObject("context").set("instructor", f.agent("x"));
        ids.put("instructor", post(admin, instructor));
        ObjectNode team = f.statement("y", "did", "one");
        team.putObject("context").set("team", group(f, "x", "z"));
        ids.put("team", post(admin, team));
        ObjectNode subActor = f.statement("y", "planned", "one");
        subActor.set("object", subStatement(f.statement("x", "did", "two")));
        ids.put("sub-statement actor", post(admin, subActor));
        ObjectNode subObject = f.statement("y", "planned", "one");
        ObjectNode sub = subStatement(f.statement("z", "met", "two"));
        sub.set("object", f.agent("x"));
        subObject.set("object", sub);
        ids.put("sub-statement object", post(admin, subObject));
        ObjectNode contextAgent = f.statement("y", "did", "one");
        contextAgent.putObject("context").putArray("contextAgents").addObject().put("objectType", "contextAgent").set("agent", f.agent("x"));
        ids.put("contextAgents", post(admin, contextAgent));
        ObjectNode contextGroup = f.statement("y", "did", "one");
        contextGroup.putObject("context").putArray("contextGroups").addObject().put("objectType", "contextGroup").set("group", group(f, "x"));
        ids.put("contextGroups", post(admin, contextGroup));
        post(admin, f.statement("y", "did", "one"));

        assertThat(find(admin, agent(f, "x"))).containsExactly(ids.get("actor"));
        assertThat(find(admin, agent(f, "x"), "related_agents=true")).containsExactlyInAnyOrderElementsOf(ids.values());

        XapiClient writer = SERVERS.on(database).client(WRITER, "2.0.0");
        String byWriter = post(writer, f.statement("y", "wrote", "one"));
        String authority = "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"urn:pelita:lrs\",\"name\":\"" + WRITER + "\"}}";
        List<String> byAuthority = find(admin, query("agent", authority), "related_agents=true", query("verb", f.verb("wrote")));
        assertThat(byAuthority).containsExactly(byWriter);
        assertThat(find(admin, query("agent", authority), query("verb", f.verb("wrote")))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anIdentifiedGroupAsAgentMatchesStatementsOfThatGroup(String database) {
        StatementFixtures f = new StatementFixtures();
        ObjectNode team = f.agent("team").put("objectType", "Group");
        team.putArray("member").add(f.agent("x"));
        ObjectNode byTeam = f.statement();
        byTeam.set("actor", team);
        String id = post(admin(database), byTeam);
        post(admin(database), f.statement("x", "attempted", "course"));

        String group = "{\"objectType\":\"Group\",\"mbox\":\"" + f.mbox("team") + "\"}";
        assertThat(find(admin(database), query("agent", group))).containsExactly(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void agentIsMatchedByItsIdentifierNotItsName(String database) {
        StatementFixtures f = new StatementFixtures();
        ObjectNode named = f.statement();
        ((ObjectNode) named.get("actor")).put("name", "Learner One");
        String id = post(admin(database), named);

        String other = "{\"objectType\":\"Agent\",\"name\":\"Someone Else\",\"mbox\":\"" + f.mbox("learner") + "\"}";
        assertThat(find(admin(database), query("agent", other))).containsExactly(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void verbMatchesOnlyStatementsWithThatVerb(String database) {
        StatementFixtures f = new StatementFixtures();
        String attempted = post(admin(database), f.statement("a", "attempted", "one"));
        post(admin(database), f.statement("a", "completed", "one"));
        // A SubStatement's verb is not the statement's verb.
        ObjectNode planned = f.statement("a", "planned", "one");
        planned.set("object", subStatement(f.statement("a", "attempted", "two")));
        post(admin(database), planned);

        assertThat(find(admin(database), query("verb", f.verb("attempted")))).containsExactly(attempted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void activityMatchesTheObjectAndRelatedActivitiesAlsoContextAndSubStatements(String database) {
        // Communication §2.1.3 "related_activities": the Object, any context Activity, or those in a SubStatement.
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        String asObject = post(admin, f.statement("a", "did", "target"));
        List<String> related = new ArrayList<>();
        for (String kind : List.of("parent", "grouping", "category", "other")) {
            ObjectNode statement = f.statement("a", "did", "elsewhere");
            statement.putObject("context").putObject("contextActivities").putArray(kind).addObject().put("id", f.activity("target"));
            related.add(post(admin, statement));
        }
        ObjectNode subObject = f.statement("a", "planned", "elsewhere");
        subObject.set("object", subStatement(f.statement("a", "did", "target")));
        related.add(post(admin, subObject));
        ObjectNode subContext = f.statement("a", "planned", "elsewhere");
        ObjectNode sub = subStatement(f.statement("a", "did", "elsewhere"));
        sub.putObject("context").putObject("contextActivities").putArray("parent").addObject().put("id", f.activity("target"));
        subContext.set("object", sub);
        related.add(post(admin, subContext));
        post(admin, f.statement("a", "did", "elsewhere"));

        assertThat(find(admin, query("activity", f.activity("target")))).containsExactly(asObject);
        related.add(asObject);
        assertThat(find(admin, query("activity", f.activity("target")), "related_activities=true"))
                .containsExactlyInAnyOrderElementsOf(related);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void registrationMatchesTheContextRegistration(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID registration = UUID.randomUUID();
        ObjectNode registered = f.statement();
        registered.putObject("context").put("registration", registration.toString());
        String id = post(admin(database), registered);
        ObjectNode other = f.statement();
        other.putObject("context").put("registration", UUID.randomUUID().toString());
        post(admin(database), other);
        post(admin(database), f.statement());

        assertThat(find(admin(database), "registration=" + registration)).containsExactly(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void filtersCombineWithAnd(String database) {
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        UUID registration = UUID.randomUUID();
        ObjectNode match = f.statement("x", "did", "one");
        match.putObject("context").put("registration", registration.toString());
        String matching = post(admin, match);
        ObjectNode otherVerb = f.statement("x", "tried", "one");
        otherVerb.putObject("context").put("registration", registration.toString());
        post(admin, otherVerb);
        ObjectNode otherAgent = f.statement("y", "did", "one");
        otherAgent.putObject("context").put("registration", registration.toString());
        post(admin, otherAgent);
        ObjectNode otherActivity = f.statement("x", "did", "two");
        otherActivity.putObject("context").put("registration", registration.toString());
        post(admin, otherActivity);
        post(admin, f.statement("x", "did", "one"));

        assertThat(find(admin, agent(f, "x"), query("verb", f.verb("did")), query("activity", f.activity("one")),
                "registration=" + registration)).containsExactly(matching);
        assertThat(find(admin, agent(f, "x"), query("verb", f.verb("did")))).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void sinceIsExclusiveAndUntilInclusiveOnTheStoredTime(String database) {
        // Communication §2.1.3: since "(exclusive)", until "at or before". The expectation is computed from the stored
        // times the LRS gave, so statements stored in the same millisecond do not make the test flaky.
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        Map<String, OffsetDateTime> stored = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            String id = post(admin, f.statement("a", "did", "step-" + i));
            stored.put(id, OffsetDateTime.parse(admin.get(byId(id)).json().get("stored").asText()));
        }
        List<OffsetDateTime> times = new ArrayList<>(stored.values());
        String verb = query("verb", f.verb("did"));

        for (OffsetDateTime time : times) {
            List<String> after = stored.entrySet().stream().filter(e -> e.getValue().isAfter(time)).map(Map.Entry::getKey).toList();
            List<String> atOrBefore = stored.entrySet().stream().filter(e -> !e.getValue().isAfter(time)).map(Map.Entry::getKey).toList();
            assertThat(find(admin, verb, query("since", time.toString()))).containsExactlyInAnyOrderElementsOf(after);
            assertThat(find(admin, verb, query("until", time.toString()))).containsExactlyInAnyOrderElementsOf(atOrBefore);
        }
        OffsetDateTime first = times.get(0);
        OffsetDateTime last = times.get(times.size() - 1);
        assertThat(find(admin, verb, query("since", first.minusNanos(1_000_000).toString()), query("until", last.toString())))
                .containsExactlyInAnyOrderElementsOf(stored.keySet());
        // Another time zone names the same instant.
        assertThat(find(admin, verb, query("since", first.minusNanos(1_000_000).withOffsetSameInstant(ZoneOffset.ofHours(-5)).toString())))
                .containsExactlyInAnyOrderElementsOf(stored.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void sinceAndUntilTakeTimestampsInEveryFormStatementsMayUse(String database) {
        // The parameters are Timestamps (Communication §2.1.3), the type of Data §4.5: ISO 8601, extended or basic
        // (XAPI-00123), the time zone recommended but not required, any precision of at least milliseconds.
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        String id = post(admin, f.statement());
        String verb = query("verb", f.verb("attempted"));

        for (String past : List.of("2020-05-04T17:00:00Z", "20200504T170000Z", "2020-05-04T17:00:00.123456Z", "2020-05-04T19:00:00+0200",
                "2020-05-04T17:00:00")) {
            assertThat(find(admin, verb, query("since", past))).as(past).containsExactly(id);
            assertThat(find(admin, verb, query("until", past))).as(past).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void resultsComeNewestFirstUnlessAscending(String database) {
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(post(admin, f.statement("a", "did", "step-" + i)));
        }
        String verb = query("verb", f.verb("did"));

        XapiClient.Response descending = admin.get("/statements?" + verb);
        XapiClient.Response ascending = admin.get("/statements?" + verb + "&ascending=true");

        List<String> newestFirst = StatementFixtures.ids(descending);
        assertThat(newestFirst).containsExactlyInAnyOrderElementsOf(posted);
        assertThat(storedTimes(descending)).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(storedTimes(ascending)).isSorted();
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        assertThat(StatementFixtures.ids(ascending)).containsExactlyElementsOf(oldestFirst);
        assertThat(StatementFixtures.ids(admin.get("/statements?" + verb + "&ascending=false"))).containsExactlyElementsOf(newestFirst);
    }

    private static List<OffsetDateTime> storedTimes(XapiClient.Response result) {
        List<OffsetDateTime> times = new ArrayList<>();
        result.json().get("statements").forEach(s -> times.add(OffsetDateTime.parse(s.get("stored").asText())));
        return times;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void limitCutsTheListAndZeroMeansTheServersMaximum(String database) {
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        for (int i = 0; i < 3; i++) {
            post(admin, f.statement("a", "did", "step-" + i));
        }
        String verb = query("verb", f.verb("did"));
        List<String> all = find(admin, verb);

        XapiClient.Response two = admin.get("/statements?" + verb + "&limit=2");

        assertThat(StatementFixtures.ids(two)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(two.json().get("more").asText()).isNotEmpty();
        assertThat(find(admin, verb, "limit=0")).containsExactlyElementsOf(all);
        assertThat(admin.get("/statements?" + verb + "&limit=3").json().path("more").asText("")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aStatementTargetingAnotherMeetsTheTargetsFilters(String database) {
        // Communication §2.1.3.s3: a statement whose object is a StatementRef meets a (non-time) filter its target
        // meets; since, until and limit still apply to the targeting statement itself.
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        UUID registration = UUID.randomUUID();
        ObjectNode original = f.statement("ben", "passed", "explosives");
        original.putObject("context").put("registration", registration.toString());
        String target = post(admin, original);
        String confirmation = post(admin, f.referring(UUID.fromString(target), "confirmed"));
        post(admin, f.statement("someone", "passed", "other"));

        assertThat(find(admin, agent(f, "ben"))).containsExactlyInAnyOrder(target, confirmation);
        assertThat(find(admin, query("activity", f.activity("explosives")))).containsExactlyInAnyOrder(target, confirmation);
        assertThat(find(admin, query("verb", f.verb("passed")), query("activity", f.activity("explosives"))))
                .containsExactlyInAnyOrder(target, confirmation);
        assertThat(find(admin, "registration=" + registration)).containsExactlyInAnyOrder(target, confirmation);
        assertThat(find(admin, query("verb", f.verb("confirmed")))).containsExactly(confirmation);
        // The time filters are applied to the targeting statement itself.
        String storedOfConfirmation = admin.get(byId(confirmation)).json().get("stored").asText();
        assertThat(find(admin, agent(f, "ben"), query("since", storedOfConfirmation))).isEmpty();
        assertThat(find(admin, agent(f, "ben"), query("until", storedOfConfirmation))).contains(confirmation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aChainOfStatementRefsMeetsTheFiltersOfItsLastStatement(String database) {
        // §2.1.3.s3: "This rule applies recursively": a targets b, b targets c, a meets c's filters.
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        String target = post(admin, f.statement("ben", "passed", "explosives"));
        String confirmation = post(admin, f.referring(UUID.fromString(target), "confirmed"));
        String endorsement = post(admin, f.referring(UUID.fromString(confirmation), "endorsed"));

        assertThat(find(admin, agent(f, "ben"))).containsExactlyInAnyOrder(target, confirmation, endorsement);
        assertThat(find(admin, query("activity", f.activity("explosives")))).containsExactlyInAnyOrder(target, confirmation, endorsement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aStatementTargetingOneStoredLaterAlsoMeetsItsFilters(String database) {
        // A StatementRef may name a statement the LRS does not have yet; once it arrives the rule holds as well.
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        UUID later = UUID.randomUUID();
        String early = post(admin, f.referring(later, "confirmed"));
        assertThat(find(admin, agent(f, "ben"))).isEmpty();

        post(admin, f.statement("ben", "passed", "explosives").put("id", later.toString()));

        assertThat(find(admin, agent(f, "ben"))).containsExactlyInAnyOrder(later.toString(), early);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aStatementRefInContextDoesNotCarryFilters(String database) {
        // Communication §2.1.3.s3 note: StatementRefs used as context.statement do not affect filtering.
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        String target = post(admin, f.statement("ben", "passed", "explosives"));
        ObjectNode withContext = f.statement("amy", "did", "other");
        withContext.putObject("context").putObject("statement").put("objectType", "StatementRef").put("id", target);
        post(admin, withContext);

        assertThat(find(admin, agent(f, "ben"))).containsExactly(target);
    }
}
