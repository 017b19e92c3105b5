package org.pelita.lrs.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pelita.lrs.research.ExportFormat;
import org.pelita.lrs.research.ExportQuery;
import org.pelita.lrs.research.Pseudonyms;
import org.pelita.lrs.store.StatementFilter;
import org.pelita.lrs.store.StoredStatement;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.StatementKeys;

/**
 * Statement exports, streamed: the store is read in pages of {@code pageSize} statements in stored order (keyset paging:
 * each page starts after the last statement of the one before), and each page is written out and flushed before the next
 * is read. Memory stays at one page whatever the size of the store, and the first rows leave before the last are read.
 */
public final class ExportService {
    public static final int PAGE_SIZE = 1_000;

    /** Reads one page: at most {@code filter.limit()} live, non-voiding statements in ascending stored order (StatementStore#exportPage). */
    @FunctionalInterface
    public interface Pages {
        List<StoredStatement> page(StatementFilter filter);
    }

    /** What an export wrote: statements, and the page queries it took. */
    public record Result(long statements, long pages) {
    }

    private final Pages pages;
    private final int pageSize;
    private final Pseudonyms pseudonyms;

    public ExportService(Pages pages, int pageSize, Pseudonyms pseudonyms) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        this.pages = pages;
        this.pageSize = pageSize;
        this.pseudonyms = pseudonyms;
    }

    /**
     * Writes the statements the query selects to {@code out} (which stays open).
     *
     * @param identities true to show agents as stored (credentials with scope all); false to replace them by pseudonyms
     */
    public Result export(ExportQuery query, ExportFormat format, boolean identities, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        ExportFormat.Rows rows = format.open(writer);
        boolean asStored = identities && format.takesStoredJson() && !query.readsBody();
        long statements = 0;
        long pageCount = 0;
        Optional<StatementFilter.Cursor> after = Optional.empty();
        while (true) {
            List<StoredStatement> page = pages.page(filter(query, after));
            pageCount++;
            for (StoredStatement statement : page) {
                if (asStored) {
                    rows.stored(statement.body());
                    statements++;
                    continue;
                }
                JsonNode parsed = Json.parse(statement.body(), "statement");
                if (!query.matches(parsed)) {
                    continue;
                }
                rows.statement(identities ? parsed : pseudonyms.statement(parsed));
                statements++;
            }
            rows.flush();
            if (page.size() < pageSize) {
                return new Result(statements, pageCount);
            }
            StoredStatement last = page.get(page.size() - 1);
            after = Optional.of(new StatementFilter.Cursor(last.stored(), last.id()));
        }
    }

    /**
     * The indexed part of the query. The most selective key first: it drives the read through the key index (a registration
     * is one attempt; a module is a share of the store; a verb can be half of it).
     */
    private StatementFilter filter(ExportQuery query, Optional<StatementFilter.Cursor> after) {
        List<StatementFilter.KeyMatch> keys = new ArrayList<>();
        query.registration().ifPresent(r -> keys.add(new StatementFilter.KeyMatch(StatementKeys.registration(r.toString()), true)));
        // The module's own statements and those that name it among their context activities (Pelita puts it in grouping).
        query.module().ifPresent(m -> keys.add(new StatementFilter.KeyMatch(StatementKeys.activity(m), true)));
        query.verb().ifPresent(v -> keys.add(new StatementFilter.KeyMatch(StatementKeys.verb(v), false)));
        return new StatementFilter(keys, Optional.empty(), query.since(), query.until(), true, after, pageSize);
    }
}
