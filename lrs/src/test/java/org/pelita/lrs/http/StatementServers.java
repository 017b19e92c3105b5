package org.pelita.lrs.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.pelita.lrs.testing.TestLrs;

/**
 * One test LRS per database for a whole test class: started on the first test that asks for that database (so a
 * missing PostgreSQL skips only the PostgreSQL runs, not the H2 ones), closed by the class's {@code @AfterAll}.
 */
final class StatementServers implements AutoCloseable {
    /** For {@code @MethodSource}: the database kinds every statements test runs on. */
    static final String DATABASES = "org.pelita.lrs.testing.TestLrs#databases";

    private final Map<String, String> settings;
    private final Consumer<TestLrs> setUp;
    private final Map<String, TestLrs> running = new LinkedHashMap<>();

    /**
     * @param settings extra LRS settings by flag name
     * @param setUp    what every LRS needs before the first test (credentials)
     */
    StatementServers(Map<String, String> settings, Consumer<TestLrs> setUp) {
        this.settings = Map.copyOf(settings);
        this.setUp = setUp;
    }

    StatementServers() {
        this(Map.of(), lrs -> { });
    }

    synchronized TestLrs on(String database) {
        TestLrs lrs = running.get(database);
        if (lrs == null) {
            lrs = TestLrs.on(database, settings);
            running.put(database, lrs);
            setUp.accept(lrs);
        }
        return lrs;
    }

    @Override
    public synchronized void close() {
        running.values().forEach(TestLrs::close);
        running.clear();
    }
}
