package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.ExportsFixture.READER;
import static org.pelita.lrs.http.ExportsFixture.RESEARCHER;
import static org.pelita.lrs.http.ExportsFixture.STATE_ONLY;
import static org.pelita.lrs.http.ExportsFixture.post;
import static org.pelita.lrs.testing.XapiClient.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.Json;

/**
 * {@code GET /api/exports/statements.ndjson} (docs/research-data.md): one statement per line as GET /xapi/statements
 * returns it, agents as stable pseudonyms unless the credential has scope all, voided and voiding statements left out,
 * the filters, and the refusals (401, 403, 400).
 */
class ExportsNdjsonTest {
    private static final String PATH = "/exports/statements.ndjson";
    private static final StatementServers SERVERS = new StatementServers(Map.of(), ExportsFixture::credentials);

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient.Response export(TestLrs lrs, String key, String parameters) {
        return lrs.research(key).get(PATH + (parameters.isEmpty() ? "" : "?" + parameters));
    }

    private static List<String> lines(XapiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String text = response.text();
        assertThat(text).satisfiesAnyOf(t -> assertThat(t).isEmpty(), t -> assertThat(t).endsWith("\n"));
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }

    private static List<String> ids(List<String> lines) {
        return lines.stream().map(l -> Json.parse(l, "line").get("id").asText()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void eachLiveStatementIsOneLineInStoredOrderWithItsAgentsPseudonymised(String database) {
        TestLrs lrs = SERVERS.on(database);
        ExportsFixture f = new ExportsFixture();
        List<String> ids = post(lrs, f.experienced("ana"), f.answered("ana", "b"), f.answered("bob", "c"), f.passedModule("ana"));
        post(lrs, f.voiding(ids.get(2)));

        XapiClient.Response response = export(lrs, RESEARCHER, f.moduleFilter());
        List<String> lines = lines(response);

        assertThat(response.header("Content-Type")).isEqualTo("application/x-ndjson");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"statements-" + LocalDate.now(ZoneOffset.UTC) + ".ndjson\"");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        // The voided answer is left out, and so is the statement that voided it.
        assertThat(ids(lines)).containsExactly(ids.get(0), ids.get(1), ids.get(3));
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode exported = (ObjectNode) Json.parse(lines.get(i), "line");
            ObjectNode original = (ObjectNode) Json.parse(ExportsFixture.stored(lrs, ids(lines).get(i)), "statement");
            JsonNode actor = exported.remove("actor");
            original.remove("actor");
            assertThat(exported).isEqualTo(original); // everything else as stored, authority included
            assertThat(actor.get("objectType").asText()).isEqualTo("Agent");
            assertThat(actor.get("account").get("homePage").asText()).isEqualTo("urn:pelita:pseudonym");
            assertThat(actor.get("account").get("name").asText()).matches("[a-z2-7]{20}");
            assertThat(actor.size()).isEqualTo(2);
        }
        assertThat(response.text()).doesNotContain("ana@", "bob@", "Learner ana");
        assertThat(lines.stream().map(ExportsNdjsonTest::pseudonym).distinct()).hasSize(1); // all three are ana's
    }

