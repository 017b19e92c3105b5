package org.pelita.lrs.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.pelita.lrs.auth.Authenticator;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.packages.PackageService;
import org.pelita.lrs.packages.ReleaseBundle;
import org.pelita.lrs.packages.ReleaseVersion;
import org.pelita.lrs.store.StoredPackage;
import org.pelita.lrs.store.StoredRelease;
import org.pelita.lrs.xapi.ForbiddenException;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.NotFoundException;
import org.pelita.lrs.xapi.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Published packages at stable URLs (docs/packages.md): {@code /packages/<module>/<version>/<target>/<language>.zip},
 * where the version may be {@code latest}, with ETag and Last-Modified so that an LMS or a proxy fetches a package
 * again only when it changed. Administrators publish with PUT and withdraw with DELETE; who may download is the
 * setting packages-download. Errors go through {@link ErrorMapper}.
 */
public final class PackagesRoutes {
    public static final String BASE = "/packages";
    private static final Logger ACCESS = LoggerFactory.getLogger("org.pelita.lrs.access");
    /** A version's packages never change: a year, and immutable (RFC 8246), is what caches may keep them. */
    private static final String FOREVER = "max-age=31536000, immutable";

    /** A route; principal is null when downloads are public and the request is one. */
    @FunctionalInterface
    private interface Handler {
        void handle(Context ctx, boolean head, Principal principal) throws Exception;
    }

    private final PackageService packages;
    private final Authenticator authenticator;
    private final boolean publicDownloads;
    private final long maxUploadBytes;

    public PackagesRoutes(PackageService packages, Authenticator authenticator, boolean publicDownloads, long maxUploadBytes) {
        this.packages = packages;
        this.authenticator = authenticator;
        this.publicDownloads = publicDownloads;
        this.maxUploadBytes = maxUploadBytes;
    }

    void register(JavalinConfig config) {
        read(config, BASE, this::index);
        read(config, BASE + "/{module}", this::module);
        read(config, BASE + "/{module}/{version}", this::release);
        read(config, BASE + "/{module}/{version}/" + ReleaseBundle.MANIFEST, this::manifest);
        read(config, BASE + "/{module}/{version}/" + ReleaseBundle.NOTES, this::notes);
        read(config, BASE + "/{module}/{version}/{target}/{file}", this::download);
        config.routes.put(BASE + "/{module}/{version}", ctx -> dispatch(ctx, false, true, this::publish));
        config.routes.delete(BASE + "/{module}/{version}", ctx -> dispatch(ctx, false, true, this::withdraw));
    }

    private void read(JavalinConfig config, String path, Handler handler) {
        config.routes.get(path, ctx -> dispatch(ctx, false, false, handler));
        config.routes.head(path, ctx -> dispatch(ctx, true, false, handler));
    }

    private void dispatch(Context ctx, boolean head, boolean publishing, Handler handler) {
        long start = System.nanoTime();
        String who = "-";
        try {
            Principal principal = null;
            if (publishing || !publicDownloads) {
                principal = authenticator.authenticate(ctx.header("Authorization"));
                who = principal.key();
                if (publishing && !principal.canPublishPackages()) {
                    throw new ForbiddenException("publishing and withdrawing releases needs an administrator's credential (scope all)");
                }
                if (!publishing && !principal.canDownloadPackages()) {
                    throw new ForbiddenException("this credential cannot download packages (it needs scope packages, all/read or all)");
                }
            }
            handler.handle(ctx, head, principal);
        } catch (Exception e) {
            XapiResponse response = ErrorMapper.toResponse(e);
            ctx.status(response.status());
            response.headers().forEach(ctx::header);
            ctx.header("Cache-Control", "no-store");
            if (!head) {
                ctx.result(response.body());
            }
        }
        ACCESS.info("{} {} {} {} {}ms", ctx.method().name(), ctx.path(), ctx.statusCode(), who, (System.nanoTime() - start) / 1_000_000);
    }

    // ---- downloads

