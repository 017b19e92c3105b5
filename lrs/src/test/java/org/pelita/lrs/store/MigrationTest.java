package org.pelita.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.store.StoreFixture.prepare;
import static org.pelita.lrs.store.StoreFixture.statement;
import static org.pelita.lrs.store.StoreFixture.unique;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.Schema;
import org.jooq.SortOrder;
import org.jooq.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.store.jooq.DefaultSchema;
import org.pelita.lrs.testing.TestDatabases;

/**
 * The schema: Flyway creates it on an empty database, a second run (every start of the LRS) changes nothing, and the
 * jOOQ classes generated at build time (from the migration replayed on H2) describe what the migration creates on
 * each database: the same tables, columns, Java types, nullability and indexes.
 */
class MigrationTest {
    private static final StoreFixture.PerDatabase DATABASES = new StoreFixture.PerDatabase();

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    private static Flyway flyway(String url) {
        String jdbc = url.startsWith("jdbc:h2:") ? Database.h2Url(url) : url;
        return Flyway.configure().dataSource(jdbc, url.startsWith("jdbc:h2:") ? "sa" : null, null)
                .locations("classpath:db/migration").load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void anEmptyDatabaseIsMigratedAndASecondStartChangesNothing(String kind) throws Exception {
        String url = "postgres".equals(kind) ? TestDatabases.postgres() : TestDatabases.h2();
        try {
            NewStatement kept = prepare(statement("migrated", "http://adlnet.gov/expapi/verbs/experienced", unique("migrated")), UUID.randomUUID());
            try (Database database = StoreFixture.open(url)) {
                StatementWriter writer = new StatementWriter(database, 1, (stored, incoming) -> incoming, StoreFixture::bodyKeys);
                assertThat(writer.submit(List.of(kept), List.of()).get(60, TimeUnit.SECONDS)).isEqualTo(new WriteOutcome.Stored());
                writer.close();
            }
            MigrationInfo[] applied = flyway(url).info().applied();
            assertThat(applied).extracting(m -> m.getVersion().getVersion()).containsExactly("1", "2", "3", "4");
            assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);

            // A second start: Database.open migrates again; then Flyway itself finds nothing to do.
            try (Database again = StoreFixture.open(url)) {
                assertThat(new StatementStore(again).byId(kept.id(), false)).map(StoredStatement::body).contains(kept.body());
            }
            Flyway flyway = flyway(url);
            assertThat(flyway.migrate().migrationsExecuted).isZero();
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(flyway.info().applied()).hasSize(4);
            assertThat(flyway.info().pending()).isEmpty();
        } finally {
            TestDatabases.drop(url);
        }
    }

    /** Every generated table exists with exactly the generated columns, of the same Java type and nullability. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void theGeneratedJooqClassesMatchTheMigratedSchema(String kind) {
        StoreFixture db = DATABASES.get(kind);
        Schema actual = db.database.sql().meta().getSchemas().stream().filter(s -> s.getName().equals("public")).findFirst().orElseThrow();
        Map<String, Table<?>> tables = actual.getTables().stream().filter(t -> !t.getName().equals("flyway_schema_history"))
                .collect(Collectors.toMap(Table::getName, t -> t, (a, b) -> a, TreeMap::new));

        assertThat(tables.keySet()).containsExactlyInAnyOrderElementsOf(
                DefaultSchema.DEFAULT_SCHEMA.getTables().stream().map(Table::getName).toList());
        for (Table<?> generated : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            Table<?> table = tables.get(generated.getName());
            assertThat(describe(table.fields())).as("columns of %s", generated.getName()).isEqualTo(describe(generated.fields()));
            // And jOOQ's own SQL for the table runs: every generated column is there under its name.
            assertThat(db.database.sql().selectFrom(generated).limit(1).fetch()).isNotNull();
            assertThat(table.getPrimaryKey() == null).as("primary key of %s", generated.getName()).isEqualTo(generated.getPrimaryKey() == null);
            if (generated.getPrimaryKey() != null) {
                assertThat(table.getPrimaryKey().getFields()).extracting(Field::getName)
                        .containsExactlyElementsOf(generated.getPrimaryKey().getFields().stream().map(Field::getName).toList());
            }
        }
    }

    /** The indexes the queries rely on (see StatementStoreExplainTest) exist with their columns in order and direction. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pelita.lrs.testing.TestLrs#databases")
    void theGeneratedIndexesExistOnTheDatabase(String kind) {
        StoreFixture db = DATABASES.get(kind);
        Map<String, List<String>> indexes = new TreeMap<>();
        for (Index index : db.database.sql().meta().getIndexes()) {
            indexes.put(index.getName(), index.getFields().stream().map(f -> f.getName() + (f.getOrder() == SortOrder.DESC ? " desc" : " asc")).toList());
        }

        for (Table<?> generated : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            for (Index index : generated.getIndexes()) {
                assertThat(indexes).as("index %s", index.getName())
                        .containsEntry(index.getName(), index.getFields().stream().map(f -> f.getName() + (f.getOrder() == SortOrder.DESC ? " desc" : " asc")).toList());
            }
        }
    }

    /** Name, Java type and nullability of each column, in a comparable form. */
    private static Map<String, String> describe(Field<?>[] fields) {
        Map<String, String> columns = new TreeMap<>();
        for (Field<?> field : fields) {
            columns.put(field.getName(), field.getType().getSimpleName() + (field.getDataType().nullable() ? " null" : " not null"));
        }
        return columns;
    }
}
