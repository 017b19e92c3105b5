package org.pelita.packager.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pelita.packager.definition.yaml.YamlNode;
import org.pelita.packager.model.LocalizedText;

/**
 * Reads texts that must exist in every language of the module. A module with one language may write a
 * plain text; otherwise each text is a mapping from language tag to text.
 */
final class Texts {
    private final List<String> languages;
    private final Problems problems;
    private final Values values;

    Texts(List<String> languages, Problems problems) {
        this.languages = languages;
        this.problems = problems;
        this.values = new Values(problems);
    }

    List<String> languages() {
        return languages;
    }

    Optional<LocalizedText> read(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar && languages.size() == 1) {
            return values.text(node, what).map(text -> new LocalizedText(Map.of(languages.get(0), text)));
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.error(node.location(), what + " must be given in every language of the module ("
                    + String.join(", ", languages) + "), but it is " + node.describe(),
                    "write one line per language under it, e.g. `" + languages.get(0) + ": ...`");
            return Optional.empty();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        boolean complete = true;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!languages.contains(entry.key())) {
                boolean looksLikeText = entry.key().contains(" ");
                problems.error(entry.keyLocation(), what + " has a text in '" + entry.key()
                        + "', which is not a language of this module", looksLikeText
                        ? "a comma inside `{ ... }` starts a new entry: put a text that contains a comma in quotes, e.g. en: \"one, two\""
                        : "add '" + entry.key() + "' to `languages` in module.yaml, or remove this line");
                complete = false;
                continue;
            }
            Optional<String> text = values.text(entry.value(), what + " in '" + entry.key() + "'");
            if (text.isPresent()) {
                texts.put(entry.key(), text.get());
            } else {
                complete = false;
            }
        }
        List<String> missing = new ArrayList<>();
        for (String language : languages) {
            if (!mapping.entries().containsKey(language)) {
                missing.add(language);
            }
        }
        if (!missing.isEmpty()) {
            problems.error(mapping.location(), what + " has no text in " + String.join(", ", missing),
                    "add a line `" + missing.get(0) + ": ...` with the translation");
            complete = false;
        }
        return complete ? Optional.of(new LocalizedText(texts)) : Optional.empty();
    }

    /** Lists of texts per language (accepted fill-in answers). */
    Optional<Map<String, List<String>>> readLists(YamlNode node, String what) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (node instanceof YamlNode.Sequence && languages.size() == 1) {
            return textList(node, what).map(list -> Map.of(languages.get(0), list));
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.error(node.location(), what + " must list the accepted answers per language ("
                    + String.join(", ", languages) + "), but it is " + node.describe(),
                    "write `" + languages.get(0) + ": [answer, other answer]` for each language");
            return Optional.empty();
        }
        boolean complete = true;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!languages.contains(entry.key())) {
                problems.error(entry.keyLocation(), what + " has answers in '" + entry.key()
                        + "', which is not a language of this module", "remove this line or add the language");
                complete = false;
                continue;
            }
            Optional<List<String>> list = textList(entry.value(), what + " in '" + entry.key() + "'");
            if (list.isPresent()) {
                result.put(entry.key(), list.get());
            } else {
                complete = false;
            }
        }
        for (String language : languages) {
            if (!mapping.entries().containsKey(language)) {
                problems.error(mapping.location(), what + " has no accepted answer in " + language,
                        "add `" + language + ": [answer]`");
                complete = false;
            }
        }
        return complete ? Optional.of(result) : Optional.empty();
    }

    private Optional<List<String>> textList(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar) {
            return values.text(node, what).map(List::of);
        }
        Optional<List<YamlNode>> items = values.list(node, what, 1);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (YamlNode item : items.get()) {
            values.text(item, what).ifPresent(texts::add);
        }
        return texts.size() == items.get().size() ? Optional.of(texts) : Optional.empty();
    }
}
