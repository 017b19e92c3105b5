package org.pelita.lrs.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pelita.lrs.auth.Authenticator;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.xapi.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The researchers' API beside xAPI: reports under {@code /api/reports/<name>}, exports under {@code /api/exports/}.
 * Every route needs HTTP Basic credentials that may read all statements (scope all, all/read or statements/read) or a
 * research credential (scope research, which has no xAPI rights); errors
 * go through {@link ErrorMapper} as everywhere else. Handlers write their own body (exports stream it).
 */
public final class ResearchRoutes {
    public static final String BASE = "/api";
    private static final Logger ACCESS = LoggerFactory.getLogger("org.pelita.lrs.access");

    /** A research handler: the caller is authenticated and may read statements. */
    @FunctionalInterface
    public interface Handler {
        void handle(Context ctx, Principal principal) throws Exception;
    }

    private final Authenticator authenticator;
    private final Map<String, Handler> routes = new LinkedHashMap<>();

    public ResearchRoutes(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** Adds a GET route under {@link #BASE}, e.g. {@code /reports/funnel}. */
    public ResearchRoutes get(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    void register(JavalinConfig config) {
        routes.forEach((path, handler) -> config.routes.get(BASE + path, ctx -> dispatch(ctx, handler)));
    }

    private void dispatch(Context ctx, Handler handler) {
        long start = System.nanoTime();
        String who = "-";
        try {
            Principal principal = authenticator.authenticate(ctx.header("Authorization"));
            who = principal.key();
            if (!principal.canUseResearchApi()) {
                throw new ForbiddenException("this credential cannot use the research API (it needs scope research, all, all/read or statements/read)");
            }
            ctx.header("Cache-Control", "no-store");
            handler.handle(ctx, principal);
        } catch (Exception e) {
            if (ctx.res().isCommitted()) {
                // A streamed export that failed half-way: the status is sent; cutting the connection tells the client.
                LoggerFactory.getLogger(ResearchRoutes.class).error("research response failed after it started", e);
                throw new IllegalStateException("response failed after it started", e);
            }
            XapiResponse response = ErrorMapper.toResponse(e);
            ctx.status(response.status());
            response.headers().forEach(ctx::header);
            ctx.result(response.body());
        }
        ACCESS.info("GET {} {} {} {}ms", ctx.path(), ctx.statusCode(), who, (System.nanoTime() - start) / 1_000_000);
    }
}
