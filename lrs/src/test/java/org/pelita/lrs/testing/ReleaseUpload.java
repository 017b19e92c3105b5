package org.pelita.lrs.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.attachment.Sha2;

/**
 * A release folder zipped for publishing, as the packager's {@code publish} sends it: release.json, RELEASE-NOTES.md and
 * the packages at the paths release.json gives. Each package's bytes name its module, version, target and language, so
 * a download shows which one was served. {@link #manifest} and {@link #file} make the broken uploads the tests need.
 */
public final class ReleaseUpload {
    private final String module;
    private final String version;
    private final ObjectNode manifest = Json.MAPPER.createObjectNode();
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private ReleaseUpload(String module, String version) {
        this.module = module;
        this.version = version;
        manifest.put("module", module).put("version", version).put("packager", "test");
        manifest.putArray("artifacts");
        files.put("RELEASE-NOTES.md", ("# " + module + " " + version + "\n\n- Changes.\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A release with a SCORM 1.2 package in English and Indonesian and a web site with both. */
    public static ReleaseUpload of(String module, String version) {
        return new ReleaseUpload(module, version).add("scorm12", "en").add("scorm12", "id").add("web", "en", "id");
    }

    /** Another package, its content derived from what it is. */
    public ReleaseUpload add(String target, String... languages) {
        return add(packageBytes(target, String.join(",", languages), ""), target, languages);
    }

    /** Another package with this content. */
    public ReleaseUpload add(byte[] content, String target, String... languages) {
        String tag = languages.length == 1 ? languages[0] : "";
        String file = target + "/" + module + "-" + version + "-" + target + (tag.isEmpty() ? "" : "-" + tag) + ".zip";
        ObjectNode artifact = ((ArrayNode) manifest.get("artifacts")).addObject();
        artifact.put("target", target);
        ArrayNode list = artifact.putArray("languages");
        for (String language : languages) {
            list.add(language);
        }
        artifact.put("file", file).put("size", content.length).put("sha256", Sha2.sha256Hex(content));
        files.put(file, content);
        return this;
    }

    /** Changes the content of the first package (and release.json with it): another build under the same version. */
    public ReleaseUpload changed() {
        ObjectNode artifact = (ObjectNode) manifest.get("artifacts").get(0);
        byte[] content = packageBytes(artifact.get("target").asText(), "changed", "changed");
        artifact.put("size", content.length).put("sha256", Sha2.sha256Hex(content));
        files.put(artifact.get("file").asText(), content);
        return this;
    }

    public ReleaseUpload manifest(Consumer<ObjectNode> change) {
        change.accept(manifest);
        return this;
    }

    /** Puts a file in the upload (null removes it). */
    public ReleaseUpload file(String path, byte[] content) {
        if (content == null) {
            files.remove(path);
        } else {
            files.put(path, content);
        }
        return this;
    }

    /** The bytes of the package release.json lists at this path. */
    public byte[] bytes(String path) {
        return files.get(path).clone();
    }

    public byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("release.json"));
            zip.write(Json.write(manifest).getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private byte[] packageBytes(String target, String languages, String salt) {
        return ("package " + module + " " + version + " " + target + " " + languages + " " + salt).getBytes(StandardCharsets.UTF_8);
    }
}
