package org.pelita.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pelita.lrs.store.StoreFixture.prepare;
import static org.pelita.lrs.store.StoreFixture.statement;
import static org.pelita.lrs.store.StoreFixture.unique;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT;

import java.io.Reader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.config.ConfigException;
import org.pelita.lrs.testing.TestDatabases;

/**
 * The database as the LRS opens it. Durability first: an acknowledged statement must survive a crash, so every H2 write
 * ends with a CHECKPOINT SYNC (a commit alone waits for the background writer, up to a second) and PostgreSQL commits synchronously
 * (synchronous_commit off acknowledges commits before their WAL is on disk). A test here fails if either is traded for
 * speed. Then: a write the database cannot complete fails with a typed exception and leaves nothing behind.
 */
class DatabaseTest {
    private static final StoreFixture.PerDatabase DATABASES = new StoreFixture.PerDatabase();

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    @Test
    void h2KeepsItsBackgroundWriterBecauseItAlsoCompactsTheFile() {
        StoreFixture db = DATABASES.get("h2");

        assertThat(info(db, "WRITE_DELAY")).isEqualTo(String.valueOf(Database.H2_WRITE_DELAY_MS));
    }

    /** Without the CHECKPOINT SYNC in write, the change would reach the file only when the background writer next runs. */
    @Test
    void anH2WriteIsInTheFileWhenItReturns() {
        StoreFixture db = DATABASES.get("h2");
        long writesBefore = Long.parseLong(info(db, "info.FILE_WRITE"));

        db.database.write(tx -> tx.dsl().execute("CREATE TABLE durability_probe (id INT)"));

        assertThat(Long.parseLong(info(db, "info.FILE_WRITE"))).isGreaterThan(writesBefore);
    }

    /** The statement writer acknowledges on this future while it goes on with the next transaction. */
    @Test
    void anAsynchronousH2WriteIsInTheFileWhenItsFutureCompletes() {
        StoreFixture db = DATABASES.get("h2");
        long writesBefore = Long.parseLong(info(db, "info.FILE_WRITE"));

        CompletableFuture<Integer> durable = db.database.writeAsync(tx -> tx.dsl().execute("CREATE TABLE durability_probe_async (id INT)"));

        assertThat(durable.join()).isZero();
        assertThat(Long.parseLong(info(db, "info.FILE_WRITE"))).isGreaterThan(writesBefore);
    }

    @Test
    void aFailedAsynchronousWriteThrowsAtOnceAndStoresNothing() {
        StoreFixture db = DATABASES.get("h2");

        db.database.write(tx -> tx.dsl().execute("CREATE TABLE half_written (id INT)"));

        assertThatThrownBy(() -> db.database.writeAsync(tx -> {
            tx.dsl().execute("INSERT INTO half_written VALUES (1)");
            return tx.dsl().execute("INSERT INTO no_such_table VALUES (1)");
        })).isInstanceOf(DataAccessException.class);
        assertThat(db.database.sql().fetchCount(org.jooq.impl.DSL.table("half_written"))).isZero();
    }

    @Test
    void anH2UrlSettingAWriteDelayIsRefused() {
        String url = TestDatabases.h2();

        assertThatThrownBy(() -> StoreFixture.open(url + ";WRITE_DELAY=500")).isInstanceOf(ConfigException.class).hasMessageContaining("WRITE_DELAY");
        assertThatThrownBy(() -> Database.h2Url(url + ";write_delay=10;CACHE_SIZE=8192")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> Database.h2Url(url + ";WRITE_DELAY=0")).isInstanceOf(ConfigException.class);
        assertThat(Database.h2Url(url)).endsWith(";DATABASE_TO_LOWER=TRUE;WRITE_DELAY=1000;AUTO_SERVER=TRUE");
        TestDatabases.drop(url);
    }

