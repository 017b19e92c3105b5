package org.pelita.packager.definition;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pelita.packager.definition.yaml.YamlNode;

/**
 * The interface texts of generated content (buttons, messages): built in for the pilot's languages,
 * overridable per module under {@code ui:}, and complete for every language of a module or an error.
 */
public final class UiTexts {
    private static final Map<String, Map<String, String>> BUILT_IN = load();
    private static final Map<String, String> ALIASES = Map.of("tl", "fil");

    private UiTexts() {
    }

    /** The keys every language must define, in the reference (English) order. */
    public static List<String> keys() {
        return List.copyOf(BUILT_IN.get("en").keySet());
    }

    /**
     * The texts the module's own pages use, without the web target's start-page texts ({@code code*}), which only
     * the start page shows: the runtime data of every page stays smaller by their size.
     */
    public static Map<String, String> forModulePages(Map<String, String> texts) {
        Map<String, String> pageTexts = new TreeMap<>(texts);
        pageTexts.keySet().removeIf(key -> key.startsWith(START_PAGE_PREFIX));
        return pageTexts;
    }

    private static final String START_PAGE_PREFIX = "code";

    public static List<String> builtInLanguages() {
        return List.copyOf(BUILT_IN.keySet());
    }

    /** Built-in texts for a language tag: exact tag, then its primary subtag ("id-ID" → "id"). */
    static Optional<Map<String, String>> builtIn(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        String primary = lower.contains("-") ? lower.substring(0, lower.indexOf('-')) : lower;
        for (String candidate : List.of(lower, primary)) {
            String key = ALIASES.getOrDefault(candidate, candidate);
            if (BUILT_IN.containsKey(key)) {
                return Optional.of(BUILT_IN.get(key));
            }
        }
        return Optional.empty();
    }

    /** Resolves the texts of each module language, reporting unknown or missing keys. */
    static Map<String, Map<String, String>> resolve(List<String> languages, Optional<YamlNode> overrides, Problems problems) {
        Map<String, Map<String, String>> custom = new LinkedHashMap<>();
        Values values = new Values(problems);
        if (overrides.isPresent()) {
            Optional<Fields> byLanguage = Fields.of(overrides.get(), "ui", problems);
            byLanguage.ifPresent(fields -> {
                for (String language : languages) {
                    fields.optional(language).flatMap(node -> Fields.of(node, "ui." + language, problems)).ifPresent(texts -> {
                        Map<String, String> map = new LinkedHashMap<>();
                        for (String key : keys()) {
                            texts.optional(key).flatMap(n -> values.text(n, "ui." + language + "." + key)).ifPresent(t -> map.put(key, t));
                        }
                        texts.rejectUnknown();
                        custom.put(language, map);
                    });
                }
                fields.rejectUnknown();
            });
        }
        Map<String, Map<String, String>> resolved = new LinkedHashMap<>();
        for (String language : languages) {
            Map<String, String> texts = new TreeMap<>(builtIn(language).orElse(Map.of()));
            texts.putAll(custom.getOrDefault(language, Map.of()));
            List<String> missing = new ArrayList<>();
            for (String key : keys()) {
                if (!texts.containsKey(key)) {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                problems.error(overrides.map(YamlNode::location).orElse(SourceLocation.of("module.yaml").atLine(1)),
                        "Pelita has no interface texts for '" + language + "' and the module gives "
                                + (missing.size() == keys().size() ? "none" : "only some") + "; missing: " + String.join(", ", missing),
                        "add them under `ui: " + language + ":` in module.yaml (built-in languages: "
                                + String.join(", ", builtInLanguages()) + ")");
            }
            resolved.put(language, Map.copyOf(texts));
        }
        return resolved;
    }

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = UiTexts.class.getResourceAsStream("ui-texts.yaml")) {
            if (in == null) {
                throw new IllegalStateException("ui-texts.yaml missing from the packager's resources");
            }
            LinkedHashMap<String, LinkedHashMap<String, String>> texts = new ObjectMapper(new YAMLFactory())
                    .readValue(in, new TypeReference<LinkedHashMap<String, LinkedHashMap<String, String>>>() { });
            return new LinkedHashMap<>(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
