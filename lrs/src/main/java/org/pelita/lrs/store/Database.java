package org.pelita.lrs.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.pelita.lrs.config.ConfigException;
import org.pelita.lrs.config.LrsConfig;

/**
 * The database: a connection pool, the schema brought up to date by Flyway, and the one configured jOOQ context.
 * H2 runs with WRITE_DELAY=0 so that a commit is on disk before the LRS acknowledges it (by default H2 delays
 * writes by 500 ms and loses them on a crash); PostgreSQL sessions never run with synchronous_commit off, for the same reason.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final DSLContext sql;
    private final SQLDialect dialect;

    private Database(HikariDataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.sql = DSL.using(dataSource, dialect, new Settings().withRenderSchema(false).withExecuteLogging(false));
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

    /** Adds the settings the LRS depends on to an H2 URL, and refuses a write delay (it would lose acknowledged data). */
    static String h2Url(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (upper.matches(".*;WRITE_DELAY=(?!0(;|$)).*")) {
            throw new ConfigException("the H2 URL sets WRITE_DELAY; remove it: the LRS needs every acknowledged statement on disk");
        }
        StringBuilder result = new StringBuilder(url);
        if (!upper.contains(";DATABASE_TO_LOWER=")) {
            result.append(";DATABASE_TO_LOWER=TRUE");
        }
        if (!upper.contains(";WRITE_DELAY=")) {
            result.append(";WRITE_DELAY=0");
        }
        // A file database is opened by the running LRS; AUTO_SERVER lets the credentials command (another process on
        // this machine) reach it at the same time. H2's automatic server accepts local connections only.
        boolean file = !upper.startsWith("JDBC:H2:MEM:") && !upper.startsWith("JDBC:H2:TCP:") && !upper.startsWith("JDBC:H2:SSL:");
        if (file && !upper.contains(";AUTO_SERVER=")) {
            result.append(";AUTO_SERVER=TRUE");
        }
        return result.toString();
    }

    public DSLContext sql() {
        return sql;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
