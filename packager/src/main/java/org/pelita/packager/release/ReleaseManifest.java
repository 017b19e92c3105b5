package org.pelita.packager.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * release.json: what a release holds, so that anyone can tell which zip a partner imported (docs/releases.md).
 *
 * @param packager the packager's version that built it ("development" when run from classes)
 * @param content  what the release teaches and scores, for diff
 */
public record ReleaseManifest(String module, String version, String packager, List<ReleaseArtifact> artifacts,
                              ReleaseContent content) {
    public static final String FILE = "release.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ReleaseManifest {
        artifacts = List.copyOf(artifacts);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ReleaseManifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ReleaseManifest.class);
    }
}
