package org.pelita.packager.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Which module and version a Pelita package holds, read from the runtime data of its first page
 * ({@code <script type="application/json" id="pelita-data">}); empty for packages other tools made.
 */
final class PelitaIdentity {
    /** The module id and version a package says it holds. */
    record Identity(String module, String version) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private PelitaIdentity() {
    }

    static Optional<Identity> read(Path zip, ZipScan scan) {
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (String name : scan.files().stream().filter(n -> n.endsWith(".html") && !n.contains("/")).sorted().toList()) {
                ZipEntry entry = file.getEntry(name);
                Optional<byte[]> bytes = entry == null ? Optional.empty() : EntryBytes.read(file, entry, EntryBytes.MAX_PAGE);
                if (bytes.isEmpty()) {
                    continue;
                }
                Element data = Jsoup.parse(new String(bytes.get(), StandardCharsets.UTF_8)).getElementById("pelita-data");
                if (data == null) {
                    continue;
                }
                JsonNode json = JSON.readTree(data.data());
                if (json.path("module").isTextual() && json.path("version").isTextual()) {
                    return Optional.of(new Identity(json.get("module").asText(), json.get("version").asText()));
                }
            }
        } catch (IOException e) {
            // An unreadable zip or page is reported by the other checks; it simply has no identity here.
        }
        return Optional.empty();
    }
}
