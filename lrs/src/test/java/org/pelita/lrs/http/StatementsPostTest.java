package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.array;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;
import static org.pelita.lrs.http.StatementFixtures.posted;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;

/**
 * POST statements (xAPI 1.0.3 Communication §2.1.2): one statement or a list, answered with the ids in order; a list
 * is stored whole or not at all (a rejected request changes nothing, §2.1.2.s2.b4), duplicate ids in one list are a
 * 400 (§2.1.2.s2.b6) and an id already stored with other content a 409 (§2.1.2.s2.b5).
 */
class StatementsPostTest {
    private static final StatementServers SERVERS = new StatementServers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    private static String byVerb(StatementFixtures f, String verb) {
        return "/statements?" + XapiClient.query("verb", f.verb(verb));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void postOfOneStatementGets200WithItsIdInAnArray(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();

        XapiClient.Response post = admin(database).post("/statements", json(f.statementWithId(id)));

        assertThat(post.status()).isEqualTo(200);
        assertThat(post.header("Content-Type")).startsWith("application/json");
        assertThat(posted(post)).containsExactly(id.toString());
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void postOfAListGets200WithTheIdsInTheOrderSent(String database) {
        StatementFixtures f = new StatementFixtures();
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        ObjectNode first = f.statement("a", "did", "one").put("id", ids.get(0).toString());
        ObjectNode second = f.statement("b", "did", "two").put("id", ids.get(1).toString());
        ObjectNode third = f.statement("c", "did", "three").put("id", ids.get(2).toString());

        XapiClient.Response post = admin(database).post("/statements", array(first, second, third));

        assertThat(post.status()).isEqualTo(200);
        assertThat(posted(post)).containsExactly(ids.get(0).toString(), ids.get(1).toString(), ids.get(2).toString());
        for (int i = 0; i < ids.size(); i++) {
            XapiClient.Response get = admin(database).get(byId(ids.get(i)));
            assertThat(get.json().get("object").get("id").asText()).isEqualTo(f.activity(List.of("one", "two", "three").get(i)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void statementsWithoutIdsGetFreshIdsInTheirPlaceInTheAnswer(String database) {
        // Data §2.4.1.s2.b1: the LRS generates the id of a statement received without one.
        StatementFixtures f = new StatementFixtures();
        UUID given = UUID.randomUUID();

        XapiClient.Response post = admin(database).post("/statements",
                array(f.statement("a", "did", "one"), f.statement("b", "did", "two").put("id", given.toString()), f.statement("c", "did", "three")));

        assertThat(post.status()).isEqualTo(200);
        List<String> ids = posted(post);
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids.get(1)).isEqualTo(given.toString());
        assertThat(ids.get(0)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        XapiClient.Response first = admin(database).get(byId(ids.get(0)));
        assertThat(first.json().get("id").asText()).isEqualTo(ids.get(0));
        assertThat(first.json().get("object").get("id").asText()).isEqualTo(f.activity("one"));
        assertThat(admin(database).get(byId(ids.get(2))).json().get("object").get("id").asText()).isEqualTo(f.activity("three"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aListWithOneInvalidStatementGets400NamingItAndStoresNone(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID valid = UUID.randomUUID();
        UUID alsoValid = UUID.randomUUID();
        ObjectNode invalid = f.statement("b", "did", "two");
        ((ObjectNode) invalid.get("actor")).put("mbox", "learner@example.org"); // not a mailto IRI

        XapiClient.Response post = admin(database).post("/statements",
                array(f.statement("a", "did", "one").put("id", valid.toString()), invalid, f.statement("c", "did", "three").put("id", alsoValid.toString())));

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.json().get("message").asText()).contains("$[1].actor.mbox");
        assertThat(admin(database).get(byId(valid)).status()).isEqualTo(404);
        assertThat(admin(database).get(byId(alsoValid)).status()).isEqualTo(404);
        assertThat(StatementFixtures.ids(admin(database).get(byVerb(f, "did")))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aListWithTwoStatementsOfTheSameIdGets400AndStoresNone(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        XapiClient.Response post = admin(database).post("/statements", array(f.statement("a", "did", "one").put("id", other.toString()),
                f.statement("b", "did", "two").put("id", id.toString()), f.statement("b", "did", "two").put("id", id.toString())));

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.json().get("message").asText()).contains(id.toString());
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(404);
        assertThat(admin(database).get(byId(other)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aListWithAnIdStoredWithOtherContentGets409AndStoresNothingOfTheList(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID existing = UUID.randomUUID();
        assertThat(admin(database).post("/statements", json(f.statement("a", "did", "one").put("id", existing.toString()))).status())
                .isEqualTo(200);
        UUID fresh = UUID.randomUUID();

        XapiClient.Response post = admin(database).post("/statements", array(f.statement("b", "tried", "two").put("id", fresh.toString()),
                f.statement("a", "tried", "changed").put("id", existing.toString())));

        assertThat(post.status()).isEqualTo(409);
        assertThat(post.json().get("message").asText()).contains(existing.toString());
        assertThat(admin(database).get(byId(fresh)).status()).isEqualTo(404);
        assertThat(admin(database).get(byId(existing)).json().get("object").get("id").asText()).isEqualTo(f.activity("one"));
        assertThat(StatementFixtures.ids(admin(database).get(byVerb(f, "tried")))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aListRepeatingAStoredStatementExactlyIsStoredAndTheRepeatIgnored(String database) {
        // Statements are immutable, not unrepeatable: the same statement again is no conflict (§2.1.2.s2.b4).
        StatementFixtures f = new StatementFixtures();
        UUID existing = UUID.randomUUID();
        assertThat(admin(database).post("/statements", json(f.statement("a", "did", "one").put("id", existing.toString()))).status())
                .isEqualTo(200);
        String stored = admin(database).get(byId(existing)).json().get("stored").asText();
        UUID fresh = UUID.randomUUID();

        XapiClient.Response post = admin(database).post("/statements",
                array(f.statement("a", "did", "one").put("id", existing.toString()), f.statement("b", "did", "two").put("id", fresh.toString())));

        assertThat(post.status()).isEqualTo(200);
        assertThat(posted(post)).containsExactly(existing.toString(), fresh.toString());
        assertThat(admin(database).get(byId(fresh)).status()).isEqualTo(200);
        assertThat(admin(database).get(byId(existing)).json().get("stored").asText()).isEqualTo(stored);
        assertThat(StatementFixtures.ids(admin(database).get(byVerb(f, "did")))).containsExactly(fresh.toString(), existing.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anEmptyListGets400(String database) {
        XapiClient.Response post = admin(database).post("/statements", "[]");

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.json().get("message").asText()).contains("empty");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aBodyThatIsNeitherAStatementNorAListGets400(String database) {
        XapiClient.Response post = admin(database).post("/statements", "\"a statement\"");

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.json().get("message").asText()).contains("$");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void postWithAnyParameterGets400AndStoresNothing(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();

        XapiClient.Response post = admin(database).post(byId(id), json(f.statementWithId(id)));

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.json().get("message").asText()).contains("statementId");
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(404);
    }
}
