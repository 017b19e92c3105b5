package org.pelita.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.research.ExportFormat;
import org.pelita.lrs.research.ExportQuery;
import org.pelita.lrs.research.Pseudonyms;
import org.pelita.lrs.service.ExportService;
import org.pelita.lrs.service.StatementService;
import org.pelita.lrs.xapi.Json;

/**
 * Exports read the store in pages (StatementStore#exportPage, keyset paging in stored order) and write each page before
 * reading the next: counted page queries, the output seen while the export is still reading, and statements with the
 * same stored time split across pages each exported once.
 */
class StatementExportPagingTest {
    private static final StoreFixture.PerDatabase DATABASES = new StoreFixture.PerDatabase();
    private static final Pseudonyms PSEUDONYMS = new Pseudonyms(() -> new byte[32]);

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    /**
     * Posts n statements under a fresh module, each a millisecond after the last, so that their ids are in stored order
     * (the system clock could give two the same millisecond, and those are stored in id order).
     */
    private static List<String> postInOrder(StoreFixture f, String module, int n) {
        StoreFixture.ManualClock clock = new StoreFixture.ManualClock(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
        StatementService service = f.service(clock);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.addAll(post(f, module, 1, service, i));
            clock.advance(Duration.ofMillis(1));
        }
        return ids;
    }

    /** Posts n statements under a module, all with the same stored time when a stopped clock is given; their ids. */
    private static List<String> post(StoreFixture f, String module, int n, StatementService service) {
        return post(f, module, n, service, 0);
    }

    private static List<String> post(StoreFixture f, String module, int n, StatementService service, int first) {
        List<String> ids = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            UUID id = UUID.randomUUID();
            String statement = "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:learner" + (i % 3) + "@example.org\"},"
                    + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                    + "\"object\":{\"id\":\"" + module + "/pages/l/p" + i + "\"},"
                    + "\"context\":{\"contextActivities\":{\"grouping\":[{\"id\":\"" + module + "\"}]}}}";
            service.post(StoreFixture.received(statement), StoreFixture.admin(), org.pelita.lrs.xapi.XapiVersion.V2_0_0);
            ids.add(id.toString());
        }
        return ids;
    }

    private static ExportQuery module(String module) {
        return new ExportQuery(java.util.Optional.of(module), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty());
    }

    private static List<String> ids(String ndjson) {
        return ndjson.lines().map(l -> Json.parse(l, "line").get("id").asText()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void theStoreIsReadInPagesOfThePageSize(String database) throws Exception {
        StoreFixture f = DATABASES.get(database);
        String module = StoreFixture.unique("paging");
        List<String> posted = postInOrder(f, module, 23);
        AtomicInteger queries = new AtomicInteger();
        List<Integer> sizes = new ArrayList<>();
        ExportService exports = new ExportService(filter -> {
            queries.incrementAndGet();
            List<StoredStatement> page = f.store.exportPage(filter);
            sizes.add(page.size());
            return page;
        }, 5, PSEUDONYMS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ExportService.Result result = exports.export(module(module), ExportFormat.NDJSON, true, out);

        assertThat(ids(out.toString(StandardCharsets.UTF_8))).isEqualTo(posted);
        assertThat(sizes).containsExactly(5, 5, 5, 5, 3);
        assertThat(result).isEqualTo(new ExportService.Result(23, 5));
        assertThat(queries).hasValue(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void theFirstRowsAreWrittenOutBeforeTheLastPageIsRead(String database) throws Exception {
        StoreFixture f = DATABASES.get(database);
        String module = StoreFixture.unique("streaming");
        post(f, module, 12, f.service());
        AtomicInteger queries = new AtomicInteger();
        List<Integer> queriesAtEachFlush = new ArrayList<>();
        StringBuilder received = new StringBuilder();
        OutputStream client = new OutputStream() {
            @Override
            public void write(int b) {
                received.append((char) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                received.append(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                queriesAtEachFlush.add(queries.get());
            }
        };
        ExportService exports = new ExportService(filter -> {
            queries.incrementAndGet();
            return f.store.exportPage(filter);
        }, 4, PSEUDONYMS);

        exports.export(module(module), ExportFormat.CSV, false, client);

        // Pages of 4, 4, 4 and an empty one: each page reached the client (flushed) before the next was read.
        assertThat(queriesAtEachFlush).containsExactly(1, 2, 3, 4);
        assertThat(received.toString().split("\r\n")).hasSize(13);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void statementsStoredAtTheSameMomentAreEachExportedOnceAcrossPages(String database) throws Exception {
        StoreFixture f = DATABASES.get(database);
        String module = StoreFixture.unique("same-time");
        StoreFixture.ManualClock clock = new StoreFixture.ManualClock(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
        List<String> posted = post(f, module, 11, f.service(clock));
        ExportService exports = new ExportService(f.store::exportPage, 3, PSEUDONYMS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exports.export(module(module), ExportFormat.NDJSON, true, out);

        List<String> exported = ids(out.toString(StandardCharsets.UTF_8));
        assertThat(exported).hasSize(11).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(posted);
        assertThat(exported).isSorted(); // (stored, id) order: ids in the databases' byte order, that of their lower-case text
    }
}