    private static String pseudonym(String line) {
        return Json.parse(line, "line").at("/actor/account/name").asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void pseudonymsAreTheSameInEveryExportAndForEveryCredentialAndDifferPerLearner(String database) {
        TestLrs lrs = SERVERS.on(database);
        ExportsFixture f = new ExportsFixture();
        post(lrs, f.experienced("ana"), f.experienced("bob"));

        List<String> first = lines(export(lrs, RESEARCHER, f.moduleFilter())).stream().map(ExportsNdjsonTest::pseudonym).toList();
        List<String> again = lines(export(lrs, RESEARCHER, f.moduleFilter())).stream().map(ExportsNdjsonTest::pseudonym).toList();
        List<String> reader = lines(export(lrs, READER, f.moduleFilter())).stream().map(ExportsNdjsonTest::pseudonym).toList();

        assertThat(first).hasSize(2).doesNotHaveDuplicates();
        assertThat(again).isEqualTo(first);
        assertThat(reader).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void pseudonymsAreTheSameOnAnotherLrsOnTheSameDatabase(String database) {
        // PostgreSQL: two LRS processes at once; H2 (one LRS per file): the LRS restarted on the same file.
        TestLrs first = TestLrs.on(database, Map.of());
        ExportsFixture.credentials(first);
        ExportsFixture f = new ExportsFixture();
        post(first, f.experienced("ana"));
        String before = pseudonym(lines(export(first, RESEARCHER, f.moduleFilter())).get(0));
        TestLrs second;
        if ("postgres".equals(database)) {
            second = TestLrs.at(first.databaseUrl());
        } else {
            first.stop();
            second = TestLrs.at(first.databaseUrl());
        }
        try {
            assertThat(pseudonym(lines(export(second, RESEARCHER, f.moduleFilter())).get(0))).isEqualTo(before);
            if ("postgres".equals(database)) {
                assertThat(pseudonym(lines(export(first, READER, f.moduleFilter())).get(0))).isEqualTo(before);
            }
        } finally {
            if ("postgres".equals(database)) {
                second.stop();
                first.close();
            } else {
                second.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void administratorsGetTheStatementsExactlyAsXapiReturnsThem(String database) {
        TestLrs lrs = SERVERS.on(database);
        ExportsFixture f = new ExportsFixture();
        List<String> ids = post(lrs, f.answered("ana", "b"), f.passedModule("ana"));

        List<String> lines = lines(export(lrs, TestLrs.ADMIN, f.moduleFilter()));

        assertThat(lines).containsExactly(ExportsFixture.stored(lrs, ids.get(0)), ExportsFixture.stored(lrs, ids.get(1)));
        assertThat(lines.get(0)).contains("mailto:ana@example.org");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void theFiltersSelectByModuleVerbRegistrationStoredTimeAndContext(String database) {
        TestLrs lrs = SERVERS.on(database);
        ExportsFixture f = new ExportsFixture();
        ExportsFixture other = new ExportsFixture();
        ObjectNode english = f.experienced("cy");
        ((ObjectNode) english.get("context")).put("language", "en-GB");
        ((ObjectNode) english.at("/context/extensions")).put("urn:pelita:xapi:extension:module-version", "2.0.0")
                .put("urn:pelita:xapi:extension:organisation", "Other org").put("urn:pelita:xapi:extension:country", "TL");
        List<String> ids = post(lrs, f.experienced("ana"), f.answered("ana", "b"), english, other.experienced("ana"));
        OffsetDateTime secondStored = OffsetDateTime.parse(Json.parse(ExportsFixture.stored(lrs, ids.get(1)), "s").get("stored").asText());
        OffsetDateTime thirdStored = OffsetDateTime.parse(Json.parse(ExportsFixture.stored(lrs, ids.get(2)), "s").get("stored").asText());

        assertThat(ids(lines(export(lrs, RESEARCHER, f.moduleFilter())))).containsExactly(ids.get(0), ids.get(1), ids.get(2));
        assertThat(ids(lines(export(lrs, RESEARCHER, f.moduleFilter() + "&" + query("verb", ExportsFixture.ANSWERED)))))
                .containsExactly(ids.get(1));
        assertThat(ids(lines(export(lrs, RESEARCHER, query("registration", other.registration.toString())))))
                .containsExactly(ids.get(3));
        assertThat(ids(lines(export(lrs, RESEARCHER, f.moduleFilter() + "&" + query("since", secondStored.minusNanos(1_000_000).toString())
                + "&" + query("until", secondStored.toString()))))).containsExactly(ids.get(1));
        assertThat(ids(lines(export(lrs, RESEARCHER, f.moduleFilter() + "&" + query("since", thirdStored.toString()))))).isEmpty();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(ids(lines(export(lrs, RESEARCHER, f.moduleFilter() + "&since=" + today + "&until=" + today)))).hasSize(3);
        assertThat(ids(lines(export(lrs, RESEARCHER, f.moduleFilter() + "&since=" + tomorrow)))).isEmpty();
        assertThat(ids(lines(export(lrs, RESEARCHER, f.moduleFilter() + "&language=en-gb")))).containsExactly(ids.get(2));
        assertThat(ids(lines(export(lrs, RESEARCHER, f.moduleFilter() + "&version=1.0.0")))).containsExactly(ids.get(0), ids.get(1));
        assertThat(ids(lines(export(lrs, RESEARCHER, f.moduleFilter() + "&" + query("organisation", "Other org") + "&country=TL"))))
                .containsExactly(ids.get(2));
        assertThat(ids(lines(export(lrs, TestLrs.ADMIN, f.moduleFilter() + "&country=ID&format=ndjson")))).containsExactly(ids.get(0), ids.get(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void withoutCredentialsOrTheRightScopeOrWithABadParameterTheExportIsRefused(String database) {
        TestLrs lrs = SERVERS.on(database);
        ExportsFixture f = new ExportsFixture();

        XapiClient.Response anonymous = export(lrs, null, "");
        XapiClient.Response wrongSecret = lrs.research(null).with("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("researcher:wrong".getBytes())).get(PATH);
        XapiClient.Response stateOnly = export(lrs, STATE_ONLY, "");
        XapiClient.Response unknown = export(lrs, RESEARCHER, f.moduleFilter() + "&agent=x");
        XapiClient.Response repeated = export(lrs, RESEARCHER, "verb=urn:a&verb=urn:b");
        XapiClient.Response badRegistration = export(lrs, RESEARCHER, "registration=42");
        XapiClient.Response badSince = export(lrs, RESEARCHER, "since=yesterday");
        XapiClient.Response badModule = export(lrs, RESEARCHER, "module=not%20an%20iri");
        XapiClient.Response otherFormat = export(lrs, RESEARCHER, "format=csv");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(stateOnly.status()).isEqualTo(403);
        assertThat(stateOnly.json().get("message").asText()).contains("research");
        for (XapiClient.Response bad : List.of(unknown, repeated, badRegistration, badSince, badModule, otherFormat)) {
            assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
            assertThat(bad.json().get("status").asInt()).isEqualTo(400);
        }
        assertThat(unknown.json().get("message").asText()).contains("'agent'");
        assertThat(repeated.json().get("message").asText()).contains("'verb'");
        assertThat(badRegistration.json().get("message").asText()).contains("registration");
        assertThat(badSince.json().get("message").asText()).contains("since");
        assertThat(badModule.json().get("message").asText()).contains("module");
        assertThat(otherFormat.json().get("message").asText()).contains("format");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aResearchCredentialExportsButCannotReadTheXapiResources(String database) {
        TestLrs lrs = SERVERS.on(database);
        ExportsFixture f = new ExportsFixture();
        post(lrs, f.experienced("ana"));

        assertThat(lines(export(lrs, RESEARCHER, f.moduleFilter()))).hasSize(1);
        assertThat(lrs.client(RESEARCHER, "2.0.0").get("/statements").status()).isEqualTo(403);
        assertThat(lrs.client(RESEARCHER, "2.0.0").get("/agents?" + query("agent", "{\"mbox\":\"mailto:ana@example.org\"}")).status())
                .isEqualTo(403);
        assertThat(lrs.client(READER, "2.0.0").get("/statements").status()).isEqualTo(200);
    }
}
