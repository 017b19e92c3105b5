package org.pelita.lrs.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Static files served beside the LRS from a folder on disk, used by {@code pelita-lrs demo} for the sample modules'
 * web packages and its landing page. The folder is served under {@code hostedPath} (its {@code index.html} also at
 * {@code /}); the xAPI routes are unchanged, and {@code serve} (plain {@code pelita-lrs}) has no static site.
 *
 * @param hostedPath where the folder appears, such as {@code /demo}
 * @param directory  the folder; files may appear in it after the server started
 */
public record StaticSite(String hostedPath, Path directory) {
    public StaticSite {
        if (!hostedPath.startsWith("/") || hostedPath.endsWith("/") || hostedPath.startsWith(LrsApp.BASE)) {
            throw new IllegalArgumentException("hosted path must be like /demo, outside " + LrsApp.BASE + ": " + hostedPath);
        }
        directory = directory.toAbsolutePath().normalize();
    }

    void register(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = hostedPath;
            files.directory = directory.toString();
            files.location = Location.EXTERNAL;
            // Packages are rebuilt on each start: browsers revalidate instead of keeping an old copy.
            files.headers = Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
        });
        // A package's pages link to their files relatively: /demo/<module> must become /demo/<module>/ first.
        config.routes.before(hostedPath + "/*", ctx -> {
            String path = ctx.path();
            if (!path.endsWith("/") && ctx.method().name().equals("GET")) {
                Path file = directory.resolve(path.substring(hostedPath.length() + 1)).normalize();
                if (file.startsWith(directory) && Files.isDirectory(file)) {
                    ctx.redirect(path + "/");
                    ctx.skipRemainingHandlers();
                }
            }
        });
        config.routes.get("/", ctx -> {
            Path index = directory.resolve("index.html");
            if (!Files.isRegularFile(index)) {
                ctx.status(404).result("Not found");
                return;
            }
            ctx.header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff")
                    .contentType("text/html; charset=utf-8").result(Files.readAllBytes(index));
        });
    }
}
