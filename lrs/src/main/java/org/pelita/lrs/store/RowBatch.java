package org.pelita.lrs.store;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Rows for one parameterised statement, sent as one JDBC batch in the transaction of {@code tx}. jOOQ renders the SQL
 * once, from the generated tables; the rows' values are bound by JDBC directly. jOOQ's own batch binding looks up a
 * data type and a binding for every value of every row, which was a fifth of the statement writer's time on H2
 * (a row is a UUID, boolean, string or OffsetDateTime, which both drivers bind with setObject).
 */
final class RowBatch {
    private final DSLContext tx;
    private final String sql;
    private final int width;
    private final List<Object[]> rows = new ArrayList<>();

    /** @param template the statement with a placeholder value for each of the {@code width} parameters of a row */
    RowBatch(DSLContext tx, Query template, int width) {
        this.tx = tx;
        this.sql = tx.render(template);
        this.width = width;
    }

    void add(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException("a row has " + width + " values, not " + values.length);
        }
        rows.add(values);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Runs the batch (nothing when it is empty) and clears it. */
    void execute() {
        if (rows.isEmpty()) {
            return;
        }
        tx.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        statement.setObject(i + 1, row[i]);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
        rows.clear();
    }
}