    private void download(Context ctx, boolean head, Principal principal) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".zip")) {
            throw new NotFoundException("a package's address ends in <language>.zip (or all.zip for one with every language), not " + file);
        }
        String language = file.substring(0, file.length() - ".zip".length());
        PackageService.Download download = packages.download(ctx.pathParam("module"), ctx.pathParam("version"), ctx.pathParam("target"),
                language);
        StoredPackage p = download.metadata();
        String etag = ConditionalRequest.etag(p.sha256());
        ctx.header("ETag", etag);
        download.lastModified().ifPresent(time -> ctx.header("Last-Modified", ConditionalRequest.httpDate(time.toInstant())));
        String audience = publicDownloads ? "public" : "private";
        // latest changes when a version is published or withdrawn: caches must ask again each time (and get 304 if not).
        ctx.header("Cache-Control", download.latest() ? audience + ", no-cache" : audience + ", " + FOREVER);
        if (download.latest()) {
            ctx.header("Content-Location", packageUrl(p.module(), p.version(), p));
        }
        if (ConditionalRequest.notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), etag,
                download.lastModified().map(OffsetDateTime::toInstant))) {
            // No body; a Content-Length must then be the size a 200 would have sent (RFC 9110 §8.6), not Jetty's 0.
            ctx.status(304);
            ctx.contentType("application/zip");
            ctx.header("Content-Length", String.valueOf(p.size()));
            return;
        }
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"" + p.fileName() + "\"");
        ctx.header("Content-Length", String.valueOf(p.size()));
        if (!head) {
            ctx.result(download.content().get()); // streamed, a chunk at a time
        }
    }

    private void manifest(Context ctx, boolean head, Principal principal) {
        StoredRelease release = packages.releaseOf(ctx.pathParam("module"), ctx.pathParam("version"));
        text(ctx, head, "application/json", release.manifest());
    }

    private void notes(Context ctx, boolean head, Principal principal) {
        StoredRelease release = packages.releaseOf(ctx.pathParam("module"), ctx.pathParam("version"));
        text(ctx, head, "text/markdown; charset=utf-8", release.notes().orElseThrow(() -> new NotFoundException(
                "version " + release.version() + " of " + release.module() + " was published without " + ReleaseBundle.NOTES)));
    }

    // ---- listings: what is published, with each package's addresses

    private void index(Context ctx, boolean head, Principal principal) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode modules = root.putArray("modules");
        packages.index().forEach(m -> modules.add(moduleNode(m)));
        text(ctx, head, "application/json", Json.write(root));
    }

    private void module(Context ctx, boolean head, Principal principal) {
        text(ctx, head, "application/json", Json.write(moduleNode(packages.module(ctx.pathParam("module")))));
    }

    private void release(Context ctx, boolean head, Principal principal) {
        String module = ctx.pathParam("module");
        PackageService.ReleaseListing listing = packages.listing(module, ctx.pathParam("version"));
        text(ctx, head, "application/json", Json.write(releaseNode(module, listing.release(), listing.latest())));
    }

    private static ObjectNode moduleNode(PackageService.ModuleReleases m) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("module", m.module());
        node.put("latest", m.latest().orElse(null));
        ArrayNode releases = node.putArray("releases");
        m.releases().forEach(r -> releases.add(releaseNode(m.module(), r, m.latest())));
        return node;
    }

    private static ObjectNode releaseNode(String module, PackageService.ReleaseEntry r, Optional<String> latest) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("version", r.version());
        node.put("published", r.published().toInstant().toString());
        node.put("withdrawn", r.withdrawn().map(w -> w.toInstant().toString()).orElse(null));
        node.put("latest", latest.map(r.version()::equals).orElse(false));
        node.put("releaseJson", BASE + "/" + module + "/" + r.version() + "/" + ReleaseBundle.MANIFEST);
        node.put("releaseNotes", BASE + "/" + module + "/" + r.version() + "/" + ReleaseBundle.NOTES);
        ArrayNode list = node.putArray("packages");
        for (StoredPackage p : r.packages()) {
            ObjectNode item = list.addObject();
            item.put("target", p.target());
            item.put("language", p.language());
            item.put("file", p.fileName());
            item.put("size", p.size());
            item.put("sha256", p.sha256());
            item.put("url", packageUrl(module, r.version(), p));
            if (latest.map(r.version()::equals).orElse(false)) {
                item.put("latestUrl", packageUrl(module, ReleaseVersion.LATEST, p));
            }
        }
        return node;
    }

    private static String packageUrl(String module, String version, StoredPackage p) {
        return BASE + "/" + module + "/" + version + "/" + p.target() + "/" + p.language() + ".zip";
    }

    private static void text(Context ctx, boolean head, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(type);
        ctx.header("Content-Length", String.valueOf(bytes.length));
        if (!head) {
            ctx.result(bytes);
        }
    }

    // ---- publishing

    private void publish(Context ctx, boolean head, Principal by) throws IOException {
        Path upload = Files.createTempFile("pelita-release-", ".zip");
        try {
            receive(ctx, upload);
            PackageService.Publication publication = packages.publish(ctx.pathParam("module"), ctx.pathParam("version"), upload, by.key());
            PackageService.ReleaseListing listing = packages.listing(publication.module(), publication.version());
            ObjectNode body = releaseNode(publication.module(), listing.release(), listing.latest());
            body.put("outcome", publication.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (publication.outcome() == PackageService.Outcome.PUBLISHED) {
                ctx.status(201);
                ctx.header("Location", BASE + "/" + publication.module() + "/" + publication.version());
            }
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("application/json");
            ctx.result(Json.write(body));
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    /** Copies the body to a file, refusing more than packages-max-bytes (by Content-Length when given, else as it arrives). */
    private void receive(Context ctx, Path upload) throws IOException {
        long declared = ctx.contentLength();
        if (declared > maxUploadBytes) {
            throw new PayloadTooLargeException("the release is " + declared + " bytes; this LRS accepts releases of up to "
                    + maxUploadBytes + " bytes (setting packages-max-bytes)");
        }
        long total = 0;
        try (InputStream in = ctx.bodyInputStream(); OutputStream out = Files.newOutputStream(upload)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxUploadBytes) {
                    throw new PayloadTooLargeException("the release is larger than the " + maxUploadBytes
                            + " bytes this LRS accepts (setting packages-max-bytes)");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new InvalidRequestException("the body is empty: send the release's folder as one zip (Content-Type: application/zip)");
        }
    }

    private void withdraw(Context ctx, boolean head, Principal principal) {
        packages.withdraw(ctx.pathParam("module"), ctx.pathParam("version"));
        ctx.status(204);
        ctx.header("Cache-Control", "no-store");
    }

}
