package org.pelita.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.testing.TestDatabases;
import org.pelita.lrs.testing.TestLrs;

/**
 * The document store on its own, on H2 and PostgreSQL: a change sees the current document and stores, replaces or
 * deletes it atomically (a failing change leaves it as it was), ids are listed per scope and since a time
 * (exclusive), and concurrent changes to one document are serialised so that none is lost.
 */
class DocumentStoreTest {
    private static final Map<String, Database> DATABASES = new ConcurrentHashMap<>();
    private static final Map<String, String> URLS = new ConcurrentHashMap<>();
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    static DocumentStore store(String database) {
        return new DocumentStore(DATABASES.computeIfAbsent(database, d -> {
            String url = "postgres".equals(d) ? TestDatabases.postgres() : TestDatabases.h2();
            URLS.put(d, url);
            return Database.open(ConfigLoader.load(Optional.empty(), Map.of(), Map.of("db", url)));
        }));
    }

    static java.util.stream.Stream<String> databases() {
        return TestLrs.databases().stream();
    }

    @AfterAll
    static void close() {
        DATABASES.values().forEach(Database::close);
        URLS.values().forEach(TestDatabases::drop);
    }

    private static DocumentScope stateScope() {
        return DocumentScope.state("https://pelita.example.org/a/" + UUID.randomUUID(), "mbox:mailto:" + UUID.randomUUID() + "@example.org",
                Optional.empty());
    }

