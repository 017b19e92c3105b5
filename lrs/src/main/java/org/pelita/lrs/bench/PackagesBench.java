package org.pelita.lrs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.pelita.lrs.xapi.attachment.Sha2;

/**
 * The published packages (docs/packages.md) under load, with this JVM's heap printed beside: one release with a
 * package of the given size and a small one is published; then clients download the large one at once (each checks
 * the SHA-256 of what it got); then an LMS's requests for the small one, in full and conditional (304).
 */
public final class PackagesBench {
    private static final String MODULE = "bench-video";
    private static final int SMALL = 50_000;

    private final String base;
    private final String authorization;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newHttpClient();

    public PackagesBench(String host, int port, String key, String secret, PrintWriter out) {
        this.base = "http://" + host + ":" + port + "/packages";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.out = out;
    }

    public void run(int megabytes, int clients, int requests) throws Exception {
        out.printf("-- published packages: a %,d MB package; heap at most %,d MB%n", megabytes, Runtime.getRuntime().maxMemory() >> 20);
        Path release = Files.createTempFile("pelita-bench-release-", ".zip");
        try {
            byte[] small = random(SMALL, 2);
            String largeSha = writeRelease(release, megabytes * 1_000_000L, small);
            long started = System.nanoTime();
            HttpResponse<String> published = http.send(request("/" + MODULE + "/1.0.0").header("Content-Type", "application/zip")
                    .PUT(HttpRequest.BodyPublishers.ofFile(release)).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - started) / 1e9;
            if (published.statusCode() != 201) {
                throw new IllegalStateException("publishing failed: " + published.statusCode() + " " + published.body());
            }
            out.printf("publish %,d MB release: %.1f s (%.0f MB/s); heap used after: %,d MB%n", megabytes + SMALL / 1_000_000, seconds,
                    megabytes / seconds, used());
            downloads(megabytes, clients, largeSha);
            small(requests);
        } finally {
            Files.deleteIfExists(release);
        }
    }

    private void downloads(int megabytes, int clients, String sha256) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long started = System.nanoTime();
            List<Future<String>> hashes = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                hashes.add(pool.submit(() -> {
                    HttpResponse<InputStream> response = http.send(request("/" + MODULE + "/latest/web/all.zip").GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("download: " + response.statusCode());
                    }
                    MessageDigest digest = Sha2.sha256();
                    try (InputStream in = response.body()) {
                        byte[] buffer = new byte[64 * 1024];
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            digest.update(buffer, 0, n);
                        }
                    }
                    return HexFormat.of().formatHex(digest.digest());
                }));
            }
            for (Future<String> hash : hashes) {
                if (!hash.get().equals(sha256)) {
                    throw new IllegalStateException("a download differs from the published package");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("%d downloads at once of the %,d MB package, each checked: %.1f s (%.0f MB/s in all); heap used after: %,d MB%n",
                    clients, megabytes, seconds, clients * megabytes / seconds, used());
        } finally {
            pool.shutdown();
        }
    }

    /** An LMS's requests for a small package: in full, then with the ETag it has (304). */
    private void small(int requests) throws Exception {
        String path = "/" + MODULE + "/latest/scorm12/en.zip";
        String etag = null;
        Latencies full = new Latencies();
        Latencies conditional = new Latencies();
        for (int i = 0; i < requests * 2; i++) {
            boolean ask = i % 2 == 1;
            HttpRequest.Builder request = request(path).GET();
            if (ask) {
                request.header("If-None-Match", etag);
            }
            long started = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long micros = (System.nanoTime() - started) / 1000;
            if (response.statusCode() != (ask ? 304 : 200)) {
                throw new IllegalStateException("small package: " + response.statusCode());
            }
            etag = response.headers().firstValue("ETag").orElseThrow();
            (ask ? conditional : full).add(micros);
        }
        out.printf("GET %,d-byte package, %d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", SMALL, requests,
                full.percentile(50), full.percentile(95), full.percentile(99));
        out.printf("GET with its ETag (304), %d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", requests,
                conditional.percentile(50), conditional.percentile(95), conditional.percentile(99));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization);
    }

    /** The release folder as `publish` sends it, zipped without compression (the packages are zips already). */
    private static String writeRelease(Path zip, long largeBytes, byte[] small) throws IOException {
        MessageDigest largeDigest = Sha2.sha256();
        CRC32 crc = new CRC32();
        Random random = new Random(1);
        byte[] block = new byte[1 << 20];
        for (long left = largeBytes; left > 0; left -= block.length) {
            int n = (int) Math.min(block.length, left);
            random.nextBytes(block);
            largeDigest.update(block, 0, n);
            crc.update(block, 0, n);
        }
        String largeSha = HexFormat.of().formatHex(largeDigest.digest());
        String manifest = "{\"module\":\"" + MODULE + "\",\"version\":\"1.0.0\",\"packager\":\"bench\",\"artifacts\":["
                + "{\"target\":\"scorm12\",\"languages\":[\"en\"],\"file\":\"scorm12/small.zip\",\"size\":" + small.length
                + ",\"sha256\":\"" + Sha2.sha256Hex(small) + "\"},"
                + "{\"target\":\"web\",\"languages\":[\"en\",\"id\"],\"file\":\"web/large.zip\",\"size\":" + largeBytes
                + ",\"sha256\":\"" + largeSha + "\"}]}";
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("release.json"));
            out.write(manifest.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("scorm12/small.zip"));
            out.write(small);
            ZipEntry large = new ZipEntry("web/large.zip");
            large.setMethod(ZipEntry.STORED);
            large.setSize(largeBytes);
            large.setCrc(crc.getValue());
            out.putNextEntry(large);
            random = new Random(1);
            for (long left = largeBytes; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
            out.closeEntry();
        }
        return largeSha;
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static long used() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}
