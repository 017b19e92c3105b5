package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;
import static org.pelita.lrs.http.StatementFixtures.posted;
import static org.pelita.lrs.testing.XapiClient.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.Json;

/**
 * The format parameter of GET statements (xAPI 1.0.3 Communication §2.1.3 and §2.1.3.s4): exact returns statements as
 * received, ids only what identifies agents, groups, activities and verbs, canonical the LRS's canonical activity
 * definitions with every language map cut to the one language Accept-Language prefers.
 */
class StatementsFormatTest {
    private static final StatementServers SERVERS = new StatementServers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    /**
     * The fixture http/statements/multilingual.json: names, displays and definitions in up to three languages, an
     * instructor and a parent activity; the course's English name replaced by {@code courseName}.
     */
    private static ObjectNode rich(StatementFixtures f, String courseName) {
        ObjectNode statement = f.file("multilingual.json");
        ((ObjectNode) statement.at("/object/definition/name")).put("en-US", courseName);
        return statement;
    }

    private static String post(XapiClient client, ObjectNode statement) {
        XapiClient.Response post = client.post("/statements", json(statement));
        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        return posted(post).get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void exactIsTheDefaultAndReturnsWhatWasReceived(String database) {
        StatementFixtures f = new StatementFixtures();
        ObjectNode statement = rich(f, "Course");
        String id = post(admin(database), statement);

        JsonNode byDefault = admin(database).get(byId(id)).json();
        JsonNode exact = admin(database).get(byId(id) + "&format=exact").json();

        assertThat(exact).isEqualTo(byDefault);
        JsonNode sent = Json.parse(json(statement), "sent");
        for (String property : new String[] {"actor", "verb", "object", "context"}) {
            assertThat(exact.get(property)).as(property).isEqualTo(sent.get(property));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void idsKeepsOnlyWhatIdentifiesAgentsActivitiesAndVerbs(String database) {
        StatementFixtures f = new StatementFixtures();
        String id = post(admin(database), rich(f, "Course"));

        JsonNode ids = admin(database).get(byId(id) + "&format=ids").json();

        assertThat(ids.get("id").asText()).isEqualTo(id);
        assertThat(ids.get("actor")).isEqualTo(Json.parse("{\"objectType\":\"Agent\",\"mbox\":\"" + f.mbox("learner") + "\"}", "actor"));
        assertThat(ids.get("verb")).isEqualTo(Json.parse("{\"id\":\"" + f.verb("attempted") + "\"}", "verb"));
        assertThat(ids.get("object").get("id").asText()).isEqualTo(f.activity("course"));
        assertThat(ids.get("object").has("definition")).isFalse();
        assertThat(ids.get("context").get("instructor").has("name")).isFalse();
        assertThat(ids.get("context").get("instructor").get("mbox").asText()).isEqualTo(f.mbox("teacher"));
        JsonNode parent = ids.get("context").get("contextActivities").get("parent").get(0);
        assertThat(parent.get("id").asText()).isEqualTo(f.activity("programme"));
        assertThat(parent.has("definition")).isFalse();
        assertThat(ids.get("authority").has("name")).isFalse();
        assertThat(ids.get("authority").get("account").get("name").asText()).isEqualTo("test-admin");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void idsKeepsTheMembersOfAnAnonymousGroupByTheirIdentifiers(String database) {
        // Communication §2.1.3 "format": for Anonymous Groups, the minimum information to identify each member.
        StatementFixtures f = new StatementFixtures();
        ObjectNode statement = f.statement();
        ObjectNode group = Json.MAPPER.createObjectNode().put("objectType", "Group").put("name", "Pair");
        group.putArray("member").add(f.agent("a").put("name", "A")).add(f.agent("b").put("name", "B"));
        statement.set("actor", group);
        String id = post(admin(database), statement);

        JsonNode actor = admin(database).get(byId(id) + "&format=ids").json().get("actor");

        assertThat(actor.has("name")).isFalse();
        assertThat(actor.get("member")).hasSize(2);
        assertThat(actor.get("member").get(0)).isEqualTo(Json.parse("{\"objectType\":\"Agent\",\"mbox\":\"" + f.mbox("a") + "\"}", "a"));
        assertThat(actor.get("member").get(1).has("name")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void canonicalCutsEveryLanguageMapToTheLanguageAcceptLanguagePrefers(String database) {
        // §2.1.3.s4.b1, b5: one language per map, chosen by Accept-Language for each map separately.
        StatementFixtures f = new StatementFixtures();
        String id = post(admin(database), rich(f, "Course"));

        JsonNode french = admin(database).with("Accept-Language", "fr-FR, en;q=0.5").get(byId(id) + "&format=canonical").json();

        assertThat(french.get("verb").get("display")).isEqualTo(Json.parse("{\"fr-FR\":\"a essayé\"}", "display"));
        JsonNode definition = french.get("object").get("definition");
        assertThat(definition.get("name")).isEqualTo(Json.parse("{\"fr-FR\":\"Cours\"}", "name"));
        assertThat(definition.get("description")).isEqualTo(Json.parse("{\"fr-FR\":\"Un cours\"}", "description"));
        assertThat(definition.get("type").asText()).isEqualTo("http://adlnet.gov/expapi/activities/course");
        assertThat(french.get("context").get("contextActivities").get("parent").get(0).get("definition").get("name"))
                .isEqualTo(Json.parse("{\"fr-FR\":\"Programme\"}", "name"));
        // Agents come back as in exact.
        assertThat(french.get("actor").get("name").asText()).isEqualTo("Ada");

        JsonNode german = admin(database).with("Accept-Language", "de-CH;q=0.9, de;q=0.8, en-US;q=0.7").get(byId(id) + "&format=canonical").json();
        assertThat(german.get("object").get("definition").get("name")).isEqualTo(Json.parse("{\"de\":\"Kurs\"}", "name"));
        // No German description: the next language in order of preference.
        assertThat(german.get("object").get("definition").get("description")).isEqualTo(Json.parse("{\"en-US\":\"A course\"}", "d"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void canonicalReturnsTheLatestDefinitionTheLrsKnowsWhileExactKeepsTheOriginal(String database) {
        // Communication §2.1.3 "format": canonical returns activities with the canonical definition as determined by
        // the LRS; this LRS keeps the latest it received, merging language maps.
        StatementFixtures f = new StatementFixtures();
        String first = post(admin(database), rich(f, "Old name"));
        post(admin(database), rich(f, "New name"));

        JsonNode canonical = admin(database).with("Accept-Language", "en-US").get(byId(first) + "&format=canonical").json();
        JsonNode exact = admin(database).get(byId(first)).json();

        assertThat(canonical.get("object").get("definition").get("name")).isEqualTo(Json.parse("{\"en-US\":\"New name\"}", "name"));
        assertThat(exact.get("object").get("definition").get("name").get("en-US").asText()).isEqualTo("Old name");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void formatsApplyToEveryStatementOfAList(String database) {
        StatementFixtures f = new StatementFixtures();
        post(admin(database), rich(f, "Course"));
        post(admin(database), rich(f, "Course"));

        XapiClient.Response list = admin(database).get("/statements?" + query("verb", f.verb("attempted")) + "&format=ids");

        assertThat(list.json().get("statements")).hasSize(2);
        list.json().get("statements").forEach(s -> {
            assertThat(s.get("verb").has("display")).isFalse();
            assertThat(s.get("actor").has("name")).isFalse();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anUnknownFormatGets400(String database) {
        XapiClient.Response get = admin(database).get("/statements?format=full");

        assertThat(get.status()).isEqualTo(400);
        assertThat(get.json().get("message").asText()).contains("format");
    }
}
