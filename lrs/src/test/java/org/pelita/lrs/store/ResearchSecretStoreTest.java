package org.pelita.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.TestDatabases;

/**
 * The research secret (V3__research_secret.sql): made on first need, 32 bytes, then the same for every process on the
 * database, also when several make it at the same moment.
 */
class ResearchSecretStoreTest {
    static List<String> databases() {
        return List.of("h2", "postgres");
    }

    private static String database(String kind) {
        return "postgres".equals(kind) ? TestDatabases.postgres() : TestDatabases.h2();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSecretIsMadeOnFirstNeedAndReadBackByAnotherConnectionAfterARestart(String kind) {
        String url = database(kind);
        try {
            byte[] first;
            try (Database db = StoreFixture.open(url)) {
                ResearchSecretStore secrets = new ResearchSecretStore(db);
                assertThat(secrets.existing()).isEmpty();
                first = secrets.secret();
                assertThat(first).hasSize(32);
                assertThat(secrets.secret()).isEqualTo(first);
                assertThat(secrets.existing()).hasValueSatisfying(s -> assertThat(s).isEqualTo(first));
            }
            try (Database reopened = StoreFixture.open(url)) {
                assertThat(new ResearchSecretStore(reopened).secret()).isEqualTo(first);
            }
        } finally {
            TestDatabases.drop(url);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void processesThatMakeItAtTheSameMomentAllGetTheSameSecret(String kind) throws Exception {
        String url = database(kind);
        int processes = 4;
        List<Database> databases = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(processes);
        try {
            for (int i = 0; i < processes; i++) {
                // Separate pools, as separate LRS processes would have (on H2 they share the one open database).
                databases.add(StoreFixture.open(url));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<byte[]>> secrets = new ArrayList<>();
            for (Database db : databases) {
                secrets.add(threads.submit(() -> {
                    start.await();
                    return new ResearchSecretStore(db).secret();
                }));
            }
            start.countDown();
            byte[] first = secrets.get(0).get();
            for (Future<byte[]> secret : secrets) {
                assertThat(secret.get()).isEqualTo(first);
            }
            Integer rows = databases.get(0).sql().fetchOne("SELECT COUNT(*) FROM research_secret").get(0, Integer.class);
            assertThat(rows).isEqualTo(1);
        } finally {
            threads.shutdownNow();
            databases.forEach(Database::close);
            TestDatabases.drop(url);
        }
    }
}
