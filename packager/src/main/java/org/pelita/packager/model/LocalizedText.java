package org.pelita.packager.model;

import java.util.Map;
import java.util.TreeMap;

/** One text in every language of a module; keys are BCP 47 language tags. */
public record LocalizedText(Map<String, String> values) {
    public LocalizedText {
        values = Map.copyOf(values);
    }

    public String in(String language) {
        String text = values.get(language);
        if (text == null) {
            throw new IllegalArgumentException("no text in language " + language + " (have " + new TreeMap<>(values).keySet() + ")");
        }
        return text;
    }
}
