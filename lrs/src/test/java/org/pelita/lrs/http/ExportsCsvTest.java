package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.ExportsFixture.RESEARCHER;
import static org.pelita.lrs.http.ExportsFixture.STATE_ONLY;
import static org.pelita.lrs.http.ExportsFixture.post;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.research.StatementCsv;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.Json;

/**
 * {@code GET /api/exports/statements.csv} (docs/research-data.md "CSV columns"): a header, then one RFC 4180 row per
 * live statement in stored order with the documented columns, pseudonyms unless scope all, text cells that a
 * spreadsheet would run as formulas defused with a leading apostrophe.
 */
class ExportsCsvTest {
    private static final String PATH = "/exports/statements.csv";
    private static final StatementServers SERVERS = new StatementServers(Map.of(), ExportsFixture::credentials);

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient.Response export(TestLrs lrs, String key, String parameters) {
        return lrs.research(key).get(PATH + (parameters.isEmpty() ? "" : "?" + parameters));
    }

    /** The rows (header first) as a CSV reader sees them. */
    private static List<List<String>> rows(XapiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        try (MappingIterator<List<String>> rows = new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(response.text())) {
            return rows.readAll();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> byColumn(List<String> header, List<String> row) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), row.get(i));
        }
        return cells;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aHeaderThenOneRowPerStatementWithTheDocumentedColumns(String database) {
        TestLrs lrs = SERVERS.on(database);
        ExportsFixture f = new ExportsFixture();
        List<String> ids = post(lrs, f.answered("ana", "b"), f.passedModule("ana"), f.experienced("bob"));
        post(lrs, f.voiding(ids.get(2)));

        XapiClient.Response response = export(lrs, RESEARCHER, f.moduleFilter());
        List<List<String>> rows = rows(response);

        assertThat(response.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"statements-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        assertThat(response.text()).startsWith(String.join(",", StatementCsv.COLUMNS) + "\r\n").endsWith("\r\n");
        assertThat(rows.get(0)).containsExactly("id", "timestamp", "stored", "actor", "verb", "verb_display", "object_id",
                "object_type", "object_name", "module", "module_version", "language", "registration", "parent", "grouping", "quiz_kind",
                "response", "success", "completion", "score_scaled", "score_raw", "score_min", "score_max", "duration_seconds",
                "organisation", "country");
        assertThat(rows).hasSize(3); // the voided one and its voiding statement are left out
        Map<String, String> answer = byColumn(rows.get(0), rows.get(1));
        String stored = Json.parse(ExportsFixture.stored(lrs, ids.get(0)), "s").get("stored").asText();
        assertThat(answer).containsEntry("id", ids.get(0)).containsEntry("timestamp", "2026-11-20T08:00:00.000Z")
                .containsEntry("stored", stored).containsEntry("verb", ExportsFixture.ANSWERED).containsEntry("verb_display", "answered")
                .containsEntry("object_id", f.module + "/questions/post-test/q1").containsEntry("object_type", "Activity")
                .containsEntry("object_name", "Question 1").containsEntry("module", f.module).containsEntry("module_version", "1.0.0")
                .containsEntry("language", "id").containsEntry("registration", f.registration.toString())
                .containsEntry("parent", f.module + "/quizzes/post-test").containsEntry("grouping", f.module)
                .containsEntry("quiz_kind", "post-test").containsEntry("response", "b").containsEntry("success", "true")
                .containsEntry("completion", "").containsEntry("score_scaled", "1").containsEntry("score_raw", "1")
                .containsEntry("score_min", "0").containsEntry("score_max", "1").containsEntry("duration_seconds", "62.5")
                .containsEntry("organisation", "Dinas Pendidikan").containsEntry("country", "ID");
        assertThat(answer.get("actor")).matches("[a-z2-7]{20}");
        Map<String, String> passed = byColumn(rows.get(0), rows.get(2));
        assertThat(passed).containsEntry("actor", answer.get("actor")).containsEntry("object_id", f.module)
                .containsEntry("object_name", "Feature tour").containsEntry("module", f.module).containsEntry("parent", "")
                .containsEntry("language", "en").containsEntry("success", "true").containsEntry("completion", "true")
                .containsEntry("score_scaled", "0.85").containsEntry("score_raw", "85").containsEntry("score_max", "100")
                .containsEntry("duration_seconds", "").containsEntry("organisation", "");
        assertThat(response.text()).doesNotContain("ana@", "Learner");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void administratorsSeeIdentifiersAndEveryoneElseTheSamePseudonymAsInNdjson(String database) {
        TestLrs lrs = SERVERS.on(database);
        ExportsFixture f = new ExportsFixture();
        post(lrs, f.experienced("ana"));

        List<List<String>> admin = rows(export(lrs, TestLrs.ADMIN, f.moduleFilter()));
        List<List<String>> researcher = rows(export(lrs, RESEARCHER, f.moduleFilter()));
        String ndjson = lrs.research(RESEARCHER).get("/exports/statements.ndjson?" + f.moduleFilter()).text();

        assertThat(admin.get(1).get(3)).isEqualTo("mbox:mailto:ana@example.org");
        assertThat(Json.parse(ndjson.trim(), "line").at("/actor/account/name").asText()).isEqualTo(researcher.get(1).get(3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void cellsWithCommasQuotesAndLineBreaksAreQuotedAndFormulasAreDefused(String database) {
        TestLrs lrs = SERVERS.on(database);
        ExportsFixture f = new ExportsFixture();
        List<String> responses = List.of("a, \"quoted\" answer\r\nover two lines", "=HYPERLINK(\"http://evil.example\",\"x\")", "+1",
                "-2+3", "@SUM(A1)", "\tx", "\rx", " =leading space is not a formula");
        ObjectNode[] statements = responses.stream().map(r -> f.answered("ana", r)).toArray(ObjectNode[]::new);
        ObjectNode negative = f.answered("ana", "ok");
        ((ObjectNode) negative.at("/result/score")).put("raw", -1).put("min", -5).put("scaled", -0.2);
        post(lrs, statements);
        post(lrs, negative);

        XapiClient.Response response = export(lrs, RESEARCHER, f.moduleFilter());
        List<List<String>> rows = rows(response);
        int column = StatementCsv.COLUMNS.indexOf("response");

        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(column)).toList()).containsExactly(
                "a, \"quoted\" answer\r\nover two lines", "'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1", "'-2+3", "'@SUM(A1)",
                "'\tx", "'\rx", " =leading space is not a formula", "ok");
        assertThat(response.text()).contains("\"a, \"\"quoted\"\" answer\r\nover two lines\"");
        List<String> last = rows.get(rows.size() - 1);
        assertThat(last.get(StatementCsv.COLUMNS.indexOf("score_raw"))).isEqualTo("-1"); // numbers are not text: never prefixed
        assertThat(last.get(StatementCsv.COLUMNS.indexOf("score_min"))).isEqualTo("-5");
        assertThat(last.get(StatementCsv.COLUMNS.indexOf("score_scaled"))).isEqualTo("-0.2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anEmptyExportIsTheHeaderAloneAndRefusalsAreAsForNdjson(String database) {
        TestLrs lrs = SERVERS.on(database);
        ExportsFixture f = new ExportsFixture();

        XapiClient.Response empty = export(lrs, RESEARCHER, f.moduleFilter());

        assertThat(empty.text()).isEqualTo(String.join(",", StatementCsv.COLUMNS) + "\r\n");
        assertThat(export(lrs, null, "").status()).isEqualTo(401);
        assertThat(export(lrs, STATE_ONLY, "").status()).isEqualTo(403);
        XapiClient.Response unknown = export(lrs, RESEARCHER, "limit=10");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("'limit'");
        assertThat(export(lrs, RESEARCHER, "format=ndjson").status()).isEqualTo(400);
        assertThat(export(lrs, RESEARCHER, f.moduleFilter() + "&format=csv").status()).isEqualTo(200);
    }
}
