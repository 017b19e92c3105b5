package org.pelita.lrs.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TransactionalCallable;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.pelita.lrs.config.ConfigException;
import org.pelita.lrs.config.LrsConfig;

/**
 * The database: a connection pool, the schema brought up to date by Flyway, and the one configured jOOQ context.
 * Every change goes through {@link #write}, which returns only once the change is in the database file: a statement
 * or document the LRS acknowledges survives a crash of the process.
 *
 * <p>H2 keeps its background writer (WRITE_DELAY, here {@value #H2_WRITE_DELAY_MS} ms): that thread also compacts the
 * file, and without it (WRITE_DELAY=0) the file grew to 31 GB for a million statements. Durability then comes from
 * {@code CHECKPOINT SYNC} after each committed write (one for all the writes committed meanwhile), which stores the commit at once, as
 * WRITE_DELAY=0 did at every commit, and also flushes it to the disk, so it survives a power cut as on PostgreSQL
 * (measured cost: about 10% of single-statement throughput). PostgreSQL sessions never run with synchronous_commit off, for the same reason.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final DSLContext sql;
    private final SQLDialect dialect;
    /** H2 only: stores commits in the file and flushes them (see the class comment). */
    private final H2Sync sync;
    /** H2's background writer period: it stores stray changes and compacts the file. Not a durability setting here. */
    static final int H2_WRITE_DELAY_MS = 1000;
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    static {
        // H2's automatic server (AUTO_SERVER, below) listens on all interfaces unless told otherwise. Its clients need the
        // secret in the database's lock file, but nothing outside this machine has any business reaching that port.
        // H2 reads the property once, when its classes load, so it is set before the LRS opens any database.
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }

    private Database(HikariDataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.sql = DSL.using(dataSource, dialect, new Settings().withRenderSchema(false).withExecuteLogging(false));
        this.sync = dialect == SQLDialect.H2 ? new H2Sync(sql) : null;
    }

    public static Database open(LrsConfig config) {
        String url = config.isH2() ? h2Url(config.databaseUrl()) : config.databaseUrl();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        // Without a user, PostgreSQL's driver uses the operating-system user (or the URL's user=); H2's is "sa".
        String user = config.databaseUser().isEmpty() && config.isH2() ? "sa" : config.databaseUser();
        if (!user.isEmpty()) {
            pool.setUsername(user);
            pool.setPassword(config.databasePassword());
        }
        pool.setMaximumPoolSize(config.databasePoolSize());
        pool.setPoolName("lrs");
        if (config.isPostgres()) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
            // A server or database set to synchronous_commit = off would acknowledge commits before they are on disk;
            // the LRS's sessions turn it back on (stronger settings, such as remote_apply, are kept).
            pool.setConnectionInitSql("SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'");
        }
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, config.isPostgres() ? SQLDialect.POSTGRES : SQLDialect.H2);
    }

    /** Adds the settings the LRS depends on to an H2 URL, and refuses a WRITE_DELAY (the LRS sets its own; see the class comment). */
    static String h2Url(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (upper.contains(";WRITE_DELAY=")) {
            throw new ConfigException("the H2 URL sets WRITE_DELAY; remove it: the LRS stores every acknowledged change itself"
                    + " and needs H2's background writer to keep the file compact");
        }
        StringBuilder result = new StringBuilder(url);
        if (!upper.contains(";DATABASE_TO_LOWER=")) {
            result.append(";DATABASE_TO_LOWER=TRUE");
        }
        result.append(";WRITE_DELAY=").append(H2_WRITE_DELAY_MS);
        // A file database is opened by the running LRS; AUTO_SERVER lets the credentials command (another process on
        // this machine) reach it at the same time. Its server listens on 127.0.0.1 only (see the static block).
        if (h2File(url).isPresent() && !upper.contains(";AUTO_SERVER=")) {
            result.append(";AUTO_SERVER=TRUE");
        }
        return result.toString();
    }

    /**
     * Rewrites an H2 database file to hold only live data (H2's SHUTDOWN COMPACT), with the LRS stopped: a busy LRS
     * leaves old page versions in the file faster than H2's background compaction removes them.
     */
    public static void compact(LrsConfig config) {
        if (!config.isH2()) {
            throw new ConfigException("compact is for H2 files; PostgreSQL reclaims space itself (autovacuum)");
        }
        // No automatic server and a new instance even inside a JVM that has it open: the file lock then refuses a database
        // the LRS holds, rather than letting SHUTDOWN COMPACT close it under the LRS.
        String url = h2Url(config.databaseUrl() + ";AUTO_SERVER=FALSE;IFEXISTS=TRUE;OPEN_NEW=TRUE");
        String user = config.databaseUser().isEmpty() ? "sa" : config.databaseUser();
        try (Connection connection = DriverManager.getConnection(url, user, config.databasePassword())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT"); // plain JDBC: the database is closed when it returns
            }
        } catch (SQLException e) {
            String why = e.getErrorCode() == 90020 ? "the database is in use (stop the LRS first)"
                    : e.getErrorCode() == 90146 ? "there is no database at " + config.databaseUrl() : e.getMessage();
            throw new ConfigException("cannot compact: " + why);
        }
    }

    /** The file of an H2 file database URL (jdbc:h2:file:./data/lrs → ./data/lrs.mv.db), if it is one. */
    public static Optional<Path> h2File(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        String rest = lower.startsWith("jdbc:h2:file:") ? url.substring("jdbc:h2:file:".length())
                : lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:") ? url.substring("jdbc:h2:".length()) : null;
        if (rest == null) {
            return Optional.empty();
        }
        int semicolon = rest.indexOf(';');
        String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path + ".mv.db"));
    }

    /**
     * PostgreSQL: VACUUM ANALYZE, what autovacuum does some time after a bulk load (it marks pages all-visible, so
     * index-only scans stop visiting the table, and refreshes statistics). H2: nothing to do. For the benchmark, so that
     * its figures do not depend on when autovacuum happens to run.
     */
    public void vacuum() {
        if (dialect == SQLDialect.POSTGRES) {
            sql.execute("VACUUM ANALYZE");
        }
    }

    /** PostgreSQL: the database's size on disk (H2: empty; its file size is the operating system's to tell). */
    public Optional<Long> sizeOnDisk() {
        if (dialect != SQLDialect.POSTGRES) {
            return Optional.empty();
        }
        return Optional.of(sql.select(DSL.field("pg_database_size(current_database())", Long.class)).fetchOne().value1());
    }

    /** For reads. Changes go through {@link #write}. */
    public DSLContext sql() {
        return sql;
    }

    /**
     * Runs a change in one transaction and returns once it is durable: on H2 the committed transaction is then stored
     * in the file and flushed to the disk with CHECKPOINT SYNC (the commit alone would wait for the background writer).
     */
    public <T> T write(TransactionalCallable<T> change) {
        try {
            return writeAsync(change).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Runs a change in one transaction in this thread, and returns a future that completes once it is durable. The
     * caller may go on with the next transaction meanwhile: on H2 the checkpoints run on a thread of their own
     * ({@link H2Sync}), so storing one group commit overlaps with preparing the next. A transaction that fails throws here.
     */
    public <T> CompletableFuture<T> writeAsync(TransactionalCallable<T> change) {
        T result = sql.transactionResult(change);
        if (sync == null) {
            return CompletableFuture.completedFuture(result); // PostgreSQL: the commit was durable
        }
        return sync.afterCommit().thenApply(stored -> result);
    }

    public SQLDialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        if (sync != null) {
            sync.close();
        }
        dataSource.close();
    }
}
