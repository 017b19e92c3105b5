package org.pelita.packager.definition;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.pelita.packager.definition.yaml.YamlNode;

/**
 * Reads the keys of one YAML mapping, remembering which keys the format knows so that
 * {@link #rejectUnknown()} can report typos (with a suggestion) instead of silently ignoring them.
 */
final class Fields {
    private final YamlNode.Mapping mapping;
    private String what;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    private Fields(YamlNode.Mapping mapping, String what, Problems problems) {
        this.mapping = mapping;
        this.what = what;
        this.problems = problems;
    }

    /** The mapping at {@code node}, or empty (with an error) if the node is something else. */
    static Optional<Fields> of(YamlNode node, String what, Problems problems) {
        if (node instanceof YamlNode.Mapping mapping) {
            return Optional.of(new Fields(mapping, what, problems));
        }
        problems.error(node.location(), what + " must be a mapping of 'key: value' lines, but it is " + node.describe(),
                "see the example in docs/authoring.md");
        return Optional.empty();
    }

    String what() {
        return what;
    }

    /** Names the mapping better once its id is known ("question 'sky'" rather than "question 3 of ..."). */
    void describeAs(String what) {
        this.what = what;
    }

    /** Accepts whatever keys remain: used where the shape is unknown (an unknown type) to avoid follow-on errors. */
    void acceptAll() {
        known.addAll(mapping.entries().keySet());
    }

    SourceLocation location() {
        return mapping.location();
    }

    boolean has(String key) {
        known.add(key);
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry != null && !(entry.value() instanceof YamlNode.Null);
    }

    Optional<YamlNode> optional(String key) {
        known.add(key);
        YamlNode.Entry entry = mapping.entries().get(key);
        if (entry == null || entry.value() instanceof YamlNode.Null) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** The value of a key that must be there; reports it missing (with how to add it) otherwise. */
    Optional<YamlNode> required(String key, String example) {
        Optional<YamlNode> value = optional(key);
        if (value.isEmpty()) {
            YamlNode.Entry entry = mapping.entries().get(key);
            SourceLocation where = entry == null ? mapping.location() : entry.keyLocation();
            problems.error(where, what + (entry == null ? " has no '" + key + "'" : " has an empty '" + key + "'"),
                    "add a line such as `" + example + "`");
        }
        return value;
    }

    /** Reports every key this reader was not asked about. Call after reading all known keys. */
    void rejectUnknown() {
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!known.contains(entry.key())) {
                String suggestion = closest(entry.key(), known);
                problems.error(entry.keyLocation(), "unknown key '" + entry.key() + "' in " + what,
                        suggestion != null ? "did you mean '" + suggestion + "'?"
                                : "the keys allowed here are: " + String.join(", ", known));
            }
        }
    }

    static String closest(String key, Set<String> candidates) {
        return candidates.stream()
                .filter(c -> distance(key.toLowerCase(), c.toLowerCase()) <= Math.max(2, c.length() / 3))
                .min(Comparator.comparingInt(c -> distance(key.toLowerCase(), c.toLowerCase())))
                .orElse(null);
    }

    /** Levenshtein distance, for "did you mean" hints. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