    private static StoredDocument doc(String content, OffsetDateTime updated) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new StoredDocument("application/json", bytes, "\"etag-" + content.hashCode() + "\"", updated);
    }

    private static void save(DocumentStore store, DocumentScope scope, String id, StoredDocument document) {
        store.change(scope, id, current -> Optional.of(document));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSavedDocumentIsReadBackAsStored(String database) {
        DocumentStore store = store(database);
        DocumentScope scope = stateScope();
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        StoredDocument document = new StoredDocument("image/png", binary, "\"abc\"", T0.plusNanos(123_000_000));

        Optional<StoredDocument> returned = store.change(scope, "doc", current -> Optional.of(document));
        StoredDocument read = store.get(scope, "doc").orElseThrow();

        assertThat(returned).contains(document);
        assertThat(read.content()).isEqualTo(binary);
        assertThat(read.contentType()).isEqualTo("image/png");
        assertThat(read.etag()).isEqualTo("\"abc\"");
        assertThat(read.updated().toInstant()).isEqualTo(document.updated().toInstant());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aChangeSeesTheCurrentDocumentAndReplacesIt(String database) {
        DocumentStore store = store(database);
        DocumentScope scope = stateScope();
        save(store, scope, "doc", doc("{\"v\":1}", T0));
        List<String> seen = new ArrayList<>();

        store.change(scope, "doc", current -> {
            seen.add(new String(current.orElseThrow().content(), StandardCharsets.UTF_8));
            return Optional.of(doc("{\"v\":2}", T0.plusSeconds(1)));
        });

        assertThat(seen).containsExactly("{\"v\":1}");
        StoredDocument read = store.get(scope, "doc").orElseThrow();
        assertThat(new String(read.content(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":2}");
        assertThat(read.updated().toInstant()).isEqualTo(T0.plusSeconds(1).toInstant());
        assertThat(store.ids(scope, Optional.empty())).containsExactly("doc");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aChangeReturningNothingDeletesTheDocument(String database) {
        DocumentStore store = store(database);
        DocumentScope scope = stateScope();
        save(store, scope, "doc", doc("{}", T0));

        store.change(scope, "doc", current -> Optional.empty());

        assertThat(store.get(scope, "doc")).isEmpty();
        assertThat(store.ids(scope, Optional.empty())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailingChangeLeavesTheDocumentAsItWasOrAbsent(String database) {
        DocumentStore store = store(database);
        DocumentScope scope = stateScope();
        save(store, scope, "existing", doc("{\"v\":1}", T0));

        assertThatThrownBy(() -> store.change(scope, "existing", current -> {
            throw new IllegalStateException("precondition failed");
        })).hasMessage("precondition failed");
        assertThatThrownBy(() -> store.change(scope, "absent", current -> {
            throw new IllegalStateException("precondition failed");
        })).hasMessage("precondition failed");

        assertThat(new String(store.get(scope, "existing").orElseThrow().content(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":1}");
        assertThat(store.get(scope, "absent")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void idsSinceAreThoseUpdatedStrictlyAfterItInUpdateOrder(String database) {
        DocumentStore store = store(database);
        DocumentScope scope = stateScope();
        save(store, scope, "c", doc("{}", T0.plusSeconds(3)));
        save(store, scope, "a", doc("{}", T0.plusSeconds(1)));
        save(store, scope, "b", doc("{}", T0.plusSeconds(2)));

        assertThat(store.ids(scope, Optional.empty())).containsExactly("a", "b", "c");
        assertThat(store.ids(scope, Optional.of(T0))).containsExactly("a", "b", "c");
        assertThat(store.ids(scope, Optional.of(T0.plusSeconds(1)))).containsExactly("b", "c");
        assertThat(store.ids(scope, Optional.of(T0.plusSeconds(2).minusNanos(1_000_000)))).containsExactly("b", "c");
        assertThat(store.ids(scope, Optional.of(T0.plusSeconds(3)))).isEmpty();
        // The same instant in another offset is the same boundary.
        assertThat(store.ids(scope, Optional.of(T0.plusSeconds(2).withOffsetSameInstant(ZoneOffset.ofHours(5))))).containsExactly("c");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSameIdInDifferentScopesIsADifferentDocument(String database) {
        DocumentStore store = store(database);
        String activity = "https://pelita.example.org/a/" + UUID.randomUUID();
        String agent = "mbox:mailto:" + UUID.randomUUID() + "@example.org";
        UUID registration = UUID.randomUUID();
        List<DocumentScope> scopes = List.of(
                DocumentScope.state(activity, agent, Optional.empty()),
                DocumentScope.state(activity, agent, Optional.of(registration)),
                DocumentScope.state(activity, agent, Optional.of(UUID.randomUUID())),
                DocumentScope.state(activity, "mbox:mailto:other@example.org", Optional.empty()),
                DocumentScope.activityProfile(activity),
                DocumentScope.agentProfile(agent));
        for (int i = 0; i < scopes.size(); i++) {
            save(store, scopes.get(i), "x", doc("{\"scope\":" + i + "}", T0));
        }

        for (int i = 0; i < scopes.size(); i++) {
            assertThat(new String(store.get(scopes.get(i), "x").orElseThrow().content(), StandardCharsets.UTF_8))
                    .as(scopes.get(i).toString()).isEqualTo("{\"scope\":" + i + "}");
            assertThat(store.ids(scopes.get(i), Optional.empty())).containsExactly("x");
        }
        assertThat(store.ids(DocumentScope.activityProfile("https://pelita.example.org/a/" + UUID.randomUUID()), Optional.empty())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void deleteAllRemovesTheScopesDocumentsOnly(String database) {
        DocumentStore store = store(database);
        DocumentScope scope = stateScope();
        DocumentScope registered = new DocumentScope(DocumentScope.STATE, scope.activityId(), scope.agent(), Optional.of(UUID.randomUUID()));
        DocumentScope other = stateScope();
        save(store, scope, "a", doc("{}", T0));
        save(store, scope, "b", doc("{}", T0));
        save(store, registered, "a", doc("{}", T0));
        save(store, other, "a", doc("{}", T0));

        int deleted = store.deleteAll(scope);

        assertThat(deleted).isEqualTo(2);
        assertThat(store.ids(scope, Optional.empty())).isEmpty();
        assertThat(store.ids(registered, Optional.empty())).containsExactly("a");
        assertThat(store.ids(other, Optional.empty())).containsExactly("a");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void documentIdsAreKeptExactly(String database) {
        DocumentStore store = store(database);
        DocumentScope scope = stateScope();
        String long_ = "x".repeat(5000);
        for (String id : List.of("Ünïcödé ✓", "with spaces and / ? & =", "CASE", "case", long_)) {
            save(store, scope, id, doc("{}", T0));
        }

        assertThat(store.ids(scope, Optional.empty())).containsExactlyInAnyOrder("Ünïcödé ✓", "with spaces and / ? & =", "CASE", "case", long_);
        assertThat(store.get(scope, "Case")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentChangesToOneDocumentAreSerialisedSoNoneIsLost(String database) throws Exception {
        DocumentStore store = store(database);
        DocumentScope scope = stateScope();
        save(store, scope, "counter", doc("0", T0));
        int writers = 6;
        int increments = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
                        store.change(scope, "counter", current -> {
                            int value = Integer.parseInt(new String(current.orElseThrow().content(), StandardCharsets.UTF_8));
                            return Optional.of(doc(String.valueOf(value + 1), T0));
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(new String(store.get(scope, "counter").orElseThrow().content(), StandardCharsets.UTF_8))
                .isEqualTo(String.valueOf(writers * increments));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoRequestsCreatingTheSameDocumentAtOnceBothTakeEffect(String database) throws Exception {
        DocumentStore store = store(database);
        DocumentScope scope = stateScope();
        // Both changes see "no document" before either inserts; the one that loses the race runs again on the winner's.
        CyclicBarrier bothSawNothing = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String key : List.of("a", "b")) {
                AtomicBoolean first = new AtomicBoolean(true);
                done.add(pool.submit(() -> store.change(scope, "merged", current -> {
                    if (first.getAndSet(false)) {
                        await(bothSawNothing);
                    }
                    String before = current.map(d -> new String(d.content(), StandardCharsets.UTF_8)).orElse("");
                    return Optional.of(doc(before + key, T0));
                })));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(new String(store.get(scope, "merged").orElseThrow().content(), StandardCharsets.UTF_8)).isIn("ab", "ba");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
