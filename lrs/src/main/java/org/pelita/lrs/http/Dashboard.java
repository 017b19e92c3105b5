package org.pelita.lrs.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The researchers' dashboard (docs/dashboard.md): static files from the classpath at {@code /dashboard/}, and the
 * charting library (uPlot) from its WebJar at {@code /dashboard/vendor/uplot/}. The page reads the research API
 * ({@code /api/reports/*}) with the credential its sign-in form asks for; these files themselves need none.
 */
public final class Dashboard {
    public static final String PATH = "/dashboard";
    /** Where the page's own files are on the classpath. */
    static final String FILES = "/org/pelita/lrs/dashboard";
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    /**
     * Scripts, styles and requests from the LRS's own origin only: no inline script or style, no plugins, no framing.
     * uPlot sets element styles through the CSSOM, which {@code style-src 'self'} allows.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Dashboard() {
    }

    /** Registers the dashboard's files and the redirect from {@code /dashboard} to {@code /dashboard/}. */
    public static void register(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = PATH;
            files.directory = FILES;
            files.location = Location.CLASSPATH;
            // Unversioned file names: the browser revalidates each time (small files, and never a stale script).
            files.headers = headers("no-cache");
        });
        config.staticFiles.add(files -> {
            files.hostedPath = PATH + "/vendor/uplot";
            // The WebJar's version folder (its jar has no entry for dist/ alone, which Javalin needs): dist/, LICENSE, README.md.
            files.directory = "/META-INF/resources/webjars/uplot/" + uplotVersion();
            files.location = Location.CLASSPATH;
            files.headers = headers("public, max-age=86400");
        });
        // Relative links in the page need the trailing slash. A route on /dashboard would also take /dashboard/
        // (Javalin ignores trailing slashes), so the exact path is redirected before the static files are looked at.
        config.routes.before(PATH, ctx -> {
            if (ctx.path().equals(PATH)) {
                ctx.redirect(PATH + "/", HttpStatus.MOVED_PERMANENTLY);
                ctx.skipRemainingHandlers();
            }
        });
    }

    static Map<String, String> headers(String cacheControl) {
        return Map.of(
                "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                "X-Frame-Options", "DENY",
                "Cache-Control", cacheControl);
    }

    /** The uPlot version on the classpath, read from its WebJar (so the version is written only in the pom). */
    static String uplotVersion() {
        try (InputStream in = Dashboard.class.getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar (org.webjars.npm:uplot) is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
