package org.pelita.lrs.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.store.CredentialStore;
import org.pelita.lrs.store.Database;
import org.pelita.lrs.testing.LrsProcess;
import org.pelita.lrs.testing.TestDatabases;
import org.pelita.lrs.testing.XapiClient;

/**
 * Point 9 of the LRS issue: a statement acknowledged with 200 or 204 survives kill -9 of the LRS. Clients post while
 * the process is killed without warning; after a restart every acknowledged statement must be there.
 */
class DurabilityTest {
    static String statement(UUID id) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:durable@example.org\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":{\"id\":\"https://pelita.example.org/modules/durability/pages/p1\"}}";
    }

    static void credential(String url) {
        try (Database database = Database.open(ConfigLoader.load(Optional.empty(), Map.of(), Map.of("db", url)))) {
            new CredentialStore(database).create("writer", new SecretHasher(4).hash("writer-secret"), "all", Optional.empty(), Optional.empty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void everyAcknowledgedStatementSurvivesKillDashNine(String database) throws Exception {
        String url = "postgres".equals(database) ? TestDatabases.postgres() : TestDatabases.h2();
        try {
            credential(url);
            ConcurrentLinkedQueue<UUID> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            LrsProcess lrs = LrsProcess.start(url);
            XapiClient client = lrs.client("writer", "writer-secret");
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                boolean batches = c % 2 == 0;
                Thread thread = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            if (batches) {
                                List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
                                String body = "[" + String.join(",", ids.stream().map(DurabilityTest::statement).toList()) + "]";
                                if (client.post("/statements", body).status() == 200) {
                                    acknowledged.addAll(ids);
                                }
                            } else {
                                UUID id = UUID.randomUUID();
                                if (client.put("/statements?statementId=" + id, statement(id)).status() == 204) {
                                    acknowledged.add(id);
                                }
                            }
                        } catch (RuntimeException e) {
                            // the connection breaks when the process dies: that request was not acknowledged
                        }
                    }
                });
                clients.add(thread);
                thread.start();
            }
            while (acknowledged.size() < 300) {
                Thread.sleep(20);
            }
            lrs.kill();
            stop.set(true);
            for (Thread thread : clients) {
                thread.join();
            }
            try (LrsProcess restarted = LrsProcess.start(url)) {
                XapiClient reader = restarted.client("writer", "writer-secret");
                List<UUID> missing = new ArrayList<>();
                for (UUID id : acknowledged) {
                    if (reader.get("/statements?statementId=" + id).status() != 200) {
                        missing.add(id);
                    }
                }
                assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
                assertThat(missing).as("acknowledged before kill -9 but lost").isEmpty();
            }
        } finally {
            TestDatabases.drop(url);
        }
    }
}