    /** The automatic server lets the admin commands reach the database the LRS holds; nothing off this machine may. */
    @Test
    void h2sAutomaticServerListensOnLoopbackOnly() throws Exception {
        StoreFixture db = DATABASES.get("h2");
        Path lock = Path.of(db.url.substring("jdbc:h2:file:".length()) + ".lock.db");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(lock)) {
            properties.load(reader);
        }
        int port = Integer.parseInt(properties.getProperty("server").replaceAll(".*:", ""));
        List<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses).filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
        Assumptions.assumeFalse(outside.isEmpty(), "this machine has no address other than loopback to try");

        try (Socket local = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(local.isConnected()).isTrue();
        }
        for (InetAddress address : outside) {
            assertThatThrownBy(() -> new Socket(address, port).close()).as(address.toString()).isInstanceOf(ConnectException.class);
        }
    }

    private static String info(StoreFixture db, String name) {
        return db.database.sql().fetchOne("SELECT setting_value FROM information_schema.settings WHERE setting_name = ?", name).get(0, String.class);
    }

    @Test
    void postgresCommitsSynchronouslyOnEveryConnectionOfThePool() throws Exception {
        StoreFixture db = DATABASES.get("postgres");
        // Three connections held at once, so that the pool hands out more than one.
        CyclicBarrier together = new CyclicBarrier(3);
        List<CompletableFuture<String>> settings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            settings.add(CompletableFuture.supplyAsync(() -> db.database.sql().transactionResult(tx -> {
                together.await(30, TimeUnit.SECONDS);
                return tx.dsl().fetchOne("SELECT current_setting('synchronous_commit')").get(0, String.class);
            })));
        }

        for (CompletableFuture<String> setting : settings) {
            assertThat(setting.get(60, TimeUnit.SECONDS)).isEqualTo("on");
        }
    }

    /** A server or database configured for speed (synchronous_commit = off) must not make the LRS acknowledge early. */
    @Test
    void postgresCommitsSynchronouslyEvenWhenTheDatabaseIsConfiguredNotTo() throws Exception {
        String url = TestDatabases.postgres();
        try {
            String name = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
            try (Connection c = DriverManager.getConnection(url)) {
                c.createStatement().execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
            }
            try (Database database = StoreFixture.open(url)) {
                assertThat(database.sql().fetchOne("SELECT current_setting('synchronous_commit')").get(0, String.class)).isEqualTo("on");
            }
        } finally {
            TestDatabases.drop(url);
        }
    }

    /**
     * The database becomes unreachable (its pool closed) with statements queued: the caller gets jOOQ's DataAccessException,
     * and once the database is back, none of them is there.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void aWriteToAnUnreachableDatabaseFailsWithADataAccessExceptionAndStoresNothing(String kind) throws Exception {
        String url = "postgres".equals(kind) ? TestDatabases.postgres() : TestDatabases.h2();
        try {
            List<NewStatement> batch = new ArrayList<>();
            String activity = unique("unreachable");
            for (int i = 0; i < 3; i++) {
                batch.add(prepare(statement("unreachable", "http://adlnet.gov/expapi/verbs/experienced", activity), UUID.randomUUID()));
            }
            Database database = StoreFixture.open(url);
            StatementWriter writer = new StatementWriter(database, 1, (stored, incoming) -> incoming, StoreFixture::bodyKeys);
            database.close();

            assertThatThrownBy(() -> writer.submit(batch, List.of()).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(DataAccessException.class);
            writer.close();

            try (Database reopened = StoreFixture.open(url)) {
                assertThat(reopened.sql().fetchCount(STATEMENT, STATEMENT.ID.in(batch.stream().map(NewStatement::id).toList()))).isZero();
            }
        } finally {
            TestDatabases.drop(url);
        }
    }

    /** A writer that has been closed takes no more statements and says so (the LRS is shutting down). */
    @Test
    void aClosedWriterRefusesNewStatements() {
        StoreFixture db = DATABASES.get("h2");
        StatementWriter writer = new StatementWriter(db.database, 1, (stored, incoming) -> incoming, StoreFixture::bodyKeys);
        writer.close();

        assertThatThrownBy(() -> writer.submit(List.of(prepare(statement("late", "http://adlnet.gov/expapi/verbs/experienced",
                unique("late")), UUID.randomUUID())), List.of()).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IllegalStateException.class);
    }
}
