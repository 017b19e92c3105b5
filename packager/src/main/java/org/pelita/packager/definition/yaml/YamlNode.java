package org.pelita.packager.definition.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import org.pelita.packager.definition.SourceLocation;

/** A YAML document as a tree whose every node knows where it was written, so errors can name file and line. */
public sealed interface YamlNode {
    SourceLocation location();

    /** What this node is, for messages: "a text", "a list", "a mapping", "nothing". */
    String describe();

    record Scalar(String text, SourceLocation location) implements YamlNode {
        public String describe() {
            return "the value '" + text + "'";
        }
    }

    record Null(SourceLocation location) implements YamlNode {
        public String describe() {
            return "an empty value";
        }
    }

    record Sequence(List<YamlNode> items, SourceLocation location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        public String describe() {
            return "a list";
        }
    }

    /** Keys keep their order and their own locations. */
    record Mapping(LinkedHashMap<String, Entry> entries, SourceLocation location) implements YamlNode {
        public String describe() {
            return "a mapping (key: value lines)";
        }

    }

    record Entry(String key, SourceLocation keyLocation, YamlNode value) {
    }
}
