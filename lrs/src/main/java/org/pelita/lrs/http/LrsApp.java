package org.pelita.lrs.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.pelita.lrs.xapi.XapiVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All routes in one place. Every xAPI route goes through {@link #dispatch}: read the request (Alternate Request
 * Syntax, version, authentication), find the handler for its effective method, write the response or the error.
 */
public final class LrsApp {
    public static final String BASE = "/xapi";
    private static final Logger ACCESS = LoggerFactory.getLogger("org.pelita.lrs.access");

    /** The handlers of one resource path, by method. */
    private final Map<String, Map<String, XapiHandler>> routes = new LinkedHashMap<>();
    private final RequestReader reader;
    private final Cors cors;
    private final StatementsHandler statements;
    private final XapiVersion defaultVersion;

    public LrsApp(RequestReader reader, Cors cors, StatementsHandler statements, DocumentsHandler documents, ResourcesHandler resources,
                  XapiVersion defaultVersion) {
        this.defaultVersion = defaultVersion;
        this.reader = reader;
        this.cors = cors;
        this.statements = statements;
        route("/statements", "GET", statements::get);
        route("/statements", "HEAD", statements::get);
        route("/statements", "PUT", statements::put);
        route("/statements", "POST", statements::post);
        documentRoutes("/activities/state", documents, DocumentsHandler.Kind.STATE);
        documentRoutes("/activities/profile", documents, DocumentsHandler.Kind.ACTIVITY_PROFILE);
        documentRoutes("/agents/profile", documents, DocumentsHandler.Kind.AGENT_PROFILE);
        route("/activities", "GET", resources::activity);
        route("/activities", "HEAD", resources::activity);
        route("/agents", "GET", resources::agent);
        route("/agents", "HEAD", resources::agent);
        route("/about", "GET", resources::about);
        route("/about", "HEAD", resources::about);
    }

    private void documentRoutes(String path, DocumentsHandler documents, DocumentsHandler.Kind kind) {
        route(path, "GET", documents.get(kind));
        route(path, "HEAD", documents.get(kind));
        route(path, "PUT", documents.put(kind));
        route(path, "POST", documents.post(kind));
        route(path, "DELETE", documents.delete(kind));
    }

    private void route(String path, String method, XapiHandler handler) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, handler);
    }

    /**
     * @param maxBodyBytes requests above it get 413
     * @param healthy      whether the database answers, for /health
     * @param research     the researchers' API (/api)
     * @param packages     published packages (/packages)
     * @param site         static files beside the LRS (the demo's sample sites), if any
     */
    public Javalin create(long maxBodyBytes, BooleanSupplier healthy, ResearchRoutes research, PackagesRoutes packages,
                          Optional<StaticSite> site) {
        return Javalin.create(config -> {
            site.ifPresent(s -> s.register(config));
            config.http.maxRequestSize = maxBodyBytes;
            config.http.generateEtags = false;
            config.startup.showJavalinBanner = false;
            // Every response names a version (1.0.3 Communication §3.3.s3.b1), also those no resource handler writes
            // (unknown paths and methods, preflights); dispatch replaces it with the version the request asked for.
            config.routes.before(BASE + "/*", ctx -> ctx.header("X-Experience-API-Version", defaultVersion.number()));
            config.routes.get("/health", ctx -> {
                boolean up = healthy.getAsBoolean();
                ctx.status(up ? 200 : 503).contentType("application/json").result(up ? "{\"status\":\"up\"}" : "{\"status\":\"down\"}");
            });
            research.register(config);
            packages.register(config);
            // The researchers' dashboard: static files at /dashboard/ (and uPlot from its WebJar), no credentials needed
            // for the files themselves; the page signs in to the research API with a read credential (docs/dashboard.md).
            Dashboard.register(config);
            for (String path : routes.keySet()) {
                String full = BASE + path;
                config.routes.options(full, cors::preflight);
                for (String method : routes.get(path).keySet()) {
                    switch (method) {
                        case "GET" -> config.routes.get(full, ctx -> dispatch(ctx, path));
                        case "HEAD" -> config.routes.head(full, ctx -> dispatch(ctx, path));
                        case "PUT" -> config.routes.put(full, ctx -> dispatch(ctx, path));
                        case "POST" -> config.routes.post(full, ctx -> dispatch(ctx, path));
                        case "DELETE" -> config.routes.delete(full, ctx -> dispatch(ctx, path));
                        default -> throw new IllegalStateException(method);
                    }
                }
                if (!routes.get(path).containsKey("POST")) {
                    // POST carries the Alternate Request Syntax for every resource.
                    config.routes.post(full, ctx -> dispatch(ctx, path));
                }
            }
        });
    }

    private void dispatch(Context ctx, String path) {
        long start = System.nanoTime();
        cors.apply(ctx);
        XapiVersion version = defaultVersion;
        String method = ctx.method().name();
        XapiResponse response;
        String who = "-";
        try {
            XapiRequest request = reader.read(ctx, path, !"/about".equals(path));
            version = request.version();
            method = request.method();
            who = request.principal() == null ? "-" : request.principal().key();
            XapiHandler handler = routes.get(path).get(request.method());
            response = handler == null
                    ? ErrorMapper.toResponse(new org.pelita.lrs.xapi.InvalidRequestException(path + " does not take " + request.method()))
                    : handler.handle(request);
        } catch (Exception e) {
            response = ErrorMapper.toResponse(e);
        }
        if ("/statements".equals(path) && ("GET".equals(method) || "HEAD".equals(method))
                && !response.headers().containsKey(StatementsHandler.CONSISTENT_THROUGH)) {
            // Every GET of statements carries it, "regardless of the code returned" (Communication §2.1.3).
            response = response.withHeader(StatementsHandler.CONSISTENT_THROUGH, statements.consistentThrough());
        }
        write(ctx, response, version, "HEAD".equals(method));
        ACCESS.info("{} {} {} {} {}ms", method, BASE + path, response.status(), who, (System.nanoTime() - start) / 1_000_000);
    }

    private static void write(Context ctx, XapiResponse response, XapiVersion version, boolean head) {
        ctx.status(response.status());
        ctx.header("X-Experience-API-Version", version.number());
        response.headers().forEach(ctx::header);
        if (response.status() == 204) {
            return;
        }
        if (head) {
            ctx.header("Content-Length", String.valueOf(response.body().length));
            return;
        }
        ctx.result(response.body());
    }
}
