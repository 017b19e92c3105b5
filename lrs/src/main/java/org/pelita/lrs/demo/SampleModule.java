package org.pelita.lrs.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the landing page and the credentials need from a module folder's {@code module.yaml}: its id, version,
 * languages and title. The packager reads and checks the whole definition when it builds the module; this reads
 * only these fields, leniently.
 *
 * @param title by language tag, in the order of {@code languages}
 */
public record SampleModule(Path directory, String id, String version, List<String> languages, Map<String, String> title) {
    /** Module ids become URL path segments and credential keys. */
    private static final String ID = "[a-z0-9][a-z0-9._-]{0,99}";

    /** The folders of {@code samples} that hold a module.yaml, by name. */
    public static List<Path> folders(Path samples) throws IOException {
        try (Stream<Path> children = Files.list(samples)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("module.yaml"))).sorted().toList();
        }
    }

    /** @throws IllegalArgumentException naming what is missing */
    public static SampleModule read(Path directory) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(directory.resolve("module.yaml").toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("module.yaml holds no settings");
        }
        String id = root.path("id").asText("");
        if (!id.matches(ID)) {
            throw new IllegalArgumentException("module.yaml: id '" + id + "' is missing or not lower-case letters, digits, . _ -");
        }
        List<String> languages = new ArrayList<>();
        JsonNode langs = root.path("languages");
        if (langs.isArray()) {
            langs.forEach(l -> languages.add(l.asText()));
        } else if (langs.isTextual()) {
            languages.add(langs.asText());
        }
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("module.yaml: no languages");
        }
        Map<String, String> title = new LinkedHashMap<>();
        JsonNode titles = root.path("title");
        for (String language : languages) {
            String text = titles.isTextual() ? titles.asText() : titles.path(language).asText("");
            title.put(language, text.isBlank() ? id : text);
        }
        return new SampleModule(directory, id, root.path("version").asText(""), List.copyOf(languages), Map.copyOf(title));
    }

    /** The title in the module's first (default) language. */
    public String defaultTitle() {
        return title.get(languages.get(0));
    }

    /** The activity IRI the packager gives the module with this activity base. */
    public String iri(String activityBase) {
        return activityBase + id;
    }
}
