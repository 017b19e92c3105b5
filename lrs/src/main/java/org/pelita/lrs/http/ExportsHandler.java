package org.pelita.lrs.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.research.ExportFormat;
import org.pelita.lrs.research.ExportQuery;
import org.pelita.lrs.service.ExportService;

/**
 * {@code GET /api/exports/statements.ndjson} and {@code .csv} (docs/research-data.md): the filters are checked before
 * anything is sent (a bad one is a 400), then the statements stream out as the store is read. Agents are pseudonyms
 * unless the credential has scope all.
 */
public final class ExportsHandler {
    private final ExportService exports;
    private final Clock clock;

    public ExportsHandler(ExportService exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    public void ndjson(Context ctx, Principal principal) throws Exception {
        export(ctx, principal, ExportFormat.NDJSON);
    }

    public void csv(Context ctx, Principal principal) throws Exception {
        export(ctx, principal, ExportFormat.CSV);
    }

    private void export(Context ctx, Principal principal, ExportFormat format) throws Exception {
        ExportQuery query = ExportQuery.parse(ctx.queryParamMap(), format.extension());
        ctx.status(200);
        ctx.contentType(format.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"statements-" + LocalDate.now(clock) + "." + format.extension() + "\"");
        exports.export(query, format, principal.canSeeIdentities(), ctx.outputStream());
    }
}
