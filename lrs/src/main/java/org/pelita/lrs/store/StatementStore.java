package org.pelita.lrs.store;

import static org.pelita.lrs.store.jooq.Tables.ACTIVITY;
import static org.pelita.lrs.store.jooq.Tables.ATTACHMENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT_ATTACHMENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT_KEY;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.SelectConditionStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.pelita.lrs.store.jooq.tables.StatementKey;

/** Reading statements, their attachments and canonical activities. Writes go through {@link StatementWriter}. */
public final class StatementStore {
    private final DSLContext sql;

    public StatementStore(Database database) {
        this.sql = database.sql();
    }

    /** The statement with this id, if stored; {@code voided} selects voided statements instead of live ones. */
    public Optional<StoredStatement> byId(UUID id, boolean voided) {
        return sql.select(STATEMENT.ID, STATEMENT.STORED, STATEMENT.BODY, STATEMENT.HAS_ATTACHMENTS)
                .from(STATEMENT)
                .where(STATEMENT.ID.eq(id), STATEMENT.VOIDED.eq(voided))
                .fetchOptional(r -> new StoredStatement(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Statements matching the filter, newest first unless ascending, at most {@code limit + 1} (one more tells
     * the caller there is a next page). Voided statements are never returned here.
     *
     * <p>The first key drives the query through the key index, already ordered by stored time; further keys
     * are checked with EXISTS, so a filter never reads more than it returns plus what it skips.
     */
    public List<StoredStatement> query(StatementFilter filter) {
        return select(filter, DSL.noCondition(), filter.limit() + 1)
                .fetch(r -> new StoredStatement(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The database's plan for a statement query (for docs/query-plans.md and for tuning). */
    public String explain(StatementFilter filter) {
        return explain(select(filter, DSL.noCondition(), filter.limit() + 1));
    }

    /**
     * A page of a research export: the filter's statements (ascending for stored order), at most {@code filter.limit()},
     * without voided statements and without voiding statements (whose targets the export leaves out).
     */
    public List<StoredStatement> exportPage(StatementFilter filter) {
        return select(filter, STATEMENT.VOIDS.isNull(), filter.limit())
                .fetch(r -> new StoredStatement(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The plan of an export page (see {@link #explain}). */
    public String explainExportPage(StatementFilter filter) {
        return explain(select(filter, STATEMENT.VOIDS.isNull(), filter.limit()));
    }

    private String explain(org.jooq.ResultQuery<?> select) {
        if (sql.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            return String.join("\n", sql.fetch("EXPLAIN ANALYZE " + select.getSQL(org.jooq.conf.ParamType.INLINED))
                    .getValues(0, String.class));
        }
        return String.join("\n", sql.fetch("EXPLAIN " + select.getSQL(org.jooq.conf.ParamType.INLINED)).getValues(0, String.class));
    }

    /** @param rows how many rows to read at most */
    private org.jooq.ResultQuery<Record4<UUID, OffsetDateTime, String, Boolean>> select(StatementFilter filter, Condition extra, int rows) {
        Field<OffsetDateTime> stored;
        Field<UUID> id;
        Table<?> from;
        List<SortField<?>> prefix = new ArrayList<>();
        Condition where = STATEMENT.VOIDED.isFalse().and(extra);
        if (filter.keys().isEmpty()) {
            from = STATEMENT;
            stored = STATEMENT.STORED;
            id = STATEMENT.ID;
            if (filter.authority().isPresent()) {
                prefix.add(filter.ascending() ? STATEMENT.AUTHORITY_KEY.desc() : STATEMENT.AUTHORITY_KEY.asc());
            }
        } else {
            StatementKey driver = STATEMENT_KEY.as("k0");
            from = driver.join(STATEMENT).on(STATEMENT.ID.eq(driver.STATEMENT_ID));
            stored = driver.STORED;
            id = driver.STATEMENT_ID;
            // Naming the equal leading column in ORDER BY lets H2 see that the index is already in this order; ascending
            // names it descending, so that the whole order is the index's reversed, which H2 also reads without sorting.
            prefix.add(filter.ascending() ? driver.KEY_VALUE.desc() : driver.KEY_VALUE.asc());
            where = where.and(matches(driver, filter.keys().get(0)));
            for (int i = 1; i < filter.keys().size(); i++) {
                // A point lookup in the same index: (key, stored, id) of the row the driver found.
                // OFFSET 0 keeps PostgreSQL from turning it into a hash join over every row of a common key.
                StatementKey other = STATEMENT_KEY.as("k" + i);
                where = where.and(DSL.exists(DSL.selectOne().from(other).where(matches(other, filter.keys().get(i)),
                        other.STORED.eq(driver.STORED), other.STATEMENT_ID.eq(driver.STATEMENT_ID)).offset(0)));
            }
        }
        if (filter.authority().isPresent()) {
            where = where.and(STATEMENT.AUTHORITY_KEY.eq(Keys.of(filter.authority().get())));
        }
        if (filter.since().isPresent()) {
            where = where.and(stored.gt(filter.since().get()));
        }
        if (filter.until().isPresent()) {
            where = where.and(stored.le(filter.until().get()));
        }
        if (filter.after().isPresent()) {
            StatementFilter.Cursor cursor = filter.after().get();
            where = where.and(filter.ascending()
                    ? DSL.row(stored, id).gt(cursor.stored(), cursor.id())
                    : DSL.row(stored, id).lt(cursor.stored(), cursor.id()));
        }
        List<SortField<?>> order = new ArrayList<>(prefix);
        order.addAll(filter.ascending() ? List.of(stored.asc(), id.asc()) : List.of(stored.desc(), id.desc()));
        SelectConditionStep<Record4<UUID, OffsetDateTime, String, Boolean>> select =
                sql.select(STATEMENT.ID, STATEMENT.STORED, STATEMENT.BODY, STATEMENT.HAS_ATTACHMENTS).from(from).where(where);
        return select.orderBy(order).limit(rows);
    }

    private static Condition matches(StatementKey key, StatementFilter.KeyMatch match) {
        Condition condition = key.KEY_VALUE.eq(Keys.of(match.key()));
        return match.related() ? condition : condition.and(key.DIRECT.isTrue());
    }

    /** The attachments of these statements, by SHA-2, each once. */
    public Map<String, NewAttachment> attachmentsOf(Collection<UUID> statements) {
        Map<String, NewAttachment> attachments = new LinkedHashMap<>();
        if (statements.isEmpty()) {
            return attachments;
        }
        sql.selectDistinct(ATTACHMENT.SHA2, ATTACHMENT.CONTENT_TYPE, ATTACHMENT.CONTENT)
                .from(STATEMENT_ATTACHMENT.join(ATTACHMENT).on(ATTACHMENT.SHA2.eq(STATEMENT_ATTACHMENT.SHA2)))
                .where(STATEMENT_ATTACHMENT.STATEMENT_ID.in(statements))
                .orderBy(ATTACHMENT.SHA2)
                .forEach(r -> attachments.put(r.value1(), new NewAttachment(r.value1(), r.value2(), r.value3())));
        return attachments;
    }

    /** The canonical Activity JSON the LRS keeps for an activity id. */
    public Optional<String> activity(String activityId) {
        return sql.select(ACTIVITY.BODY).from(ACTIVITY).where(ACTIVITY.ACTIVITY_KEY.eq(Keys.of("activity:" + activityId)))
                .fetchOptional(r -> r.value1());
    }

    /** Canonical Activity JSON for several ids at once (the canonical statement format). */
    public Map<String, String> activities(Collection<String> activityIds) {
        Map<String, String> result = new LinkedHashMap<>();
        if (activityIds.isEmpty()) {
            return result;
        }
        List<UUID> keys = new ArrayList<>();
        activityIds.forEach(a -> keys.add(Keys.of("activity:" + a)));
        sql.select(ACTIVITY.ACTIVITY_ID, ACTIVITY.BODY).from(ACTIVITY).where(ACTIVITY.ACTIVITY_KEY.in(keys))
                .forEach(r -> result.put(r.value1(), r.value2()));
        return result;
    }
}
