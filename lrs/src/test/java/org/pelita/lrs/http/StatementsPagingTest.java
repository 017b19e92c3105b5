package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.json;
import static org.pelita.lrs.http.StatementFixtures.posted;
import static org.pelita.lrs.testing.XapiClient.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * Paging with "more" (xAPI 1.0.3 Data §2.5, Communication §2.1.3): a limited list carries a relative IRL (path and
 * query, no scheme, host or port) to the next page; following it yields every matching statement once, in order,
 * and the IRL works with the credentials of whoever follows it (it carries no rights of its own).
 */
class StatementsPagingTest {
    private static final String MINE = "paging-mine";
    private static final StatementServers SERVERS = new StatementServers(Map.of(),
            lrs -> lrs.credential(MINE, "statements/write statements/read/mine"));

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    /** A client on the server root, so that a "more" IRL (which starts with the path /xapi/...) is used as given. */
    private static XapiClient root(TestLrs lrs, String key) {
        String basic = Base64.getEncoder().encodeToString((key + ":" + key + "-secret").getBytes(StandardCharsets.UTF_8));
        return lrs.anonymous().with("Authorization", "Basic " + basic).with("X-Experience-API-Version", "2.0.0");
    }

    private static List<String> postMany(XapiClient client, StatementFixtures f, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            XapiClient.Response post = client.post("/statements", json(f.statement("learner", "did", "step-" + i)));
            assertThat(post.status()).isEqualTo(200);
            ids.add(posted(post).get(0));
        }
        return ids;
    }

    /** Follows "more" from the first page to the end, posting {@code between} statements after each page. */
    private static List<List<String>> pages(TestLrs lrs, String key, String firstPage, Runnable between) {
        List<List<String>> pages = new ArrayList<>();
        XapiClient client = root(lrs, key);
        String next = "/xapi/statements?" + firstPage;
        while (!next.isEmpty()) {
            XapiClient.Response page = client.get(next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            pages.add(StatementFixtures.ids(page));
            next = page.json().path("more").asText("");
            assertThat(pages).as("pages so far").hasSizeLessThan(20);
            between.run();
        }
        return pages;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void followingMoreYieldsEveryStatementOnceInOrder(String database) {
        TestLrs lrs = SERVERS.on(database);
        StatementFixtures f = new StatementFixtures();
        postMany(lrs.admin(), f, 7);
        String verb = query("verb", f.verb("did"));
        List<String> all = StatementFixtures.ids(lrs.admin().get("/statements?" + verb));

        List<List<String>> pages = pages(lrs, TestLrs.ADMIN, verb + "&limit=3", () -> { });

        assertThat(pages).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void theMoreIrlIsRelativeAndKeepsTheQuery(String database) {
        TestLrs lrs = SERVERS.on(database);
        StatementFixtures f = new StatementFixtures();
        postMany(lrs.admin(), f, 3);

        XapiClient.Response first = lrs.admin().get("/statements?" + query("verb", f.verb("did")) + "&limit=2&format=ids");

        String more = first.json().get("more").asText();
        assertThat(more).startsWith("/xapi/statements?").doesNotContain("127.0.0.1").doesNotContain("http");
        XapiClient.Response second = root(lrs, TestLrs.ADMIN).get(more);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("statements")).hasSize(1);
        assertThat(second.json().get("statements").get(0).get("verb").has("display")).isFalse();
        assertThat(second.json().path("more").asText("")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void statementsStoredBetweenPagesNeitherRepeatNorDisplaceOthers(String database) {
        // Newest first: statements stored meanwhile are newer than every page still to come, so the remaining pages
        // hold exactly the statements not yet seen (Data §2.5.s3.b4: the query is re-run from where the page ended).
        TestLrs lrs = SERVERS.on(database);
        StatementFixtures f = new StatementFixtures();
        postMany(lrs.admin(), f, 6);
        String verb = query("verb", f.verb("did"));
        List<String> before = StatementFixtures.ids(lrs.admin().get("/statements?" + verb));
        List<String> meanwhile = new ArrayList<>();

        List<List<String>> pages = pages(lrs, TestLrs.ADMIN, verb + "&limit=2", () -> meanwhile.addAll(postMany(lrs.admin(), f, 1)));

        assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(before);
        assertThat(meanwhile).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void inAscendingOrderStatementsStoredBetweenPagesComeAtTheEnd(String database) {
        TestLrs lrs = SERVERS.on(database);
        StatementFixtures f = new StatementFixtures();
        postMany(lrs.admin(), f, 4);
        String verb = query("verb", f.verb("did"));
        List<String> before = StatementFixtures.ids(lrs.admin().get("/statements?" + verb + "&ascending=true"));
        List<String> meanwhile = new ArrayList<>();

        List<List<String>> pages = pages(lrs, TestLrs.ADMIN, verb + "&limit=2&ascending=true", () -> {
            if (meanwhile.isEmpty()) {
                meanwhile.addAll(postMany(lrs.admin(), f, 1));
            }
        });

        List<String> expected = new ArrayList<>(before);
        expected.addAll(meanwhile);
        assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aMoreIrlCarriesNoRights(String database) {
        // The next page is read with the credentials of the request that follows the IRL: statements/read/mine sees
        // only what it stored, whoever was given the IRL first.
        TestLrs lrs = SERVERS.on(database);
        StatementFixtures f = new StatementFixtures();
        postMany(lrs.admin(), f, 3);
        List<String> own = postMany(lrs.client(MINE, "2.0.0"), f, 3);
        XapiClient.Response first = lrs.admin().get("/statements?" + query("verb", f.verb("did")) + "&limit=1");

        List<String> seen = new ArrayList<>();
        String next = first.json().get("more").asText();
        while (!next.isEmpty()) {
            XapiClient.Response page = root(lrs, MINE).get(next);
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(StatementFixtures.ids(page));
            next = page.json().path("more").asText("");
        }

        assertThat(own).containsAll(seen);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aTamperedOrMadeUpMoreTokenGets400(String database) {
        TestLrs lrs = SERVERS.on(database);
        StatementFixtures f = new StatementFixtures();
        postMany(lrs.admin(), f, 2);
        String more = lrs.admin().get("/statements?" + query("verb", f.verb("did")) + "&limit=1").json().get("more").asText();

        for (String bad : List.of(more.substring(0, more.length() - 6), "/xapi/statements?more=bm90LWEtdG9rZW4", "/xapi/statements?more=%25%25")) {
            XapiClient.Response get = root(lrs, TestLrs.ADMIN).get(bad);
            assertThat(get.status()).as(bad).isEqualTo(400);
            assertThat(get.json().get("message").asText()).contains("more");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void moreWithAnyOtherParameterGets400(String database) {
        TestLrs lrs = SERVERS.on(database);
        StatementFixtures f = new StatementFixtures();
        postMany(lrs.admin(), f, 2);
        String more = lrs.admin().get("/statements?" + query("verb", f.verb("did")) + "&limit=1").json().get("more").asText();

        XapiClient.Response get = root(lrs, TestLrs.ADMIN).get(more + "&limit=5");

        assertThat(get.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPageHoldsAtMostTheServersMaximumWhateverTheLimitAsked(String database) {
        // limit 0 means "the maximum the server will allow" (Communication §2.1.3); this LRS allows 500 (docs/lrs.md).
        TestLrs lrs = SERVERS.on(database);
        StatementFixtures f = new StatementFixtures();
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            batch.add(json(f.statement("learner-" + (i % 7), "did", "step-" + i)));
        }
        assertThat(lrs.admin().post("/statements", "[" + String.join(",", batch) + "]").status()).isEqualTo(200);
        String verb = query("verb", f.verb("did"));

        for (String limit : List.of("0", "1000")) {
            List<List<String>> pages = pages(lrs, TestLrs.ADMIN, verb + "&limit=" + limit, () -> { });
            assertThat(pages).extracting(List::size).as("limit=" + limit).containsExactly(500, 1);
            assertThat(pages.stream().flatMap(List::stream).distinct()).hasSize(501);
        }
        assertThat(StatementFixtures.ids(lrs.admin().get("/statements?" + verb))).as("default").hasSize(100);
    }
}
