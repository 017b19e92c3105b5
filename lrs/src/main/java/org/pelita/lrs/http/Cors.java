package org.pelita.lrs.http;

import io.javalin.http.Context;
import java.util.List;

/**
 * Cross-origin access for content served from another origin (an LMS): allowed origins from the configuration,
 * preflight requests answered, the xAPI headers exposed to scripts.
 */
public final class Cors {
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, Accept-Language";
    private static final String EXPOSED_HEADERS = "ETag, Last-Modified, Content-Type, X-Experience-API-Version, X-Experience-API-Consistent-Through";

    private final List<String> origins;

    public Cors(List<String> origins) {
        this.origins = List.copyOf(origins);
    }

    /** Adds the CORS headers when the request's Origin is allowed. */
    public void apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origins.isEmpty()) {
            return;
        }
        if (origins.contains("*") || origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
            ctx.header("Vary", "Origin");
            ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    /** Answers a preflight (OPTIONS) request: 204, with the methods and headers xAPI clients use. */
    public void preflight(Context ctx) {
        apply(ctx);
        if (ctx.res().getHeader("Access-Control-Allow-Origin") != null) {
            ctx.header("Access-Control-Allow-Methods", "GET, HEAD, PUT, POST, DELETE, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", "86400");
        }
        ctx.status(204);
    }
}
