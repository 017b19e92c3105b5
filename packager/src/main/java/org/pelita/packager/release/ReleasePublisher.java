package org.pelita.packager.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.pelita.packager.archive.Sha256;

/**
 * Publishes a release folder on a Pelita LRS (docs/packages.md): checks that every package is still the one release.json
 * describes, zips the folder and PUTs it to {@code <lrs>/packages/<module>/<version>} with an administrator's credential.
 */
public final class ReleasePublisher {
    /** What the LRS did, and the addresses it serves the packages at (absolute). */
    public record Result(String module, String version, String lrs, String outcome, List<String> urls, List<String> latestUrls) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    /**
     * @param lrs        the LRS's address (its root; a trailing /xapi is dropped)
     * @param credential key:secret of a credential with scope all
     */
    public Result publish(Path release, URI lrs, String credential) throws IOException, PublishException {
        Path file = Files.isDirectory(release) ? release.resolve(ReleaseManifest.FILE) : release;
        if (!Files.isRegularFile(file)) {
            throw new PublishException(file + " does not exist: give a release folder (dist/<module>/<version>) made by `release`");
        }
        Path folder = file.getParent() == null ? Path.of(".") : file.getParent();
        ReleaseManifest manifest = ReleaseManifest.read(file);
        Path bundle = Files.createTempFile("pelita-publish-", ".zip");
        try {
            bundle(folder, manifest, bundle);
            return send(bundle, manifest, lrs, credential);
        } finally {
            Files.deleteIfExists(bundle);
        }
    }

    private Result send(Path bundle, ReleaseManifest manifest, URI lrs, String credential) throws IOException, PublishException {
        String root = root(lrs);
        URI target = URI.create(root + "/packages/" + manifest.module() + "/" + manifest.version());
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofFile(bundle))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing to " + target, e);
        } catch (IOException e) {
            throw new PublishException("cannot reach the LRS at " + target + ": " + e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            String message = body.path("message").asText(response.body());
            throw new PublishException("the LRS refused the release (HTTP " + response.statusCode() + "): " + message);
        }
        List<String> urls = new ArrayList<>();
        List<String> latest = new ArrayList<>();
        for (JsonNode p : body.path("packages")) {
            urls.add(root + p.path("url").asText());
            if (p.hasNonNull("latestUrl")) {
                latest.add(root + p.path("latestUrl").asText());
            }
        }
        return new Result(manifest.module(), manifest.version(), root, body.path("outcome").asText(), urls, latest);
    }

    /**
     * Writes the release's folder as one zip: release.json, RELEASE-NOTES.md and each package, checked against its hash.
     * Files are copied as they are read, so a release with video is never held in memory.
     */
    static void bundle(Path folder, ReleaseManifest manifest, Path bundle) throws IOException, PublishException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            add(zip, ReleaseManifest.FILE, folder.resolve(ReleaseManifest.FILE));
            Path notes = folder.resolve(ReleaseNotes.FILE);
            if (Files.isRegularFile(notes)) {
                add(zip, ReleaseNotes.FILE, notes);
            }
            for (ReleaseArtifact artifact : manifest.artifacts()) {
                Path path = folder.resolve(artifact.file());
                if (!Files.isRegularFile(path)) {
                    throw new PublishException(artifact.file() + " is missing from " + folder + ": the release is incomplete; release it again");
                }
                String sha256 = Sha256.of(path);
                if (!sha256.equals(artifact.sha256())) {
                    throw new PublishException(artifact.file() + " has SHA-256 " + sha256 + ", not the " + artifact.sha256()
                            + " release.json gives: it changed after the release. Release it again (a new version if its content changed)");
                }
                add(zip, artifact.file(), path);
            }
        }
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0);
        zip.putNextEntry(entry);
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static String root(URI lrs) {
        String text = lrs.toString().replaceAll("/+$", "");
        return text.endsWith("/xapi") ? text.substring(0, text.length() - "/xapi".length()) : text;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
